// Official SDK, registerTool: a web-reading server with global fetch, `new URL` and host allowlists.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

import { getRepo, getRepoEncoded } from './lib/github.js';
import { isAllowedUrl } from './lib/hosts.js';

const ALLOWED_HOSTS = new Set(['docs.example.com', 'api.github.com']);
const MIRRORS = ['mirror-eu.example.com', 'mirror-us.example.com'];
const limiter = new RateLimiterMemory({ points: 30, duration: 60 });
const server = new McpServer({ name: 'web-reader', version: '2.1.0' });

server.registerTool(
  'fetch_page',
  { description: 'Fetch a web page.', inputSchema: { url: z.string().url() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-ssrf
    const response = await fetch(url);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'fetch_docs',
  { description: 'Fetch a documentation page.', inputSchema: { url: z.string() } },
  async (args, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const target = new URL(args.url);
    if (target.protocol !== 'https:' || !ALLOWED_HOSTS.has(target.hostname)) {
      return { content: [{ type: 'text', text: 'That host is not allowed.' }], isError: true };
    }
    // ok: no-ssrf
    const response = await fetch(target, { redirect: 'error' });
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'fetch_mirror',
  { description: 'Fetch a file from a mirror.', inputSchema: { url: z.string() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const parsed = new URL(url);
    if (!MIRRORS.includes(parsed.host)) throw new Error('Unknown mirror.');
    // ok: no-ssrf
    const response = await fetch(url);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'fetch_status',
  { description: 'Fetch a status page.', inputSchema: { url: z.string() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const parsed = new URL(url);
    // A denylist: 127.1, [::1], 0x7f000001 and DNS names pointing inside all pass.
    if (parsed.hostname === 'localhost' || parsed.hostname === '169.254.169.254') throw new Error('Blocked.');
    // ruleid: no-ssrf
    const response = await fetch(parsed);
    return { content: [{ type: 'text', text: String(response.status) }] };
  },
);

server.registerTool(
  'fetch_origin',
  { description: 'Fetch the API root.', inputSchema: { url: z.string() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const parsed = new URL(url);
    if (parsed.origin !== 'https://api.github.com') throw new Error('Only the GitHub API.');
    // ok: no-ssrf
    const response = await fetch(parsed.href);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'fetch_checked',
  { description: 'Fetch a page from an allowed host.', inputSchema: { url: z.string() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    if (!isAllowedUrl(url)) throw new Error('That host is not allowed.');
    // ok: no-ssrf
    const response = await fetch(url);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'get_repo',
  { description: 'Get a GitHub repository.', inputSchema: { repo: z.string() } },
  async ({ repo }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-ssrf
    const response = await fetch(`https://api.github.com/repos/${repo}`);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'get_repo_via_helper',
  { description: 'Get a GitHub repository through the API helper.', inputSchema: { repo: z.string() } },
  async ({ repo }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // The helper splices the repository into the path after its fixed origin, unencoded.
    // ruleid: no-ssrf
    return { content: [{ type: 'text', text: await getRepo(repo) }] };
  },
);

server.registerTool(
  'get_repo_via_encoding_helper',
  { description: 'Get a GitHub repository through the encoding API helper.', inputSchema: { repo: z.string() } },
  async ({ repo }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-ssrf
    return { content: [{ type: 'text', text: await getRepoEncoded(repo) }] };
  },
);

server.registerTool(
  'get_repo_encoded',
  { description: 'Get a repository of the acme organisation.', inputSchema: { repo: z.string() } },
  async ({ repo }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-ssrf
    const response = await fetch(`https://api.github.com/repos/acme/${encodeURIComponent(repo)}`);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'call_endpoint',
  { description: 'Call an endpoint of the example API.', inputSchema: { endpoint: z.string() } },
  async ({ endpoint }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // No slash after the host: '.evil.com' or '@evil.com' changes the host.
    // ruleid: no-ssrf
    const response = await fetch(`https://api.example.com${endpoint}`);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'search',
  { description: 'Search the documentation.', inputSchema: { q: z.string().max(200), page: z.number().int().min(1) } },
  async ({ q, page }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-ssrf
    const response = await fetch(`https://search.example.com/v1?q=${encodeURIComponent(q)}&page=${page}`);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'search_raw',
  { description: 'Search the documentation quickly.', inputSchema: { q: z.string().max(200) } },
  async ({ q }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-ssrf
    const response = await fetch(`https://search.example.com/v1?q=${q}`);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'search_params',
  { description: 'Search the documentation by tag.', inputSchema: { q: z.string().max(200), tag: z.string().max(40) } },
  async ({ q, tag }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const params = new URLSearchParams({ q, tag });
    // ok: no-ssrf
    const response = await fetch(`https://search.example.com/v1?${params}`);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'regional_status',
  { description: 'Show the status of a region.', inputSchema: { region: z.enum(['eu', 'us', 'ap']) } },
  async ({ region }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-ssrf
    const response = await fetch(`https://${region}.status.example.com/api/v2/status.json`);
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'fetch_relative',
  { description: 'Fetch a page of the docs site.', inputSchema: { page: z.string() } },
  async ({ page }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // An absolute URL replaces the base.
    // ruleid: no-ssrf
    const response = await fetch(new URL(page, 'https://docs.example.com/'));
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'post_search',
  { description: 'Run a search on the search service.', inputSchema: { q: z.string().max(200) } },
  async ({ q }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-ssrf
    const response = await fetch('https://search.example.com/v1/search', { method: 'POST', body: JSON.stringify({ q }) });
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'virtual_host',
  { description: 'Fetch a page of an internal site.', inputSchema: { site: z.string() } },
  async ({ site }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-ssrf
    const response = await fetch('http://10.0.0.5/', { headers: { Host: site } });
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);
