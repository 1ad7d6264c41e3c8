import { describe, expect, it } from 'vitest';

import { getResultSites, isVisibleResultPath } from '../../src/model/result-sites.js';
import { onlyHandler } from './helpers.js';

const SDK = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst server = new McpServer({ name: 'x', version: '1' });\n";

function sitesOf(code: string): string[] {
  const handler = onlyHandler(code);
  return getResultSites(handler).map((site) => `${site.type} ${code.slice(site.node.range[0], site.node.range[1])}`);
}

describe('getResultSites', () => {
  it('lists returns and expression bodies, not those of nested functions', () => {
    expect(sitesOf(`${SDK}server.registerTool('t', { description: 'd' }, async () => {
      const helper = () => 'nested';
      if (helper()) return a;
      return b;
    });`)).toEqual(['return a', 'return b']);
    expect(sitesOf(`${SDK}server.registerTool('t', { description: 'd' }, async () => value);`)).toEqual(['return value']);
  });

  it('lists throws that leave the handler, not those a try of the handler catches', () => {
    expect(sitesOf(`${SDK}server.registerTool('t', { description: 'd' }, async () => {
      try {
        throw inner;
      } catch (e) {
        throw outer;
      } finally {
        void 0;
      }
    });`)).toEqual(['throw outer']);
  });

  it('follows a returned promise chain and new Promise executors', () => {
    expect(sitesOf(`${SDK}server.registerTool('t', { description: 'd' }, () => load().then((v) => ok).catch((e) => { throw bad; }));`)).toEqual([
      'return load().then((v) => ok).catch((e) => { throw bad; })',
      'return ok',
      'throw bad',
    ]);
    expect(sitesOf(`${SDK}server.registerTool('t', { description: 'd' }, () => new Promise((resolve, reject) => {
      run((error, out) => (error ? reject(error) : resolve(out)));
    }));`)).toEqual(['return new Promise((resolve, reject) => {\n      run((error, out) => (error ? reject(error) : resolve(out)));\n    })', 'throw error', 'return out']);
  });
});

describe('isVisibleResultPath', () => {
  const tool = onlyHandler(`${SDK}server.registerTool('t', { description: 'd' }, async () => x);`);
  const prompt = onlyHandler(`${SDK}server.registerPrompt('p', { description: 'd' }, async () => x);`);

  it('shows content text and structured content of a tool result, not the rest', () => {
    expect(isVisibleResultPath(tool, ['content', '*', 'text'])).toBe(true);
    expect(isVisibleResultPath(tool, ['content', '0', 'text'])).toBe(true);
    expect(isVisibleResultPath(tool, ['content', '*', 'resource', 'text'])).toBe(true);
    expect(isVisibleResultPath(tool, ['structuredContent', 'error', 'message'])).toBe(true);
    expect(isVisibleResultPath(tool, ['content'])).toBe(true);
    expect(isVisibleResultPath(tool, ['*'])).toBe(true);
    expect(isVisibleResultPath(tool, ['_meta', 'trace'])).toBe(false);
    expect(isVisibleResultPath(tool, ['isError'])).toBe(false);
    expect(isVisibleResultPath(tool, ['content', '*', 'mimeType'])).toBe(false);
    expect(isVisibleResultPath(tool, [])).toBe(false);
  });

  it('shows prompt message text', () => {
    expect(isVisibleResultPath(prompt, ['messages', '*', 'content', 'text'])).toBe(true);
    expect(isVisibleResultPath(prompt, ['description'])).toBe(false);
  });

  it('shows everything of a raw-value framework', () => {
    const fastmcp = onlyHandler("import { FastMCP } from 'fastmcp';\nconst s = new FastMCP({ name: 'x', version: '1' });\ns.addTool({ name: 't', description: 'd', execute: async () => x });");
    expect(fastmcp.resultStyle).toBe('raw-value');
    expect(isVisibleResultPath(fastmcp, [])).toBe(true);
    expect(isVisibleResultPath(fastmcp, ['error'])).toBe(true);
  });
});
