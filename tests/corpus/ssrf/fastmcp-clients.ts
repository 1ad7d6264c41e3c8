// FastMCP: axios, got, undici and node https clients behind an integration server.
import https from 'node:https';

import axios from 'axios';
import { FastMCP } from 'fastmcp';
import got from 'got';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { request } from 'undici';
import { z } from 'zod';

const limiter = new RateLimiterMemory({ points: 30, duration: 60 });
const api = axios.create({ baseURL: 'https://api.example.com/v2', timeout: 5000 });
const WEBHOOK_HOSTS = new Set(['hooks.slack.com', 'hooks.example.com']);
const server = new FastMCP({ name: 'integrations', version: '1.3.0' });

server.addTool({
  name: 'get_json',
  description: 'Download a JSON document.',
  parameters: z.object({ url: z.string().url() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-ssrf
    const { data } = await axios.get(args.url);
    return JSON.stringify(data);
  },
});

server.addTool({
  name: 'get_json_config',
  description: 'Download a JSON document with a timeout.',
  parameters: z.object({ url: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-ssrf
    const { data } = await axios({ method: 'get', url: args.url, timeout: 5000 });
    return JSON.stringify(data);
  },
});

server.addTool({
  name: 'get_user',
  description: 'Get a user of the example API.',
  parameters: z.object({ id: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-ssrf
    const { data } = await api.get(`/users/${args.id}`);
    return JSON.stringify(data);
  },
});

server.addTool({
  name: 'get_user_encoded',
  description: 'Get a user of the example API by id.',
  parameters: z.object({ id: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-ssrf
    const { data } = await api.get(`/users/${encodeURIComponent(args.id)}`);
    return JSON.stringify(data);
  },
});

server.addTool({
  name: 'get_resource',
  description: 'Get a resource of the example API.',
  parameters: z.object({ path: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // An absolute URL overrides the instance's baseURL.
    // ruleid: no-ssrf
    const { data } = await api.get(args.path);
    return JSON.stringify(data);
  },
});

server.addTool({
  name: 'search_api',
  description: 'Search the example API.',
  parameters: z.object({ q: z.string().max(200) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-ssrf
    const { data } = await api.get('/search', { params: { q: args.q } });
    return JSON.stringify(data);
  },
});

server.addTool({
  name: 'connect_api',
  description: 'Ping an API base URL.',
  parameters: z.object({ base: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-ssrf
    const client = axios.create({ baseURL: args.base });
    const { status } = await client.get('/health');
    return String(status);
  },
});

server.addTool({
  name: 'send_webhook',
  description: 'Send a message to a webhook.',
  parameters: z.object({ url: z.string(), text: z.string().max(500) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    const target = new URL(args.url);
    if (!WEBHOOK_HOSTS.has(target.hostname)) throw new Error('Unknown webhook host.');
    // ok: no-ssrf
    await axios.post(target.toString(), { text: args.text });
    return 'sent';
  },
});

server.addTool({
  name: 'post_message',
  description: 'Post a message to the example API.',
  parameters: z.object({ text: z.string().max(500) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-ssrf
    await axios.post('https://api.example.com/v2/messages', { text: args.text });
    return 'posted';
  },
});

server.addTool({
  name: 'download',
  description: 'Download a file.',
  parameters: z.object({ url: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-ssrf
    const body = await got(args.url).text();
    return body;
  },
});

server.addTool({
  name: 'download_undici',
  description: 'Download a file with undici.',
  parameters: z.object({ url: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-ssrf
    const { body } = await request(args.url);
    return body.text();
  },
});

server.addTool({
  name: 'item_count',
  description: 'Count the items of a page.',
  parameters: z.object({ page: z.number().int().min(1) }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-ssrf
    const { body } = await request(`https://api.example.com/v2/items?page=${args.page}`);
    return body.text();
  },
});

server.addTool({
  name: 'ping_host',
  description: 'Check that a host answers.',
  parameters: z.object({ host: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-ssrf
    https.get({ hostname: args.host, path: '/health', timeout: 2000 });
    return 'sent';
  },
});

server.addTool({
  name: 'get_path',
  description: 'Get a path of the example API.',
  parameters: z.object({ path: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-ssrf
    https.get({ hostname: 'api.example.com', path: args.path });
    return 'sent';
  },
});

server.addTool({
  name: 'get_item',
  description: 'Get an item of the example API.',
  parameters: z.object({ id: z.string() }),
  execute: async (args, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-ssrf
    https.get({ hostname: 'api.example.com', path: `/v2/items/${encodeURIComponent(args.id)}` });
    return 'sent';
  },
});
