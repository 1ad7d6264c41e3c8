import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { afterAll, describe, expect, it } from 'vitest';

import { countCharacters, dedent, resolveDescriptionText, type DescriptionText } from '../../src/util/description-text.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';
import { walk } from '../../src/util/source-unit.js';

const dir = mkdtempSync(path.join(tmpdir(), 'description-text-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;

/** Resolves the value of the `description` property in `code` (the last one in the file). */
function resolve(code: string, files: Record<string, string> = {}): DescriptionText {
  const sub = path.join(dir, String(counter++));
  mkdirSync(sub, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(sub, name)), { recursive: true });
    writeFileSync(path.join(sub, name), text);
  }
  const filename = path.join(sub, 'server.ts');
  writeFileSync(filename, code);
  const unit = parseSourceUnit(filename, code);
  let target: TSESTree.Node | undefined;
  walk(unit.ast, unit.visitorKeys, (node) => {
    if (node.type === 'Property' && node.key.type === 'Identifier' && node.key.name === 'description') target = node.value;
  });
  if (!target) throw new Error('no description property');
  return resolveDescriptionText(target);
}

function texts(result: DescriptionText): string[] {
  return result.kind === 'static' ? result.variants.map((v) => v.text) : [];
}

describe('static descriptions', () => {
  it.each([
    ["({ description: 'Read a file' })", ['Read a file']],
    ['({ description: `Read a file` })', ['Read a file']],
    ["({ description: 'Read ' + 'a file' })", ['Read a file']],
    ["const MAX = 20; ({ description: 'At most ' + MAX + ' results' })", ['At most 20 results']],
    ["const MAX = 20; ({ description: `At most ${MAX} results` })", ['At most 20 results']],
    ["const A = 'Read'; const B = `${A} a file`; ({ description: B })", ['Read a file']],
    ["({ description: 'Read'.concat(' a ', 'file') })", ['Read a file']],
    ["({ description: ['Read', 'a', 'file'].join(' ') })", ['Read a file']],
    ["const LINES = ['Read', 'a file']; ({ description: LINES.join('\\n') })", ['Read\na file']],
    ["({ description: '  Read a file  '.trim() })", ['Read a file']],
    ["({ description: String.raw`C:\\temp` })", ['C:\\temp']],
    ['({ description: dedent`\n    Read a file.\n      Indented.\n  ` })', ['Read a file.\n  Indented.']],
    ["const TEXT = { read: 'Read a file' } as const; ({ description: TEXT.read })", ['Read a file']],
    ["const TEXT = { read: 'Read a file' }; ({ description: TEXT['read'] })", ['Read a file']],
    ["const verbose = Math.random() > 0.5; ({ description: verbose ? 'Long text' : 'Short' })", ['Long text', 'Short']],
    ["({ description: 'Read a file' satisfies string })", ['Read a file']],
  ])('%s', (code, expected) => {
    expect(texts(resolve(code))).toEqual(expected);
  });

  it('no text at all', () => {
    expect(resolve('({ description: undefined })').kind).toBe('none');
    expect(resolve('({ description: null })').kind).toBe('none');
  });

  it('the loop variable of a constant array', () => {
    const code = `const TOOLS = [{ name: 'a', description: 'Alpha' }, { name: 'b', description: 'Beta' }];
      for (const t of TOOLS) server.registerTool(t.name, { description: t.description }, run);`;
    expect(texts(resolve(code))).toEqual(['Alpha', 'Beta']);
    const forEach = `const TOOLS = [{ name: 'a', description: 'Alpha' }];
      TOOLS.forEach((t) => server.registerTool(t.name, { description: t.description }, run));`;
    expect(texts(resolve(forEach))).toEqual(['Alpha']);
  });

  it('the arguments of a local factory function', () => {
    const code = `function add(name: string, text: string = 'Default text') { server.registerTool(name, { description: text }, run); }
      add('a', 'Alpha');
      add('b');`;
    const result = resolve(code);
    expect(result).toEqual({
      kind: 'static',
      variants: [{ text: 'Alpha', origin: 'the call at line 2' }, { text: 'Default text', origin: 'the call at line 3' }],
    });
  });
});

describe('texts built by `+=` and returned by functions', () => {
  it.each([
    ["let d = 'Run SQL'; if (ALLOW) { d += ' with INSERT'; } else { d += ' (READ-ONLY)'; } ({ description: d })", ['Run SQL with INSERT', 'Run SQL (READ-ONLY)']],
    ["const TAIL = '!'; let d = 'A'; d += 'B'; if (x) d += 'C'; else if (y) { d += 'D'; d += TAIL; } ({ description: d })", ['ABC', 'ABD!', 'AB']],
    ["let d = 'A'; const list = () => ({ description: d }); d += 'B';", ['AB']],
    ["function guidance(os: string) { return os === 'win' ? 'Use backslashes.' : 'Use slashes.'; } ({ description: `Paths. ${guidance(OS)}` })", ['Paths. Use backslashes.', 'Paths. Use slashes.']],
    ["function g() { let t = 'A'; if (c) { t += 'B'; } return t; } ({ description: g() })", ['AB', 'A']],
    ["const g = (short: boolean) => (short ? 'S' : 'L'); ({ description: g(true) + g(false) })", ['SS', 'SL', 'LS', 'LL']],
    ["function g(kind: string) { if (kind === 'a') return 'Alpha'; return `Other ${kind}`; } ({ description: g('b') })", ['Alpha', 'Other b']],
  ])('%s', (code, expected) => {
    expect(texts(resolve(code))).toEqual(expected);
  });

  it('a function exported by a relative module', () => {
    const files = { 'guide.ts': "export function pathGuidance() { let g = 'Use absolute paths.'; if (process.platform === 'win32') { g += ' Backslashes work.'; } return g; }" };
    expect(texts(resolve("import { pathGuidance } from './guide.js'; ({ description: `Read. ${pathGuidance()}` })", files))).toEqual([
      'Read. Use absolute paths. Backslashes work.',
      'Read. Use absolute paths.',
    ]);
  });

  it.each([
    ["let d = 'a'; for (const x of xs) { d += x; } ({ description: d })", 'variable', 'd'],
    ["let d = 'a'; d += 'b'; ({ description: d }); d += 'c';", 'variable', 'd'],
    ["let d = 'a'; try { d += 'b'; } catch {} ({ description: d })", 'variable', 'd'],
    ["let d = 'a'; d += 'b'; d = 'c'; ({ description: d })", 'variable', 'd'],
    ["let d = 'a'; [1].forEach(() => { d += 'b'; }); ({ description: d })", 'variable', 'd'],
    ["function g(info: { shell: string }) { return `Shell: ${info.shell}`; } ({ description: g(getInfo()) })", 'call', 'g(getInfo())'],
    ["import { readFileSync } from 'node:fs'; function g() { return readFileSync('x.md', 'utf8'); } ({ description: g() })", 'call', 'g()'],
    ["export function g(text: string) { return text; } ({ description: g('x') })", 'call', "g('x')"],
    ['function* g() { yield "x"; } ({ description: g() })', 'call', 'g()'],
  ])('still run-time: %s', (code, reason, source) => {
    expect(resolve(code)).toMatchObject({ kind: 'dynamic', reason, source });
  });

  it('the key of a run-time text is the innermost expression, shared by the calls of a helper', () => {
    const code = "function g() { return process.env.HINT; }\nconst a = g();\n({ description: g() })";
    const result = resolve(code);
    expect(result).toMatchObject({ kind: 'dynamic', reason: 'call', source: 'g()' });
    expect(result.kind === 'dynamic' && result.key.type).toBe('MemberExpression');
  });
});

describe('constants of relative modules', () => {
  it('named, default, namespace, re-exported and nested', () => {
    const files = {
      'text.ts': "export const READ = 'Read ' + 'a file';\nexport default 'Default';\nexport const TEXT = { write: `Write ${'a file'}` };\nexport { READ as ALIAS };",
      'index.ts': "export { READ as RE_EXPORTED } from './text.js';",
    };
    expect(resolve("import { READ } from './text.js'; ({ description: READ })", files)).toEqual({
      kind: 'static',
      variants: [{ text: 'Read a file', origin: '`./text.ts`' }],
    });
    expect(texts(resolve("import D from './text.js'; ({ description: D })", files))).toEqual(['Default']);
    expect(texts(resolve("import * as T from './text.js'; ({ description: T.READ })", files))).toEqual(['Read a file']);
    expect(texts(resolve("import { TEXT } from './text.js'; ({ description: TEXT.write })", files))).toEqual(['Write a file']);
    expect(texts(resolve("import { ALIAS } from './text'; ({ description: ALIAS })", files))).toEqual(['Read a file']);
    expect(texts(resolve("import { RE_EXPORTED } from './index.js'; ({ description: RE_EXPORTED })", files))).toEqual(['Read a file']);
  });

  it('a constant of the imported module built from its own imports', () => {
    const files = {
      'parts.ts': "export const VERB = 'Read';",
      'text.ts': "import { VERB } from './parts.js';\nexport const READ = `${VERB} a file`;",
    };
    expect(resolve("import { READ } from './text.js'; ({ description: READ })", files)).toEqual({
      kind: 'static',
      variants: [{ text: 'Read a file', origin: '`./text.ts`' }],
    });
  });
});

describe('descriptions only known at run time', () => {
  it.each([
    ["import { readFileSync } from 'node:fs'; ({ description: readFileSync('d.md', 'utf8') })", 'file', "readFileSync('d.md', 'utf8')"],
    ["import fs from 'fs'; ({ description: fs.readFileSync(new URL('./d.md', import.meta.url), 'utf8') })", 'file', 'fs.readFileSync(…)'],
    ["import { readFile } from 'node:fs/promises'; ({ description: await readFile('d.md', 'utf8') })", 'file', "readFile('d.md', 'utf8')"],
    ['({ description: process.env.TOOL_DESCRIPTION })', 'environment', 'process.env.TOOL_DESCRIPTION'],
    ["({ description: process.env.TOOL_DESCRIPTION ?? 'Read a file' })", 'environment', 'process.env.TOOL_DESCRIPTION'],
    ["({ description: t('tools.read.description') })", 'call', "t('tools.read.description')"],
    ["({ description: `Read ${loadName()}` })", 'call', 'loadName()'],
    ['export function add(text: string) { return { description: text }; }', 'parameter', 'text'],
    ['export function add(def: { text: string }) { return { description: def.text }; }', 'parameter', 'def.text'],
    ["import { TEXT } from '@acme/texts'; ({ description: TEXT })", 'import', 'TEXT'],
    ["import { TEXT } from './missing.js'; ({ description: TEXT })", 'import', 'TEXT'],
    ["let text = 'a'; text = 'b'; ({ description: text })", 'variable', 'text'],
    ['({ description: someGlobal })', 'unknown', 'someGlobal'],
  ])('%s', (code, reason, source) => {
    expect(resolve(code)).toMatchObject({ kind: 'dynamic', reason, source });
  });

  it('a dynamic part of an imported constant says where it is', () => {
    const files = { 'text.ts': "import { readFileSync } from 'node:fs';\nexport const READ = readFileSync('read.md', 'utf8');" };
    expect(resolve("import { READ } from './text.js'; ({ description: READ })", files)).toMatchObject({
      kind: 'dynamic',
      reason: 'file',
      origin: '`./text.ts`',
    });
  });

  it('a factory that is exported, or passed around, is not followed', () => {
    expect(resolve("export function add(text: string) { return { description: text }; }\nadd('Alpha');").kind).toBe('dynamic');
    expect(resolve("function add(text: string) { return { description: text }; }\nadd('Alpha');\nlater(add);").kind).toBe('dynamic');
  });

  it('cycles end', () => {
    expect(resolve('const a: string = b; const b: string = a; ({ description: a })').kind).toBe('dynamic');
  });
});

describe('counting characters', () => {
  it('counts code points', () => {
    expect(countCharacters('abc')).toBe(3);
    expect(countCharacters('😀')).toBe(1);
    expect(countCharacters(`a${String.fromCodePoint(0xe0041, 0xe0042)}`)).toBe(3);
    expect(countCharacters('\ud800')).toBe(1);
  });

  it('dedent', () => {
    expect(dedent('\n  a\n    b\n\n  c\n')).toBe('a\n  b\n\nc');
    expect(dedent('one line')).toBe('one line');
  });
});
