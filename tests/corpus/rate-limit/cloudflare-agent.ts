// Cloudflare agents: McpAgent tools checked against the Workers rate limiting binding.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpAgent } from 'agents/mcp';
import { z } from 'zod';

interface Env {
  TOOL_LIMITER: { limit(options: { key: string }): Promise<{ success: boolean }> };
  DOCS: { get(key: string): Promise<string | null> };
}

export class DocsAgent extends McpAgent<Env> {
  server = new McpServer({ name: 'docs', version: '1.0.0' });

  async init(): Promise<void> {
    // ok: require-rate-limit
    this.server.registerTool(
      'search_docs',
      { description: 'Search the documentation.', inputSchema: { query: z.string().min(2).max(100) } },
      async ({ query }, extra) => {
        const { success } = await this.env.TOOL_LIMITER.limit({ key: extra.sessionId ?? 'anonymous' });
        if (!success) return { content: [{ type: 'text', text: 'Too many searches. Try again in a minute.' }], isError: true };
        const response = await fetch(`https://search.example.com/v1/docs?q=${encodeURIComponent(query)}`);
        return { content: [{ type: 'text', text: await response.text() }] };
      },
    );

    // ruleid: require-rate-limit
    this.server.registerTool(
      'search_docs_fast',
      { description: 'Search the documentation without ranking.', inputSchema: { query: z.string().min(2).max(100) } },
      async ({ query }) => {
        const response = await fetch(`https://search.example.com/v1/docs?fast=1&q=${encodeURIComponent(query)}`);
        return { content: [{ type: 'text', text: await response.text() }] };
      },
    );
  }
}

export default DocsAgent.serve('/mcp');
