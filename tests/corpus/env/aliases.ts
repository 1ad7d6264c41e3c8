/**
 * The environment reached through every alias a server author might use. A syntactic matcher sees
 * the `process.env` shape; following the aliases needs scope analysis.
 */
// ok: no-env-outside-config
import { env } from 'node:process';
import * as proc from 'node:process';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

const limiter = new RateLimiterMemory({ points: 10, duration: 60 });

// ruleid: no-env-outside-config
const searchKey = env.SEARCH_API_KEY;

// ruleid: no-env-outside-config
const region = proc.env.SEARCH_REGION ?? 'eu';

// ok: no-env-outside-config
const { env: runtimeEnv } = process;
// ruleid: no-env-outside-config
const indexName = runtimeEnv.SEARCH_INDEX;

// ok: no-env-outside-config
const environment = process.env;
// ruleid: no-env-outside-config
const timeoutMs = Number(environment.SEARCH_TIMEOUT_MS ?? 5000);

// ruleid: no-env-outside-config
const userAgent = globalThis.process.env.SEARCH_USER_AGENT ?? 'docs-search';

export function registerSearch(server: McpServer): void {
  server.registerTool(
    'search_docs',
    {
      title: 'Search docs',
      description: 'Search the product documentation.',
      inputSchema: { query: z.string().min(1).max(200) },
    },
    async ({ query }, extra) => {
      await limiter.consume(extra.sessionId ?? 'stdio');
      const url = new URL(`https://${region}.search.example.com/v1/indexes/${indexName}/search`);
      url.searchParams.set('q', query);
      const response = await fetch(url, {
        headers: { 'x-api-key': searchKey ?? '', 'user-agent': userAgent },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return { content: [{ type: 'text', text: 'The search failed.' }], isError: true };
      return { content: [{ type: 'text', text: await response.text() }] };
    },
  );
}

/** Settings the caller passes in; the parameter shadows the global `process`. */
export function describeRuntime(process: { env: Record<string, string | undefined> }): string {
  // todook: no-env-outside-config
  return process.env.RUNTIME_NAME ?? 'node';
}

/** A Workers-style binding object named `env` is not the process environment. */
export function bindingValue(bindings: { env: Record<string, string> }, name: 'SEARCH_INDEX'): string | undefined {
  // ok: no-env-outside-config
  return bindings.env[name];
}

export function readSetting(name: string): string | undefined {
  // ruleid: no-env-outside-config
  return process.env[name];
}
