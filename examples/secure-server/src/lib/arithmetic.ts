/**
 * A small arithmetic evaluator: numbers, + - * / %, unary + and -, parentheses. It parses the text
 * itself (recursive descent), so nothing in it is ever run as JavaScript.
 *
 *   expression := term (('+' | '-') term)*
 *   term       := factor (('*' | '/' | '%') factor)*
 *   factor     := ('+' | '-') factor | number | '(' expression ')'
 */

export type ArithmeticResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'syntax' | 'too-deep' | 'not-finite' };

/** Nesting (parentheses and unary signs) deeper than this is refused, so the stack stays small. */
const MAX_DEPTH = 64;
const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;

class SyntaxFailure extends Error {}
class DepthFailure extends Error {}

export function evaluateArithmetic(text: string): ArithmeticResult {
  let position = 0;
  let depth = 0;

  function skipSpaces(): void {
    while (position < text.length && /\s/.test(text.charAt(position))) position += 1;
  }

  function peek(): string {
    skipSpaces();
    return text.charAt(position);
  }

  function expression(): number {
    let value = term();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      position += 1;
      const right = term();
      value = op === '+' ? value + right : value - right;
    }
    return value;
  }

  function term(): number {
    let value = factor();
    for (let op = peek(); op === '*' || op === '/' || op === '%'; op = peek()) {
      position += 1;
      const right = factor();
      value = op === '*' ? value * right : op === '/' ? value / right : value % right;
    }
    return value;
  }

  function factor(): number {
    if (++depth > MAX_DEPTH) throw new DepthFailure();
    try {
      const next = peek();
      if (next === '+' || next === '-') {
        position += 1;
        const operand = factor();
        return next === '-' ? -operand : operand;
      }
      if (next === '(') {
        position += 1;
        const value = expression();
        if (peek() !== ')') throw new SyntaxFailure();
        position += 1;
        return value;
      }
      NUMBER.lastIndex = position;
      const match = NUMBER.exec(text);
      if (match === null) throw new SyntaxFailure();
      position += match[0].length;
      return Number(match[0]);
    } finally {
      depth -= 1;
    }
  }

  try {
    const value = expression();
    if (peek() !== '') return { ok: false, reason: 'syntax' };
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'not-finite' };
  } catch (err) {
    // Only the two failures above are thrown in here.
    return { ok: false, reason: err instanceof DepthFailure ? 'too-deep' : 'syntax' };
  }
}
