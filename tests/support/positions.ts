/**
 * The location of `text` in `code` (the first occurrence inside the first `inside`, when given), as
 * RuleTester expects it: 1-based lines and columns, end exclusive. Throws when `text` is absent, so
 * a typo in a test cannot pass as "no position".
 */
export function at(code: string, text: string, inside = text): { line: number; column: number; endLine: number; endColumn: number } {
  const outer = code.indexOf(inside);
  const start = outer < 0 ? -1 : code.indexOf(text, outer);
  if (start < 0) throw new Error(`${text} not found`);
  const position = (offset: number): { line: number; column: number } => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
  };
  const from = position(start);
  const to = position(start + text.length);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
