import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { findFlows, findSinkCalls, getAnalysis, getSinkCall, lookupSink, SINKS, type Flow, type SinkKind, type SourceModel } from '../../src/taint/index.js';
import { analyzeStrippingReplace, analyzeWholeStringRegex, endsWithSeparator, regexVerdict } from '../../src/taint/sanitizers.js';
import { resolveCallees } from '../../src/taint/summaries.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';
import { walk, type SourceUnit } from '../../src/util/source-unit.js';

const fixtures = path.join(__dirname, 'fixtures');
let counter = 0;

/** A fresh unit per call: analyses are memoised per node, so every test parses its own code. */
function unitOf(code: string, filename = `/virtual/server-${++counter}.ts`): SourceUnit {
  return parseSourceUnit(filename, code);
}

function flowsOf(code: string, kinds: SinkKind[], filename?: string): Flow[] {
  const unit = unitOf(code, filename);
  return getToolHandlers(unit).flatMap((handler) => findFlows(unit, handler, kinds));
}

function nodesOf(unit: SourceUnit, type: string): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  walk(unit.ast, unit.visitorKeys, (node) => {
    if (node.type === type) out.push(node);
  });
  return out;
}

const SDK = "import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\nconst server = new McpServer({ name: 's', version: '1' });\n";
const tool = (imports: string, body: string, schema = 'cmd: z.string()', params = 'args') =>
  `${imports}\n${SDK}server.registerTool('t', { description: 'T.', inputSchema: { ${schema} } }, async (${params}) => {\n${body}\n  return { content: [] };\n});\n`;

describe('sink table', () => {
  it('has a kind, a category, a CWE and a shape or template for every row', () => {
    for (const spec of SINKS) {
      expect(spec.cwe.length, spec.label).toBeGreaterThan(0);
      expect(spec.shape !== undefined || spec.template !== undefined, spec.label).toBe(true);
    }
  });

  it('resolves sinks by import, not by name', () => {
    const unit = unitOf(`
      const { exec: run } = require('child_process');
      const { readFile } = require('fs').promises;
      import * as cp from 'node:child_process';
      import { promisify } from 'node:util';
      const execAsync = promisify(cp.exec);
      class Db { exec(sql: string) { return sql; } }
      const db = new Db();
      run('a'); readFile('b'); execAsync('c'); cp.execSync('d'); /x/.exec('e'); db.exec('f'); exec('g');
    `);
    const calls = nodesOf(unit, 'CallExpression') as TSESTree.CallExpression[];
    const labels = calls.map((c) => lookupSink(c.callee)).filter((s) => s !== null && s.kind !== 'module-load').map((s) => s?.label);
    expect(labels).toEqual(['exec()', 'readFile()', 'exec()', 'execSync()']);
  });

  it('resolves the imports of compiled CommonJS (tsc, esbuild, Babel interop helpers and `(0, f)` calls)', () => {
    const unit = unitOf(`
      var __importDefault = (this && this.__importDefault) || function (mod) { return mod && mod.__esModule ? mod : { default: mod }; };
      const node_fs_1 = __importDefault(require("node:fs"));
      const cp_1 = tslib_1.__importStar(require("child_process"));
      const import_fs = __toESM(require("fs"), 1);
      const babel_fs = _interopRequireDefault(require("fs"));
      const notInterop = wrap(require("fs"));
      const sideEffect = { exec: (s: string) => s };
      node_fs_1.default.writeFileSync('a', 'x'); (0, cp_1.execSync)('b'); (0, import_fs.readFile)('c'); babel_fs.default.unlink('d');
      notInterop.readFileSync('e'); (log(), cp_1.exec)('f'); (0, sideEffect.exec)('g');
    `, '/virtual/compiled.js');
    const calls = nodesOf(unit, 'CallExpression') as TSESTree.CallExpression[];
    const labels = calls.map((c) => lookupSink(c.callee)).filter((s) => s !== null && s.kind !== 'module-load').map((s) => s?.label);
    expect(labels).toEqual(['writeFileSync()', 'execSync()', 'readFile()', 'unlink()']);
  });

  it('finds the script position of shells and interpreters, behind env and after flags', () => {
    const unit = unitOf(`
      import { spawn, execFile } from 'node:child_process';
      spawn('sh', ['-c', a]);
      spawn('/usr/bin/env', ['bash', '-lc', b]);
      execFile('cmd.exe', ['/s', '/c', 'echo', c]);
      execFile('python3', ['-c', d, e]);
      spawn(shellPath, ['-c', f]);
      spawn('git', ['log', '--', g]);
      spawn('git', ['log', h], { shell: process.platform === 'win32' });
    `);
    const points = (nodesOf(unit, 'CallExpression') as TSESTree.CallExpression[])
      .map((c) => getSinkCall(c))
      .filter((s) => s !== null)
      .flatMap((s) => s.points.filter((p) => p.kind !== 'path').map((p) => `${p.form}:${unit.text.slice(p.node.range[0], p.node.range[1])}${p.program ? `:${p.program} ${p.flag ?? ''}` : ''}`));
    expect(points).toEqual([
      "executable:'sh'", 'dash-c:a:sh -c',
      "executable:'/usr/bin/env'", 'dash-c:b:bash -lc',
      "executable:'cmd.exe'", 'dash-c:c:cmd.exe /c',
      "executable:'python3'", 'dash-c:d:python3 -c', 'argv:e',
      'executable:shellPath', 'dash-c:f:sh -c',
      "executable:'git'",
      "shell-option:'git'", "shell-option:'log'", 'shell-option:h',
    ]);
  });

  it('treats the package of a package runner as the program', () => {
    const unit = unitOf(`
      import { execFile } from 'node:child_process';
      execFile('npx', ['-y', a, '--help']);
      execFile('npm', ['install', '--save', b]);
      execFile('npm', ['view', c, 'version']);
      execFile('pnpm', ['dlx', d]);
    `);
    const points = (nodesOf(unit, 'CallExpression') as TSESTree.CallExpression[])
      .map((c) => getSinkCall(c))
      .filter((s) => s !== null)
      .flatMap((s) => s.points.slice(1).map((p) => `${p.form}:${unit.text.slice(p.node.range[0], p.node.range[1])}`));
    expect(points).toEqual(['executable:a', 'executable:b', 'argv:c', 'executable:d']);
  });

  it('knows terminals and AppleScript run what they are given', () => {
    const code = tool("import * as pty from 'node-pty';\nimport { runAppleScript } from 'run-applescript';", "  const term = pty.spawn('bash', [], { cols: 80, rows: 24 });\n  term.write(`${args.cmd}\\r`);\n  await runAppleScript(`tell application \"Finder\" to open \"${args.cmd}\"`);");
    expect(flowsOf(code, ['command']).map((f) => [f.sink.label, f.sink.point.form])).toEqual([['pty.write()', 'shell-string'], ['runAppleScript()', 'dash-c']]);
  });

  it('reads zx and execa templates word by word', () => {
    const unit = unitOf(`
      import { $ } from 'zx';
      import { $ as x$ } from 'execa';
      $\`\${program} --help\`;
      $\`git log --format=\${fmt} \${ref}\`;
      $\`bash -c \${script}\`;
      $\`git show -- \${file}\`;
      x$({ shell: true })\`echo \${name}\`;
    `);
    const forms = (nodesOf(unit, 'TaggedTemplateExpression') as TSESTree.TaggedTemplateExpression[]).map((t) =>
      (getSinkCall(t)?.points ?? []).map((p) => `${p.form}:${unit.text.slice(p.node.range[0], p.node.range[1])}`).join(' '));
    expect(forms).toEqual(['executable:program', 'argv:ref', 'dash-c:script', '', 'shell-option:name']);
  });
});

describe('regular expressions and separators', () => {
  const shape = (pattern: string, flags = '') => analyzeWholeStringRegex(pattern, flags);

  it('credits only whole-string patterns it understands', () => {
    expect(shape('[a-z]+')).toBeNull();
    expect(shape('^[a-z]+$', 'm')).toBeNull();
    expect(shape('^a|b$')).toBeNull();
    expect(shape('^\\p{L}+$', 'u')).toBeNull();
    expect(shape('^(?:[a-z]+|[0-9]+)$')).not.toBeNull();
  });

  it('judges the characters per sink kind', () => {
    const word = shape('^[\\w.-]+$');
    expect(word && regexVerdict(word, 'command').clean).toBe(true);
    expect(word && regexVerdict(word, 'path').safeSegment).toBe(false); // `..` matches
    const segment = shape('^[\\w-][\\w.-]*$');
    expect(segment && regexVerdict(segment, 'path').safeSegment).toBe(true);
    expect(segment && regexVerdict(segment, 'argument').leadingSafe).toBe(false);
    const spaced = shape('^[\\w ]+$');
    expect(spaced && regexVerdict(spaced, 'command').clean).toBe(false);
    const negated = shape('^[^;&|]+$');
    expect(negated && regexVerdict(negated, 'command').clean).toBe(false);
    const digits = shape('^\\d{1,5}$');
    expect(digits && regexVerdict(digits, 'argument').clean).toBe(true);
  });

  it('reads a stripping replace as the characters it keeps', () => {
    const kept = analyzeStrippingReplace('[^\\w-]', 'g', '_');
    expect(kept && regexVerdict(kept, 'path').noDotDot).toBe(true);
    expect(analyzeStrippingReplace('\\.\\.\\/', 'g', '')).toBeNull();
    expect(analyzeStrippingReplace('[^\\w-]', '', '')).toBeNull();
  });

  it('knows when a root ends with a separator', () => {
    const unit = unitOf(`
      import path from 'node:path';
      const ROOT = '/srv/data';
      const WITH = ROOT + path.sep;
      const SLASH = '/srv/data/';
      const checks = [ROOT + path.sep, \`\${ROOT}\${path.sep}\`, ROOT + '/', WITH, SLASH, ROOT, path.resolve(ROOT), ROOT.endsWith(path.sep) ? ROOT : ROOT + path.sep];
    `);
    const array = nodesOf(unit, 'ArrayExpression')[0] as TSESTree.ArrayExpression;
    expect(array.elements.map((e) => endsWithSeparator(unit, e as TSESTree.Node))).toEqual([true, true, true, true, true, false, false, true]);
  });
});

describe('findFlows', () => {
  it('names the source, the sink and the position', () => {
    const [flow] = flowsOf(tool("import { exec } from 'node:child_process';", '  exec(`ls ${args.cmd}`);'), ['command']);
    expect(flow?.source.label).toBe('args.cmd');
    expect(flow?.source.origin).toBe('arguments');
    expect(flow?.sink.label).toBe('exec()');
    expect(flow?.sink.point.form).toBe('shell-string');
    expect(flow?.sink.point.cwe).toBe('CWE-78');
    expect(flow?.via).toEqual([]);
    expect(flow?.entry.type).toBe('TemplateLiteral');
  });

  it('qualifies secondary sources and resource variables', () => {
    const meta = flowsOf(tool("import { exec } from 'node:child_process';", '  exec(String(extra._meta?.cmd));', 'a: z.string()', 'args, extra'), ['command']);
    expect(meta.map((f) => [f.source.label, f.source.origin, f.source.description])).toEqual([['extra._meta.cmd', 'secondary', 'client-controlled `_meta`']]);
    const template = flowsOf(`import { readFile } from 'node:fs/promises';\n${SDK}server.registerResource('f', new ResourceTemplate('f://{name}', { list: undefined }), {}, async (uri, { name }) => {\n  await readFile(String(name));\n  return { contents: [] };\n});\n`, ['path']);
    expect(template.map((f) => f.source.description)).toEqual(['a resource template variable']);
  });

  it('follows relative modules and reports at the call that leaves the file', () => {
    const flows = flowsOf(tool("import { Converter, toMarkdown } from './convert.js';", '  await toMarkdown(args.cmd);\n  await new Converter(args.cmd).convert(args.cmd);'), ['command'], path.join(fixtures, 'virtual-handler.ts'));
    expect(flows.map((f) => [f.via.map((v) => v.name).join(' > '), path.basename(f.sink.file), f.sink.line, f.entry.type])).toEqual([
      ['toMarkdown', 'convert.ts', 8, 'CallExpression'],
      ['convert', 'convert.ts', 31, 'CallExpression'],
    ]);
  });

  it('carries a weakness for checks that only look like containment', () => {
    const flows = flowsOf(tool("import fs from 'node:fs/promises';\nimport path from 'node:path';", "  const p = path.resolve('/srv', args.cmd);\n  if (!p.startsWith('/srv')) throw new Error('no');\n  await fs.readFile(p);\n  const q = path.resolve('/srv', args.cmd);\n  if (!q.startsWith('/srv/')) throw new Error('no');\n  await fs.readFile(q);"), ['path']);
    expect(flows.map((f) => f.weakness?.type)).toEqual(['prefix-bypass', 'symlink']);
    expect(flows[0]?.entry.type).toBe('CallExpression');
  });

  it('drops flows a sanitizer cuts, per kind', () => {
    const code = tool("import { exec, execFile } from 'node:child_process';", "  if (!/^[\\w.-]+$/.test(args.cmd)) throw new Error('no');\n  exec(`npm view ${args.cmd}`);\n  execFile('npm', ['view', args.cmd]);");
    expect(flowsOf(code, ['command'])).toEqual([]);
    // `-rf` matches [\w.-]+: as an argument it can still be an option.
    expect(flowsOf(code, ['argument']).map((f) => f.sink.point.form)).toEqual(['argv']);
  });

  it('dispatches through a table of handlers', () => {
    const code = `import { execSync } from 'node:child_process';
      import { Server } from '@modelcontextprotocol/sdk/server/index.js';
      import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
      const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {} } });
      const handlers = { ping: (a: { host: string }) => execSync('ping ' + a.host), date: () => execSync('date') };
      server.setRequestHandler(CallToolRequestSchema, async (request) => {
        const name = request.params.name as keyof typeof handlers;
        handlers[name](request.params.arguments as { host: string });
        return { content: [] };
      });`;
    expect(flowsOf(code, ['command']).map((f) => f.source.label)).toEqual(['request.params.arguments.host']);
  });

  it('ends on recursion and loop-carried variables', () => {
    const code = tool("import { exec } from 'node:child_process';", "  function a(x: string): string { return x ? b(x.slice(1)) : ''; }\n  function b(y: string): string { return a(y) + y; }\n  let line = '';\n  for (const part of args.cmd.split(' ')) line = line + part;\n  exec(a(args.cmd));\n  exec(line);");
    expect(flowsOf(code, ['command']).length).toBe(2);
  });
});

/** A low-level server whose `tools/call` handler runs `body` (with `imports` above it). */
const lowLevel = (imports: string, body: string): string => `${imports}
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const name = request.params.name;
${body}
});
`;
/** The flows as [source, the calls followed, sink file, sink line]. */
const described = (flows: Flow[]) => flows.map((f) => [f.source.label, f.via.map((v) => v.name).join(' > '), path.basename(f.sink.file), f.sink.line]);

describe('dispatch tables', () => {
  const atFixture = (name: string) => path.join(fixtures, name);

  it('follows a handler read from a table into a const, whatever guards it', () => {
    const code = lowLevel("import { execSync } from 'node:child_process';\nconst handlers = { ping: (a: { host: string }) => execSync('ping ' + a.host), date: () => execSync('date') };",
      "  const handler = handlers[name as keyof typeof handlers];\n  if (!handler) throw new Error('Unknown tool');\n  return await handler(request.params.arguments as { host: string });");
    expect(flowsOf(code, ['command']).map((f) => [f.source.label, f.sink.line])).toEqual([['request.params.arguments.host', 2]]);
  });

  it('follows a table imported from a relative module, its entries imported from further modules', () => {
    const code = lowLevel("import { toolHandlers } from './tables/index.js';", '  const handler = toolHandlers[name];\n  return handler(request.params.arguments);');
    expect(described(flowsOf(code, ['command'], atFixture('virtual-dispatch.ts')))).toEqual([['request.params.arguments.target', 'runBuild', 'build.ts', 8]]);
    const direct = lowLevel("import * as tools from './tables/index.js';", '  return tools.toolHandlers[name](request.params.arguments);');
    expect(described(flowsOf(direct, ['command'], atFixture('virtual-dispatch.ts')))).toEqual([['request.params.arguments.target', 'runBuild', 'build.ts', 8]]);
  });

  it('follows a table of compiled CommonJS (tsc), required whole or destructured', () => {
    const compiled = lowLevel('const index_js_1 = require("./commonjs/tables/index.js");', '  const handler = index_js_1.toolHandlers[name];\n  return handler(request.params.arguments);');
    expect(described(flowsOf(compiled, ['command'], atFixture('virtual-dispatch.js')))).toEqual([['request.params.arguments.target', 'runBuild', 'build.js', 8]]);
    const destructured = lowLevel("const { toolHandlers } = require('./commonjs/tables/index.js');", '  return toolHandlers[name](request.params.arguments);');
    expect(described(flowsOf(destructured, ['command'], atFixture('virtual-dispatch.js')))).toEqual([['request.params.arguments.target', 'runBuild', 'build.js', 8]]);
  });

  it('follows the handler each record of a table holds', () => {
    const expected = [['request.params.arguments.target', 'build.handler', 'build.ts', 8]];
    const imports = "import { toolRecords } from './tables/index.js';";
    for (const body of [
      '  return toolRecords[name].handler(request.params.arguments);',
      '  const tool = toolRecords[name];\n  return tool.handler(request.params.arguments);',
      '  const { handler } = toolRecords[name];\n  return handler(request.params.arguments);',
    ]) expect(described(flowsOf(lowLevel(imports, body), ['command'], atFixture('virtual-dispatch.ts'))), body).toEqual(expected);
  });

  it('follows spreads of other tables', () => {
    const code = lowLevel("import { toolHandlers, quietHandlers } from './tables/index.js';\nconst all = { ...quietHandlers, ...toolHandlers };", '  const run = all[name];\n  return run(request.params.arguments);');
    expect(described(flowsOf(code, ['command'], atFixture('virtual-dispatch.ts')))).toEqual([['request.params.arguments.target', 'runBuild', 'build.ts', 8]]);
  });

  it('finds no flow through a table whose functions reach no sink, and no sink calls', () => {
    for (const [imports, file, callees] of [
      ["import { quietHandlers } from './tables/index.js';", 'virtual-dispatch.ts', ['countWords', 'echoText']],
      ["const { quietHandlers } = require('./commonjs/tables/index.js');", 'virtual-dispatch.js', ['countWords']],
    ] as const) {
      const code = lowLevel(imports, '  const handler = quietHandlers[name];\n  return handler(request.params.arguments);');
      expect(flowsOf(code, ['command', 'path'], atFixture(file))).toEqual([]);
      const unit = unitOf(code, atFixture(file));
      expect(getToolHandlers(unit).flatMap((handler) => findSinkCalls(unit, handler, ['command', 'path']))).toEqual([]);
      // The table is followed: its functions are the callees, and they run nothing.
      const call = (nodesOf(unit, 'CallExpression') as TSESTree.CallExpression[]).find((c) => c.callee.type === 'Identifier' && c.callee.name === 'handler');
      expect(call && resolveCallees(null, call).map((callee) => callee.name)).toEqual(callees);
    }
  });

  it('does not take a fixed key, a reassigned variable or a parameter for a dispatch', () => {
    const imports = "import { toolHandlers } from './tables/index.js';";
    for (const body of [
      "  return toolHandlers['count_words'](request.params.arguments);",
      '  let handler = toolHandlers[name];\n  handler = () => null;\n  return handler(request.params.arguments);',
      '  const call = (handler: (a: unknown) => unknown) => handler(request.params.arguments);\n  return call(toolHandlers.count_words);',
    ]) expect(flowsOf(lowLevel(imports, body), ['command'], atFixture('virtual-dispatch.ts')), body).toEqual([]);
  });
});

describe('findSinkCalls', () => {
  it('lists the sink calls a handler reaches through helpers, whatever the data', () => {
    const unit = unitOf(tool("import { readFile } from 'node:fs/promises';\nimport { execFile } from 'node:child_process';\nfunction load() { return readFile('/etc/motd'); }", "  await load();\n  execFile('uptime', []);", 'a: z.string()'));
    const [handler] = getToolHandlers(unit);
    const calls = handler ? findSinkCalls(unit, handler, ['path', 'command']) : [];
    expect(calls.map((c) => [c.call.spec.label, c.call.spec.category, c.steps.length])).toEqual([['readFile()', 'filesystem', 1], ['execFile()', 'process', 0]]);
  });
});

describe('custom source models', () => {
  it('propagates from any source a model names', () => {
    const model: SourceModel = {
      toolInput: false,
      variableRoot(variable) {
        const def = variable.defs[0];
        return def?.type === 'CatchClause' ? { type: 'custom', node: def.name, label: variable.name, description: 'a caught error' } : null;
      },
    };
    const unit = unitOf("import { exec } from 'node:child_process';\ntry { run(); } catch (error) { exec(`echo ${String(error)}`); exec('echo ok'); }");
    const analysis = getAnalysis('command', model);
    const values = (nodesOf(unit, 'CallExpression') as TSESTree.CallExpression[])
      .map((c) => getSinkCall(c))
      .filter((s) => s !== null)
      .map((s) => analysis.evaluate(s.points[0]?.node as TSESTree.Node).map((o) => (o.root.type === 'custom' ? o.root.description : o.root.type)));
    expect(values).toEqual([['a caught error'], []]);
  });
});

describe('cost', () => {
  it('grows linearly: a file with many handlers and helpers', () => {
    const handlers = Array.from({ length: 400 }, (_, i) => `function helper${i}(p: string) { return path.join('/srv', p); }
server.registerTool('t${i}', { description: 'T.', inputSchema: { p: z.string() } }, async ({ p }) => {
  if (!p.includes('..')) await fs.readFile(helper${i}(p));
  exec(\`ls \${p}\`);
  return { content: [] };
});`).join('\n');
    const code = `import fs from 'node:fs/promises';\nimport path from 'node:path';\nimport { exec } from 'node:child_process';\n${SDK}${handlers}`;
    const unit = unitOf(code);
    getToolHandlers(unit);
    const start = performance.now();
    const flows = getToolHandlers(unit).flatMap((h) => findFlows(unit, h, ['command', 'path']));
    const elapsed = performance.now() - start;
    expect(flows.length).toBe(800);
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('depth', () => {
  const chain = (length: number, link: (i: number) => string) => Array.from({ length }, (_, i) => link(i)).join('\n');
  const handler = (call: string) => `server.registerTool('t', { description: 'T.', inputSchema: { p: z.string() } }, async ({ p }) => {\n  ${call};\n  return { content: [] };\n});`;
  const code = (body: string) => `import { exec } from 'node:child_process';\n${SDK}${body}`;

  it('follows a chain of helpers to the sink', () => {
    const helpers = chain(40, (i) => `function g${i}(x: string) { ${i === 0 ? 'exec(x);' : `g${i - 1}(x);`} }`);
    const flows = flowsOf(code(`${helpers}\n${handler('g39(p)')}`), ['command']);
    expect(flows.map((f) => [f.source.label, f.sink.label])).toEqual([['p', 'exec()']]);
  });

  it('cuts a chain of helpers deeper than it follows instead of overflowing the stack', () => {
    const helpers = chain(3000, (i) => `function g${i}(x: string) { ${i === 0 ? 'exec(x);' : `g${i - 1}(x);`} }`);
    expect(flowsOf(code(`${helpers}\n${handler('g2999(p)')}`), ['command'])).toEqual([]);
  });

  it('cuts a value built through thousands of helper returns or variables instead of overflowing the stack', () => {
    const returns = chain(3000, (i) => `function f${i}(x: string): string { return ${i === 0 ? 'x' : `f${i - 1}(x)`} + '${i}'; }`);
    expect(() => flowsOf(code(`${returns}\n${handler('exec(f2999(p))')}`), ['command'])).not.toThrow();
    const variables = `server.registerTool('t', { description: 'T.', inputSchema: { p: z.string() } }, async ({ p }) => {\n  const a0 = p;\n${chain(3000, (i) => `  const a${i + 1} = a${i} + '${i}';`)}\n  exec(a3000);\n  return { content: [] };\n});`;
    expect(() => flowsOf(code(variables), ['command'])).not.toThrow();
  });

  it('reads a variable written at every step: each read sees the write before it', () => {
    const steps = chain(500, (i) => `  s = s + '${i}';\n  if (s.length > ${i}) exec(s);`);
    const body = `server.registerTool('t', { description: 'T.', inputSchema: { p: z.string() } }, async ({ p }) => {\n  let s = 'x';\n${steps}\n  s = p;\n  exec(s);\n  return { content: [] };\n});`;
    const flows = flowsOf(code(body), ['command']);
    // Only the last exec runs on input: every earlier one reads a value built from constants.
    // The import, the 3 lines of SDK, the registration, `let s`, 2 lines per step, `s = p`: then the exec.
    expect(flows.map((f) => [f.source.label, f.sink.line])).toEqual([['p', 1 + 3 + 1 + 1 + 2 * 500 + 1 + 1]]);
  });
});

describe('shapes of published MCP server vulnerabilities', () => {
  it('a command line built with += in a tool module, called from a low-level handler', () => {
    const code = `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
      import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
      import { kubectlGet, type KubectlGetInput } from './kubectl-get.js';
      const server = new Server({ name: 'k8s', version: '1' }, { capabilities: { tools: {} } });
      server.setRequestHandler(CallToolRequestSchema, async (request) => {
        const { name, arguments: input = {} } = request.params;
        switch (name) {
          case 'kubectl_get':
            return { content: [{ type: 'text', text: kubectlGet(input as unknown as KubectlGetInput) }] };
          default:
            throw new Error('Unknown tool');
        }
      });`;
    const flows = flowsOf(code, ['command'], path.join(fixtures, 'realworld', 'virtual-index.ts'));
    expect(flows.map((f) => [f.source.label, f.via.map((v) => v.name).join(' > '), f.sink.line])).toEqual([
      ['request.params.arguments.resourceType', 'kubectlGet', 16],
      ['request.params.arguments.name', 'kubectlGet', 16],
      ['request.params.arguments.namespace', 'kubectlGet', 16],
      // The type says 'json' | 'yaml' | 'wide'; nothing checks it.
      ['request.params.arguments.output', 'kubectlGet', 16],
    ]);
  });

  it('a service class handed to the registrations, typed by its parameter', () => {
    const code = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
      import { z } from 'zod';
      import { DesignService } from './figma-service.js';
      export function registerTools(server: McpServer, design: DesignService): void {
        server.registerTool('get_file', { description: 'Get a design file.', inputSchema: { fileKey: z.string() } }, async ({ fileKey }) => {
          const text = await design.getFile(fileKey);
          return { content: [{ type: 'text', text }] };
        });
      }`;
    const flows = flowsOf(code, ['command'], path.join(fixtures, 'realworld', 'virtual-tools.ts'));
    expect(flows.map((f) => [f.source.label, f.via.map((v) => v.name).join(' > '), path.basename(f.sink.file), f.sink.line])).toEqual([
      ['fileKey', 'design.getFile > this.request > fetchWithRetry', 'figma-service.ts', 12],
    ]);
  });

  // figma-developer-mcp 0.6.0 as bundled (plain JavaScript, no types): the service instance reaches
  // the tool's handler through a registration function's parameter and a tool object's method.
  const bundled = (registration: string) => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
      import { z } from 'zod';
      import { exec } from 'node:child_process';
      import { promisify } from 'node:util';
      const run = promisify(exec);
      async function fetchWithCurl(url) { return run(\`curl -s -L "\${url}"\`); }
      class Api {
        async request(p) { return fetchWithCurl(\`https://api.figma.com/v1\${p}\`); }
        async getRawFile(key) { return this.request(\`/files/\${key}\`); }
      }
      class Cache { async getRawFile(key) { return key.length; } }
      async function getData(args, api) { const { fileKey } = args; return { content: [{ type: 'text', text: String(await api.getRawFile(fileKey)) }] }; }
      const tool = { name: 'get_figma_data', description: 'Get a design file.', parameters: { fileKey: z.string() }, handler: getData };
      ${registration}`;

  it('a service instance passed through a registration function and a tool object (JavaScript)', () => {
    const code = bundled(`function register(server, api) { server.tool(tool.name, tool.description, tool.parameters, (args) => tool.handler(args, api)); }
      register(new McpServer({ name: 'figma', version: '1' }), new Api());`);
    const flows = flowsOf(code, ['command'], '/virtual/figma-bundle.js');
    expect(flows.map((f) => [f.source.label, f.sink.label, f.sink.line])).toEqual([['args.fileKey', 'exec()', 6]]);
  });

  it('the inferred service class decides: a cache that runs nothing is no flow', () => {
    const cached = bundled(`function register(server, api) { server.tool(tool.name, tool.description, tool.parameters, (args) => tool.handler(args, api)); }
      register(new McpServer({ name: 'figma', version: '1' }), new Cache());`);
    expect(flowsOf(cached, ['command'], '/virtual/figma-cache.js')).toEqual([]);
  });
});
