// Generated MCP server files of adversarial shapes: one dimension of a file (tools, statements, helpers,
// variables, nesting) grown to a size real servers never reach. Used by the robustness sweep (a rule that
// overflows the stack or throws on one fails it) and by the bench (the rules' time at n and 4n of each
// sequential shape shows whether the analysis stays linear). Deterministic: a shape and a size give one text.

const HEAD = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { exec } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
const server = new McpServer({ name: 'stress', version: '1.0.0' });
`;

const lines = (n, line) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
/** One tool whose handler body is `body` (input `p`). */
const tool = (body) => `server.registerTool('t', { description: 'Stress.', inputSchema: { p: z.string(), q: z.string() } }, async ({ p, q }) => {
${body}
  return { content: [{ type: 'text', text: 'ok' }] };
});
`;

/**
 * Shapes that grow along a sequence (statements, declarations, tools): the parser takes any size, so
 * the bench times them at n and 4n.
 * @type {Record<string, (n: number) => string>}
 */
export const SEQUENTIAL_SHAPES = {
  // n tools, each with a path join, a file read and a catch that leaks.
  tools: (n) => HEAD + lines(n, (i) => `server.registerTool('t${i}', { description: 'Tool ${i}.', inputSchema: { p: z.string().describe('A path.') } }, async ({ p }) => {
  try {
    return { content: [{ type: 'text', text: fs.readFileSync(path.join('/srv', p), 'utf8') }] };
  } catch (error) {
    return { content: [{ type: 'text', text: String(error) }] };
  }
});`),
  // n branches each reading a file from input.
  branches: (n) => HEAD + tool(lines(n, (i) => `  if (q === 'v${i}') fs.readFileSync(p + '${i}');`)),
  // n checks that exit, each followed by a sink: every sink has all earlier checks in front of it.
  guards: (n) => HEAD + tool(lines(n, (i) => `  if (q.length > ${i}) throw new Error('too long');\n  fs.readFileSync(path.join('/srv', p, '${i}'));`)),
  // n call statements that each read input: checks are looked for in every earlier statement.
  calls: (n) => HEAD + tool(`  const input = { p };\n${lines(n, (i) => `  exec('ls ' + input.p + '${i}');`)}`),
  // One variable written n times, read after every write.
  rewrites: (n) => HEAD + tool(`  let s = p;\n${lines(n, (i) => `  s = s + '${i}';\n  if (s.length > ${i}) exec(s);`)}`),
  // A value built through n constants, each from the one before.
  variableChain: (n) => HEAD + tool(`  const a0 = p;\n${lines(n, (i) => `  const a${i + 1} = a${i} + '${i}';`)}\n  exec(a${n});`),
  // n helpers, each calling the one before; the last runs the input.
  helperChain: (n) => HEAD + lines(n, (i) => `function g${i}(x: string) { ${i === 0 ? 'exec(x);' : `g${i - 1}(x);`} }`) + '\n' + tool(`  g${n - 1}(p);`),
  // n helpers, each returning the one before plus a suffix; 100 sinks run their results.
  returnChain: (n) => HEAD + lines(n, (i) => `function f${i}(x: string): string { return ${i === 0 ? 'x' : `f${i - 1}(x)`} + '${i}'; }`) + '\n' +
    tool(lines(Math.min(n, 100), (i) => `  exec(f${n - 1 - i}(p));`)),
  // n try/catch statements that log.
  catches: (n) => HEAD + tool(lines(n, (i) => `  try { fs.readFileSync('/srv/${i}'); } catch (e${i}) { console.error(e${i}); }`)),
  // A caught error passed through n constants into the result.
  errorChain: (n) => HEAD + tool(`  try { exec(p); } catch (e0) {\n${lines(n, (i) => `    const e${i + 1} = e${i};`)}\n    return { content: [{ type: 'text', text: String(e${n}) }] };\n  }`),
  // A description built through n constants.
  descriptionChain: (n) => HEAD + `const D0 = 'Reads a file.';\n${lines(n, (i) => `const D${i + 1} = D${i} + ' More text ${i}.';`)}\n` +
    `server.registerTool('t', { description: D${n}, inputSchema: { p: z.string() } }, async ({ p }) => ({ content: [{ type: 'text', text: p }] }));\n`,
};

/**
 * Shapes that grow in depth (nesting): the TypeScript parser itself overflows past a few hundred
 * levels, so these only run at sizes it parses, in the robustness sweep.
 * @type {Record<string, (n: number) => string>}
 */
export const NESTED_SHAPES = {
  nestedIfs: (n) => HEAD + tool(`${lines(n, (i) => `if (p.length > ${i}) {`)}\nexec(p);\n${'}\n'.repeat(n)}`),
  nestedCallbacks: (n) => HEAD + tool(`${lines(n, () => '[1].forEach(() => {')}\nexec(p);\n${'});\n'.repeat(n)}`),
  memberChain: (n) => HEAD + `server.registerTool('t', { inputSchema: { p: z.string() } }, async (args) => {\n  exec(args${'.p'.repeat(n)});\n  return { content: [] };\n});\n`,
  promiseChain: (n) => HEAD + `server.registerTool('t', { inputSchema: { p: z.string() } }, async ({ p }) => Promise.resolve(p)${".then((x) => x + 'a')".repeat(n)}` +
    '.then((x) => { exec(x); return { content: [] }; }).catch((e) => ({ content: [{ type: \'text\', text: e.message }] })));\n',
  descriptionConcat: (n) => HEAD + `server.registerTool('t', { description: 'Reads'${" + ' a file'".repeat(n)}, inputSchema: { p: z.string() } }, async ({ p }) => ({ content: [] }));\n`,
};

/** Sizes of the robustness sweep: the sequential shapes far past real code, the nested ones within the parser's reach. */
export const ROBUST_SIZES = { sequential: 3000, nested: { nestedIfs: 250, nestedCallbacks: 100, memberChain: 400, promiseChain: 300, descriptionConcat: 400 } };

/** Every shape at its robustness size: `{ name, text }`, a `.ts` file each. */
export function robustInputs() {
  return [
    ...Object.entries(SEQUENTIAL_SHAPES).map(([name, make]) => ({ name: `${name}-${ROBUST_SIZES.sequential}.ts`, text: make(ROBUST_SIZES.sequential) })),
    ...Object.entries(NESTED_SHAPES).map(([name, make]) => ({ name: `${name}-${ROBUST_SIZES.nested[name]}.ts`, text: make(ROBUST_SIZES.nested[name]) })),
  ];
}
