// Official SDK, registerTool: a page reader that renders pages in a headless browser (playwright,
// puppeteer). Navigation is a request from the server's network, and `file:` URLs read its disk.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { chromium, type Browser } from 'playwright';
import puppeteer from 'puppeteer';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

import { PageReader } from './lib/page-reader.js';

const ALLOWED_HOSTS = new Set(['docs.example.com', 'blog.example.com']);
const limiter = new RateLimiterMemory({ points: 10, duration: 60 });
const reader = new PageReader(15_000);
const server = new McpServer({ name: 'page-reader', version: '1.4.0' });

let shared: Browser | undefined;
async function getBrowser(): Promise<Browser> {
  shared ??= await chromium.launch({ headless: true });
  return shared;
}

server.registerTool(
  'fetch_url',
  { description: 'Render a web page and return its HTML.', inputSchema: { url: z.string().url() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const browser = await chromium.launch({ headless: true });
    const page = await browser.newPage();
    // ruleid: no-ssrf
    await page.goto(url, { waitUntil: 'networkidle' });
    const html = await page.content();
    await browser.close();
    return { content: [{ type: 'text', text: html }] };
  },
);

server.registerTool(
  'fetch_docs',
  { description: 'Render a documentation page.', inputSchema: { url: z.string() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const target = new URL(url);
    if (target.protocol !== 'https:' || !ALLOWED_HOSTS.has(target.hostname)) throw new Error('That host is not allowed.');
    const browser = await chromium.launch();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // ok: no-ssrf
    await page.goto(target.href);
    const text = await page.innerText('main');
    await browser.close();
    return { content: [{ type: 'text', text }] };
  },
);

server.registerTool(
  'read_guide',
  { description: 'Render a page of the guide.', inputSchema: { slug: z.string() } },
  async ({ slug }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const browser = await chromium.launch();
    const page = await browser.newPage();
    // `../../admin?x=` reaches another page of the docs host.
    // ruleid: no-ssrf
    await page.goto(`https://docs.example.com/guide/${slug}`);
    const text = await page.innerText('article');
    await browser.close();
    return { content: [{ type: 'text', text }] };
  },
);

server.registerTool(
  'read_guide_encoded',
  { description: 'Render a page of the guide by its slug.', inputSchema: { slug: z.string() } },
  async ({ slug }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const browser = await chromium.launch();
    const page = await browser.newPage();
    // ok: no-ssrf
    await page.goto(`https://docs.example.com/guide/${encodeURIComponent(slug)}`);
    const text = await page.innerText('article');
    await browser.close();
    return { content: [{ type: 'text', text }] };
  },
);

server.registerTool(
  'regional_status',
  { description: 'Render the status page of a region.', inputSchema: { region: z.enum(['eu', 'us']) } },
  async ({ region }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const browser = await chromium.launch();
    const page = await browser.newPage();
    // ok: no-ssrf
    await page.goto(`https://${region}.status.example.com/`);
    return { content: [{ type: 'text', text: await page.title() }] };
  },
);

server.registerTool(
  'render_html',
  { description: 'Render HTML to text.', inputSchema: { html: z.string().max(100_000) } },
  async ({ html }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const browser = await chromium.launch();
    const page = await browser.newPage();
    // Content, not a URL (scripts in it run inside the page; see the rule's limitations).
    // ok: no-ssrf
    await page.setContent(html, { waitUntil: 'load' });
    return { content: [{ type: 'text', text: await page.innerText('body') }] };
  },
);

server.registerTool(
  'screenshot',
  { description: 'Take a screenshot of a web page.', inputSchema: { url: z.string() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const browser = await puppeteer.launch({ headless: true });
    const page = await browser.newPage();
    // ruleid: no-ssrf
    await page.goto(url, { waitUntil: 'networkidle2' });
    const image = await page.screenshot({ encoding: 'base64' });
    await browser.close();
    return { content: [{ type: 'image', data: image, mimeType: 'image/png' }] };
  },
);

server.registerTool(
  'read_page',
  { description: 'Read the text of a web page.', inputSchema: { url: z.string() } },
  async ({ url }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const browser = await getBrowser();
    const page = await browser.newPage();
    // The reader in lib/page-reader.ts navigates to it.
    // ruleid: no-ssrf
    const html = await reader.read(page, url);
    await page.close();
    return { content: [{ type: 'text', text: html }] };
  },
);
