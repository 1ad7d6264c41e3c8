import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export function registerWebTools(server: McpServer): void {
  // ruleid: require-rate-limit, require-input-schema
  server.registerTool(
    'fetch_url',
    {
      title: 'Fetch URL',
      description: 'Fetch a web page or API endpoint and return the response body.',
      inputSchema: {
        url: z.string().url().describe('The URL to fetch'),
        init: z.any().optional().describe('Extra fetch options: method, headers, body'),
      },
      annotations: { openWorldHint: true },
    },
    async ({ url, init }) => {
      // The GitHub API rate-limits anonymous calls hard, so send our token along.
      // ruleid: no-env-outside-config
      const token = process.env.GITHUB_TOKEN;
      try {
        const headers = { ...init?.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
        // ruleid: no-ssrf
        const response = await fetch(url, { ...init, headers });
        const body = await response.text();
        return { content: [{ type: 'text', text: `HTTP ${response.status}\n\n${body}` }] };
      } catch (e) {
        // ruleid: no-error-leak
        return { content: [{ type: 'text', text: `Failed to fetch ${url}: ${(e as Error).message}` }], isError: true };
      }
    },
  );
}
