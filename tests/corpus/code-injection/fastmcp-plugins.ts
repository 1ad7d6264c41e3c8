// FastMCP: a converter server that loads plugins and scripts by name.
import { fork } from 'node:child_process';
import path from 'node:path';
import { compileFunction, runInThisContext } from 'node:vm';

import { FastMCP } from 'fastmcp';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

const limiter = new RateLimiterMemory({ points: 30, duration: 60 });
const PLUGINS = new Set(['csv', 'markdown', 'yaml']);
const parser = { eval: (text: string): number => text.length };
const server = new FastMCP({ name: 'converter', version: '2.0.0' });

interface Converter {
  convert(text: string): string;
}

server.addTool({
  name: 'convert',
  description: 'Convert a document with a plugin.',
  parameters: z.object({ format: z.string().max(40), text: z.string().max(100000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-code-injection
    const plugin = (await import(`./plugins/${args.format}.js`)) as Converter;
    return plugin.convert(args.text);
  },
});

server.addTool({
  name: 'convert_checked',
  description: 'Convert a document with a known plugin.',
  parameters: z.object({ format: z.string().max(40), text: z.string().max(100000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    if (!PLUGINS.has(args.format)) throw new Error('Unknown format.');
    // ok: no-code-injection
    const plugin = (await import(`./plugins/${args.format}.js`)) as Converter;
    return plugin.convert(args.text);
  },
});

server.addTool({
  name: 'convert_enum',
  description: 'Convert a document to a listed format.',
  parameters: z.object({ format: z.enum(['csv', 'markdown']), text: z.string().max(100000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-code-injection
    const plugin = (await import(`./plugins/${args.format}.js`)) as Converter;
    return plugin.convert(args.text);
  },
});

server.addTool({
  name: 'load_package',
  description: 'Load a converter package.',
  parameters: z.object({ name: z.string().max(214) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-code-injection
    const loaded = require(args.name) as Converter;
    return loaded.convert('');
  },
});

server.addTool({
  name: 'load_switch',
  description: 'Load a bundled converter.',
  parameters: z.object({ name: z.string().max(40) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    switch (args.name) {
      case 'csv':
      case 'yaml': {
        // todook: no-code-injection
        const loaded = require(`./plugins/${args.name}`) as Converter;
        return loaded.convert('');
      }
      default:
        throw new Error('Unknown converter.');
    }
  },
});

server.addTool({
  name: 'run_worker',
  description: 'Run a conversion worker.',
  parameters: z.object({ worker: z.string().max(200) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-code-injection
    // ok: no-command-injection
    const child = fork(args.worker, [], { timeout: 10000 });
    return String(child.pid);
  },
});

server.addTool({
  name: 'run_bundled_worker',
  description: 'Run the bundled conversion worker.',
  parameters: z.object({ input: z.string().max(1000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-code-injection
    // ok: no-command-injection
    const child = fork('./workers/convert.js', [args.input], { timeout: 10000 });
    return String(child.pid);
  },
});

server.addTool({
  name: 'run_snippet',
  description: 'Run a JavaScript snippet.',
  parameters: z.object({ code: z.string().max(5000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-code-injection
    const result: unknown = runInThisContext(args.code);
    return String(result);
  },
});

server.addTool({
  name: 'transform',
  description: 'Transform text with a JavaScript expression.',
  parameters: z.object({ expression: z.string().max(500), text: z.string().max(100000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    const source = `(function (text) { return ${args.expression}; })`;
    // ruleid: no-code-injection
    const fn = eval(source) as (text: string) => string;
    return fn(args.text);
  },
});

server.addTool({
  name: 'uppercase',
  description: 'Upper-case a text.',
  parameters: z.object({ text: z.string().max(100000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-code-injection
    const fn = eval('(function (text) { return text.toUpperCase(); })') as (text: string) => string;
    return fn(args.text);
  },
});

server.addTool({
  name: 'compile_rule',
  description: 'Compile a validation rule.',
  parameters: z.object({ rule: z.string().max(500) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-code-injection
    const fn = compileFunction(args.rule, ['value']) as (value: string) => boolean;
    return String(fn('x'));
  },
});

server.addTool({
  name: 'load_from_dir',
  description: 'Load a converter from the plugin directory.',
  parameters: z.object({ name: z.string().max(40) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-code-injection
    const loaded = require(path.join(__dirname, 'plugins', args.name)) as Converter;
    return loaded.convert('');
  },
});

server.addTool({
  name: 'load_default',
  description: 'Load the default converter.',
  parameters: z.object({ text: z.string().max(100000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-code-injection
    const loaded = (await import('./plugins/markdown.js')) as Converter;
    return loaded.convert(args.text);
  },
});

server.addTool({
  name: 'measure',
  description: 'Measure a text with the parser.',
  parameters: z.object({ text: z.string().max(100000) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-code-injection
    return String(parser.eval(args.text));
  },
});

server.addTool({
  name: 'double',
  description: 'Double a number.',
  parameters: z.object({ value: z.string().max(20) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-code-injection
    const result: unknown = eval(`${Number.parseFloat(args.value)} * 2`);
    return String(result);
  },
});
