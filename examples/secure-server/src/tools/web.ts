import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { config } from '../config.js';
import { fail, toolError } from '../lib/errors.js';
import { RateLimiter, rateKey } from '../lib/rate-limit.js';

const rateLimiter = new RateLimiter({ points: 20, durationMs: 60_000 });

/** Host names the server may contact (FETCH_ALLOWED_HOSTS; empty unless the operator sets it). */
const ALLOWED_HOSTS = config.fetchAllowedHosts;
const MAX_BODY_BYTES = 1024 * 1024;
const TEXT_TYPES = /^(?:text\/[\w.+-]+|application\/(?:[\w.-]+\+)?(?:json|xml))\s*(?:;|$)/i;

/** The body as UTF-8 text, or `null` when it is larger than `maxBytes` (the download is cancelled). */
async function readTextCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) return null;
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // Leaving the loop cancels the stream.
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function registerWebTools(server: McpServer): void {
  server.registerTool(
    'fetch_url',
    {
      title: 'Fetch URL',
      description: 'Fetch a text or JSON document over HTTPS from an allowed host.',
      inputSchema: { url: z.string().min(1).max(2048).describe('An https:// URL on an allowed host') },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async (args, extra) => {
      await rateLimiter.consume(rateKey('fetch_url', extra));
      let url: URL;
      try {
        url = new URL(args.url);
      } catch {
        return fail('That is not a valid URL.');
      }
      // Host allowlist: HTTPS on the default port, no credentials, and a host the operator allowed.
      if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') {
        return fail('Only https:// URLs without a port or credentials are allowed.');
      }
      if (!ALLOWED_HOSTS.has(url.hostname)) return fail('That host is not on the allowlist.');

      const headers: Record<string, string> = { Accept: 'text/*, application/json' };
      // The token goes to the GitHub API only, never to whatever host the model names.
      if (url.hostname === 'api.github.com' && config.githubToken !== undefined) {
        headers.Authorization = `Bearer ${config.githubToken}`;
      }
      try {
        // redirect: 'error': a redirect could lead from an allowed host to any other host.
        const response = await fetch(url, { headers, redirect: 'error', signal: AbortSignal.timeout(10_000) });
        if (!TEXT_TYPES.test(response.headers.get('content-type') ?? '')) {
          return fail('The response is not text or JSON.');
        }
        const body = await readTextCapped(response, MAX_BODY_BYTES);
        if (body === null) return fail('The response is larger than 1 MiB.');
        return { content: [{ type: 'text', text: `HTTP ${response.status}\n\n${body}` }], isError: !response.ok };
      } catch (err) {
        return toolError('fetch_url', err);
      }
    },
  );
}
