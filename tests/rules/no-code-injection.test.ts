import rule from '../../src/rules/no-code-injection.js';
import { createRuleTester } from '../rule-tester.js';
import { at } from '../support/positions.js';

const ruleTester = createRuleTester();

const HEAD = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";

/** A tool whose handler receives `args` (`args.expression`, `args.plugin`); `setup` goes above the server. */
function tool(body: string, setup = '', schema = '{ expression: z.string(), plugin: z.string() }'): string {
  return `${HEAD}${setup}
const server = new McpServer({ name: 'calc', version: '1.0.0' });
server.registerTool('evaluate', { description: 'Evaluate an expression.', inputSchema: ${schema} }, async (args) => {
${body}
  return { content: [{ type: 'text' as const, text: 'done' }] };
});
`;
}

function invalid(code: string, messageId: 'codeEval' | 'moduleLoad' | 'crossModule', text: string, inside = text) {
  return { code, errors: [{ messageId, ...at(code, text, inside) }] };
}

const VM = "import vm from 'node:vm';\n";
const PLUGINS = "const PLUGINS = new Set(['csv', 'json']);\n";

ruleTester.run('no-code-injection', rule, {
  valid: [
    { code: tool('  await import(args.plugin);'), options: [{ checkModuleLoads: false }] },
    // Data, not code.
    tool('  const value = JSON.parse(args.expression);\n  void value;'),
    tool("  const total = eval('1 + 2');\n  void total;"),
    tool('  setTimeout(() => console.log(args.expression), 1000);'),
    tool('  const n = Number(args.expression);\n  const f = new Function(`return ${n} * 2`);\n  void f;'),
    // Allowlisted module names and enum fields.
    tool("  if (!PLUGINS.has(args.plugin)) throw new Error('unknown plugin');\n  await import(`./plugins/${args.plugin}.js`);", PLUGINS),
    tool('  await import(`./plugins/${args.plugin}.js`);', '', "{ plugin: z.enum(['csv', 'json']) }"),
    tool("  switch (args.plugin) {\n    case 'csv':\n    case 'json':\n      require(`./plugins/${args.plugin}`);\n      break;\n    default:\n      throw new Error('unknown');\n  }"),
    // Not the global eval: a method named eval, a local run function.
    tool('  await redis.eval(SCRIPT, 1, args.expression);', "declare const redis: { eval(script: string, n: number, key: string): Promise<void> };\nconst SCRIPT = 'return 1';\n"),
    tool('  vm.runInNewContext(CODE, { input: args.expression });', `${VM}const CODE = 'input.length';\n`),
  ],
  invalid: [
    invalid(tool('  const result = eval(args.expression);\n  void result;'), 'codeEval', 'args.expression'),
    invalid(tool('  const fn = new Function(\'x\', `return ${args.expression}`);\n  void fn;'), 'codeEval', '`return ${args.expression}`'),
    invalid(tool('  const fn = Function(args.expression);\n  void fn;'), 'codeEval', 'args.expression'),
    invalid(tool('  vm.runInNewContext(args.expression, { Math });', VM), 'codeEval', 'args.expression'),
    invalid(tool("  vm.runInContext(args.expression, vm.createContext({}), { timeout: 100 });", VM), 'codeEval', 'args.expression'),
    invalid(tool('  vm.runInThisContext(args.expression);', VM), 'codeEval', 'args.expression'),
    invalid(tool('  new vm.Script(args.expression).runInNewContext({});', VM), 'codeEval', 'args.expression'),
    invalid(tool("  const fn = compileFunction(args.expression, ['x']);\n  void fn;", "import { compileFunction } from 'node:vm';\n"), 'codeEval', 'args.expression'),
    invalid(tool('  setTimeout(args.expression, 10);'), 'codeEval', 'args.expression'),
    invalid(tool('  const mod = require(args.plugin);\n  void mod;'), 'moduleLoad', 'args.plugin'),
    invalid(tool('  await import(`./plugins/${args.plugin}.js`);'), 'moduleLoad', '`./plugins/${args.plugin}.js`'),
    // A denylist is not an allowlist.
    invalid(tool("  if (args.expression.includes('process')) throw new Error('no');\n  eval(args.expression);"), 'codeEval', 'args.expression', 'eval(args'),
  ],
});
