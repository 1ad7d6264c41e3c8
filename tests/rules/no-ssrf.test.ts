import path from 'node:path';

import rule from '../../src/rules/no-ssrf.js';
import { createRuleTester } from '../rule-tester.js';
import { at } from '../support/positions.js';
import { repoRoot } from '../support/lint.js';

const ruleTester = createRuleTester();

const HEAD = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";

/** A tool whose handler receives `args`; `imports` go above the server. */
function tool(body: string, imports = '', schema = '{ url: z.string() }'): string {
  return `${HEAD}${imports}
const server = new McpServer({ name: 'web', version: '1.0.0' });
server.registerTool('fetch_page', { description: 'Fetch a page.', inputSchema: ${schema} }, async (args) => {
${body}
  return { content: [{ type: 'text' as const, text: 'done' }] };
});
`;
}

function invalid(code: string, messageId: 'controlledUrl' | 'controlledPath' | 'hostHeader' | 'crossModule' | 'crossModulePath', text: string, inside = text) {
  return { code, errors: [{ messageId, ...at(code, text, inside) }] };
}

const AXIOS = "import axios from 'axios';\n";
const ALLOWED = "const ALLOWED_HOSTS = new Set(['api.github.com', 'docs.example.com']);\n";

const fetchUrl = tool('  const res = await fetch(args.url);\n  void res;');
const authority = tool('  await axios.get(`https://api.example.com${args.url}`);', AXIOS);
const pathSegment = tool('  await fetch(`https://api.example.com/repos/${args.url}`);');
const baseConst = tool('  await fetch(`${config.apiBase}/items/${args.url}`);', "import { config } from './config.js';\n");
const query = tool('  await fetch(`https://search.example.com/v1?q=${args.url}`);');
const httpOptions = tool("  http.get({ hostname: args.url, path: '/status' });", "import http from 'node:http';\n");
const httpPath = tool("  https.request({ hostname: 'api.example.com', path: args.url }).end();", "import https from 'node:https';\n");
const parsed = tool('  const url = new URL(args.url);\n  const res = await fetch(url);\n  void res;');
const denylist = tool("  const url = new URL(args.url);\n  if (url.hostname === 'localhost' || url.hostname === '169.254.169.254') throw new Error('blocked');\n  await fetch(url);");
const urlSchema = tool('  await fetch(args.url);', '', '{ url: z.string().url() }');
const axiosConfig = tool("  await axios({ method: 'get', url: args.url, timeout: 5000 });", AXIOS);
const axiosCreate = tool('  const api = axios.create({ baseURL: args.url });\n  await api.get(\'/health\');', AXIOS);
const instanceAbsolute = tool('  await api.get(args.url);', `${AXIOS}const api = axios.create({ baseURL: 'https://api.example.com' });\n`);
const instanceRelative = tool('  await api.get(`/users/${args.url}`);', `${AXIOS}const api = axios.create({ baseURL: 'https://api.example.com' });\n`);
const undici = tool('  await request(args.url);', "import { request } from 'undici';\n");
const gotCall = tool('  await got.post(args.url, { json: { ok: true } });', "import got from 'got';\n");
const hostHeader = tool("  await fetch('http://10.0.0.5/', { headers: { Host: args.url } });");
const crossModule = tool('  await fetchText(args.url);', "import { fetchText } from './lib/client.js';\n");
const crossModuleChecked = tool("  if (!isAllowedUrl(args.url)) throw new Error('no');\n  await fetchText(args.url);", "import { fetchText } from './lib/client.js';\nimport { isAllowedUrl } from './lib/hosts.js';\n");
const corpusFile = path.join(repoRoot, 'tests/corpus/ssrf/handler.ts');
/** A helper in another module splices its parameter into the path after a fixed origin. */
const crossModulePath = tool('  await getRepo(args.url);', "import { getRepo } from './lib/github.js';\n");
const crossModuleEncoded = tool('  await getRepoEncoded(args.url);', "import { getRepoEncoded } from './lib/github.js';\n");
/** The caller builds the path after a fixed origin; the helper in another module requests it. */
const crossModuleCallerPath = tool('  await fetchText(`https://api.github.com/repos/${args.url}`);', "import { fetchText } from './lib/client.js';\n");
const crossModuleCallerHost = tool('  await fetchText(`https://api.github.com${args.url}`);', "import { fetchText } from './lib/client.js';\n");
/** A schema this file cannot read (imported) proves nothing about the fields it parses. */
const importedSchema = `${HEAD}import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { GetFileSchema } from './schemas.js';
const server = new Server({ name: 'gh', version: '1' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = GetFileSchema.parse(request.params.arguments);
  const res = await fetch(\`https://api.github.com/repos/\${args.owner}/contents/\${args.path}\`);
  return { content: [{ type: 'text', text: await res.text() }] };
});
`;
const importedSafeParse = importedSchema.replace('const args = GetFileSchema.parse(request.params.arguments);', 'const { data: args } = GetFileSchema.safeParse(request.params.arguments);');
// Headless browsers: navigation of a page made by playwright or puppeteer is a request the server makes.
const PLAYWRIGHT = "import { chromium } from 'playwright';\n";
const PUPPETEER = "import puppeteer from 'puppeteer';\n";
const LAUNCH = '  const browser = await chromium.launch();\n  const page = await browser.newPage();\n';
const playwrightGoto = tool(`${LAUNCH}  await page.goto(args.url);\n  await browser.close();`, PLAYWRIGHT);
const playwrightContextPath = tool('  const browser = await chromium.launch();\n  const context = await browser.newContext();\n  const page = await context.newPage();\n  await page.goto(`https://docs.example.com/guide/${args.url}`);', PLAYWRIGHT);
const playwrightPersistent = tool("  const context = await firefox.launchPersistentContext('/tmp/profile');\n  const page = context.pages()[0] ?? (await context.newPage());\n  await page.goto(args.url, { waitUntil: 'load' });", "import { firefox } from 'playwright-core';\n");
const playwrightNamespace = tool('  const page = await (await playwright.webkit.launch()).newPage();\n  await page.mainFrame().goto(args.url);', "import * as playwright from 'playwright';\n");
const playwrightApiRequest = tool(`${LAUNCH}  const response = await page.request.get(args.url);\n  void response;`, PLAYWRIGHT);
const playwrightRequestContext = tool('  const api = await request.newContext();\n  await api.fetch(args.url);', "import { request } from 'playwright';\n");
const puppeteerGoto = tool("  const browser = await puppeteer.launch({ headless: true });\n  const page = await browser.newPage();\n  await page.goto(args.url, { waitUntil: 'networkidle2' });", PUPPETEER);
const puppeteerCoreConnect = tool("  const browser = await puppeteer.connect({ browserWSEndpoint: 'ws://127.0.0.1:9222' });\n  const context = await browser.createBrowserContext();\n  const page = await context.newPage();\n  await page.goto(`https://api.example.com${args.url}`);", "import puppeteer from 'puppeteer-core';\n");
/** A page typed by an import, navigated in a helper of the same file. */
/** server-puppeteer's shape: a module-level page set once by a set-up function (and reset on close), which returns it. */
const puppeteerSharedPage = tool('  const page = await ensureBrowser();\n  await page.goto(args.url);', `${PUPPETEER}let browser;\nlet page;\nasync function ensureBrowser() {\n  if (browser && !browser.connected) browser = null;\n  if (!browser) {\n    browser = await puppeteer.launch({ headless: true });\n    const pages = await browser.pages();\n    page = pages[0];\n  }\n  return page;\n}\n`);
/** The same shape around an object that is no browser: a router's `goto` sends nothing. */
const sharedRouter = tool('  const current = await ensureRouter();\n  await current.goto(args.url);', "import { createRouter } from './router.js';\nlet router;\nasync function ensureRouter() {\n  if (!router) router = createRouter();\n  return router;\n}\n");
const puppeteerTypedHelper = tool('  const browser = await puppeteer.launch();\n  await visit(await browser.newPage(), args.url);', `${PUPPETEER}import type { Page } from 'puppeteer';\nasync function visit(page: Page, url: string): Promise<void> {\n  await page.goto(url);\n}\n`);
/** A class keeps the browser (a typed constructor parameter); its method navigates. */
const playwrightClass = tool('  await scraper.open(args.url);', `${PLAYWRIGHT}import type { Browser } from 'playwright';\nclass Scraper {\n  constructor(private readonly browser: Browser) {}\n  async open(url: string): Promise<string> {\n    const page = await this.browser.newPage();\n    await page.goto(url);\n    return page.content();\n  }\n}\nconst scraper = new Scraper(await chromium.launch());\n`);
/** A page made by methods of a class: `this.launch()` inside it, `browsers.openPage()` on an instance. */
const classMethodPage = tool('  const page = await browsers.openPage();\n  await page.goto(args.url);', `${PLAYWRIGHT}class Browsers {\n  async launch() {\n    return chromium.launch({ headless: true });\n  }\n  async openPage() {\n    const browser = await this.launch();\n    return browser.newPage();\n  }\n}\nconst browsers = new Browsers();\n`);
/** A static method returns the page in an object with its browser. */
const staticMethodSession = tool('  const { page } = await Sessions.open();\n  await page.goto(args.url);', `${PLAYWRIGHT}class Sessions {\n  static async open() {\n    const browser = await chromium.launch();\n    return { browser, page: await browser.newPage() };\n  }\n}\n`);
/** A method of an object literal returns the page. */
const objectMethodPage = tool('  const page = await pages.open();\n  await page.goto(args.url);', `${PLAYWRIGHT}const pages = {\n  async open() {\n    const browser = await chromium.launch();\n    return browser.newPage();\n  },\n};\n`);
/** The same shape around a method that returns no page: a cache whose `goto` looks a URL up. */
const classMethodCache = tool('  const page = await caches.open();\n  await page.goto(args.url);', "class PageCache {\n  private readonly pages = new Map<string, string>();\n  async goto(url: string): Promise<string | undefined> {\n    return this.pages.get(url);\n  }\n}\nclass CacheService {\n  async open(): Promise<PageCache> {\n    return new PageCache();\n  }\n}\nconst caches = new CacheService();\n");
/** A method that returns what it is given: the page or the cache of this call, not of any call. */
const PASS_THROUGH = `${PLAYWRIGHT}class PageCache {\n  async goto(url: string): Promise<string> {\n    return url;\n  }\n}\nclass Pages {\n  async use(target) {\n    return target;\n  }\n}\nconst pages = new Pages();\n`;
const passThroughPage = tool('  const page = await pages.use(await (await chromium.launch()).newPage());\n  await page.goto(args.url);', PASS_THROUGH);
const passThroughCache = tool('  const page = await pages.use(new PageCache());\n  await page.goto(args.url);', PASS_THROUGH);
/**
 * Compiled JavaScript (fetcher-mcp's shape): a service class of another module makes the browser, a
 * context (returned in an object with its viewport) and the page from what the handler passes it,
 * into variables declared `null` before a `try`.
 */
const crossModuleService = tool('  const service = new BrowserService();\n  let browser = null;\n  let page = null;\n  try {\n    browser = await service.createBrowser();\n    const { context } = await service.createContext(browser);\n    page = await service.createPage(context);\n    await page.goto(args.url);\n  } finally {\n    await service.close(browser);\n  }', "import { BrowserService } from './lib/browser-service.js';\n");
/** A function of another module that returns a page. */
const crossModuleFunction = tool('  const page = await openPage();\n  await page.goto(args.url);', "import { openPage } from './lib/browser-service.js';\n");
/** A method of the same class that returns a history, whose `goto` records the URL. */
const crossModuleHistory = tool('  const history = new BrowserService().createHistory();\n  history.goto(args.url);', "import { BrowserService } from './lib/browser-service.js';\n");
/** A helper navigates the page its caller passes (an untyped parameter): a sink only for a browser page. */
const OPEN = 'async function open(page, url) {\n  await page.goto(url);\n}\n';
const helperPage = tool(`${LAUNCH}  await open(page, args.url);`, `${PLAYWRIGHT}${OPEN}`);
const helperRecorder = tool('  await open(new Recorder(), args.url);', `${OPEN}class Recorder {\n  visited: string[] = [];\n  goto(url: string): void {\n    this.visited.push(url);\n  }\n}\n`);
const helperObject = tool('  await open({ goto: async (url: string) => url.length }, args.url);', OPEN);
/** Through a second helper that passes its own parameter on. */
const helperChain = tool('  const browser = await puppeteer.launch();\n  await visit(await browser.newPage(), args.url);', `${PUPPETEER}${OPEN}async function visit(target, url) {\n  await open(target, url);\n}\n`);
const crossModuleProcessor = tool(`${LAUNCH}  await new PageProcessor().process(page, args.url);`, `${PLAYWRIGHT}import { PageProcessor } from './lib/page-processor.js';\n`);
const crossModuleProcessorRecorder = tool('  await new PageProcessor().process({ goto: async (url: string) => url.length, content: async () => \'\' }, args.url);', "import { PageProcessor } from './lib/page-processor.js';\n");
const relativeBase = tool("  await fetch(new URL(args.url, 'https://api.example.com'));");
const slashOnly = tool("  await fetch(new URL('/' + args.url, 'https://api.example.com'));");
// URLSearchParams filled by append/set: the serializer percent-encodes keys and values.
const appendOnly = tool("  const params = new URLSearchParams();\n  params.append('sub', args.url);\n  await fetch(`https://${params}.example.com/status`);");
const appendThenRaw = tool("  const params = new URLSearchParams({ limit: '100' });\n  params.append('cursor', args.url);\n  await fetch(`https://slack.com/api/users.list?${params}`);\n  await fetch(`https://slack.com/api/users/${args.url}`);");
const paramsReadBack = tool("  const params = new URLSearchParams({ q: args.url });\n  await fetch(`https://api.example.com/items/${params.get('q')}`);");
const mapSet = tool("  const query = new Map<string, string>();\n  query.set('q', args.url);\n  await fetch(`https://api.example.com/v1?q=${query.get('q')}`);");
// A URL prefix held in a variable: what follows it stays after its origin.
const TWO = '{ url: z.string(), ns: z.string() }';
const prefixRawPath = tool('  const url = `https://gitlab.com/api/v4/projects/${args.url}/fork`;\n  await fetch(`${url}?namespace=${encodeURIComponent(args.ns)}`);', '', TWO);
const prefixHost = tool('  const url = `https://${args.url}/api/v4`;\n  await fetch(url + `?namespace=${encodeURIComponent(args.ns)}`);', '', TWO);
const prefixBare = tool('  const url = `${args.url}/api/v4`;\n  await fetch(`${url}?namespace=${encodeURIComponent(args.ns)}`);', '', TWO);

ruleTester.run('no-ssrf', rule, {
  valid: [
    sharedRouter,
    // A class method that returns no browser page, also in another module, or a method passed no page.
    classMethodCache,
    // A helper navigating a parameter that its callers pass no browser page: a recorder, an object literal.
    helperRecorder,
    helperObject,
    { code: crossModuleProcessorRecorder, filename: corpusFile },
    passThroughCache,
    { code: crossModuleHistory, filename: corpusFile },
    // A helper in another module checks the host before the helper that fetches.
    { code: crossModuleChecked, filename: corpusFile },
    // A helper in another module encodes the segment; checkPaths: false leaves cross-module paths alone too.
    { code: crossModuleEncoded, filename: corpusFile },
    { code: crossModulePath, filename: corpusFile, options: [{ checkPaths: false }] },
    { code: crossModuleCallerPath, filename: corpusFile, options: [{ checkPaths: false }] },
    // checkPaths: false leaves paths after a fixed origin alone (the host is still checked).
    { code: pathSegment, options: [{ checkPaths: false }] },
    // A hostname allowlist that dominates the request.
    tool(`  const url = new URL(args.url);\n  if (!ALLOWED_HOSTS.has(url.hostname)) throw new Error('host not allowed');\n  await fetch(url);`, ALLOWED),
    // The raw input is requested, but its parsed host was checked.
    tool(`  const target = new URL(args.url);\n  if (!ALLOWED_HOSTS.has(target.hostname)) throw new Error('no');\n  await fetch(args.url);`, ALLOWED),
    tool(`  const target = new URL(args.url);\n  if (!['api.github.com'].includes(target.hostname)) throw new Error('no');\n  await axios.get(target.toString());`, AXIOS),
    tool(`  const target = new URL(args.url);\n  if (target.origin !== 'https://api.github.com') throw new Error('no');\n  await fetch(target.href);`),
    // A helper that checks the host.
    tool(`  if (!isAllowed(args.url)) throw new Error('no');\n  await fetch(args.url);`, `${ALLOWED}function isAllowed(raw: string): boolean {\n  const { hostname } = new URL(raw);\n  return ALLOWED_HOSTS.has(hostname);\n}\n`),
    // A fixed origin and an encoded path segment or query value.
    tool('  await fetch(`https://api.github.com/repos/${encodeURIComponent(args.url)}`);'),
    tool('  await fetch(`https://search.example.com/v1?q=${encodeURIComponent(args.url)}&limit=10`);'),
    tool('  const params = new URLSearchParams({ q: args.url });\n  await fetch(`https://search.example.com/v1?${params}`);'),
    tool("  await https.request({ hostname: 'api.example.com', path: `/v1/items/${encodeURIComponent(args.url)}` }).end();", "import https from 'node:https';\n"),
    // Keys and values added to a URLSearchParams with append/set (also the searchParams of a URL), then serialized after a fixed origin.
    tool("  const params = new URLSearchParams({ limit: '100' });\n  if (args.url) params.append('cursor', args.url);\n  await fetch(`https://slack.com/api/users.list?${params}`);"),
    tool("  const qs = new URLSearchParams();\n  qs.set(args.url, '1');\n  await fetch(`https://api.example.com/v2/search?${qs.toString()}`);"),
    tool("  let url = 'https://api.example.com/v2/checks';\n  const qs = new URLSearchParams();\n  for (const [k, v] of Object.entries({ status: args.url })) qs.set(k, String(v));\n  const s = qs.toString();\n  if (s) url += `?${s}`;\n  await fetch(url);"),
    tool("  const target = new URL('https://api.example.com/search');\n  const params = target.searchParams;\n  params.set('q', args.url);\n  await fetch(`${target.origin}/v2?${params}`);"),
    // A URL prefix held in a const (an encoded segment in it): what follows it is in its path or query.
    tool('  const url = `https://gitlab.com/api/v4/projects/${encodeURIComponent(args.url)}/fork`;\n  await fetch(url + `?namespace=${encodeURIComponent(args.ns)}`);', '', TWO),
    tool('  const url = `${config.apiBase}/projects/${encodeURIComponent(args.url)}/fork`;\n  await fetch(`${url}?namespace=${encodeURIComponent(args.ns)}`);', "import { config } from './config.js';\n", TWO),
    // Enum and numeric fields.
    tool('  await fetch(`https://${args.url}.api.example.com/status`);', '', "{ url: z.enum(['eu', 'us']) }"),
    tool('  await fetch(`https://api.example.com/items/${Number(args.url)}`);'),
    // Input in the body or the query options, not in the URL.
    tool("  await axios.post('https://api.example.com/search', { query: args.url });", AXIOS),
    tool("  await fetch('https://api.example.com/search', { method: 'POST', body: JSON.stringify({ q: args.url }) });"),
    tool("  await axios.get('https://api.example.com/search', { params: { q: args.url } });", AXIOS),
    // Headless browsers: a host allowlist (also in a helper), an enum field, an encoded segment.
    tool(`  const target = new URL(args.url);\n  if (!ALLOWED_HOSTS.has(target.hostname)) throw new Error('host not allowed');\n${LAUNCH}  await page.goto(target.href);`, `${PLAYWRIGHT}${ALLOWED}`),
    tool(`  if (!isAllowed(args.url)) throw new Error('no');\n  const browser = await puppeteer.launch();\n  const page = await browser.newPage();\n  await page.goto(args.url);`, `${PUPPETEER}${ALLOWED}function isAllowed(raw: string): boolean {\n  const { hostname } = new URL(raw);\n  return ALLOWED_HOSTS.has(hostname);\n}\n`),
    tool(`${LAUNCH}  await page.goto(\`https://\${args.url}.status.example.com/\`);`, PLAYWRIGHT, "{ url: z.enum(['eu', 'us']) }"),
    tool(`${LAUNCH}  await page.goto(\`https://docs.example.com/guide/\${encodeURIComponent(args.url)}\`);`, PLAYWRIGHT),
    // Not a navigation: HTML set as the page's content, a route pattern, text typed into the page.
    tool(`${LAUNCH}  await page.setContent(args.url);`, PLAYWRIGHT),
    tool(`${LAUNCH}  await page.route(args.url, (route) => route.abort());\n  await page.goto('https://docs.example.com/');`, PLAYWRIGHT),
    tool(`${LAUNCH}  await page.goto('https://search.example.com/');\n  await page.fill('#q', args.url);`, PLAYWRIGHT),
    // A goto of something no browser package made.
    tool('  await router.goto(args.url);', "import { createRouter } from 'tiny-router';\nconst router = createRouter();\n"),
    tool('  await router.goto(args.url);', 'declare const router: { goto(url: string): Promise<void> };\n'),
    // Not a request: a local function named fetch, a method named get.
    tool('  await cache.get(args.url);', 'declare const cache: Map<string, string>;\n'),
  ],
  invalid: [
    invalid(fetchUrl, 'controlledUrl', 'args.url'),
    invalid(authority, 'controlledUrl', '`https://api.example.com${args.url}`'),
    invalid(pathSegment, 'controlledPath', '`https://api.example.com/repos/${args.url}`'),
    invalid(importedSchema, 'controlledPath', '`https://api.github.com/repos/${args.owner}/contents/${args.path}`'),
    invalid(importedSafeParse, 'controlledPath', '`https://api.github.com/repos/${args.owner}/contents/${args.path}`'),
    invalid(baseConst, 'controlledPath', '`${config.apiBase}/items/${args.url}`'),
    invalid(query, 'controlledPath', '`https://search.example.com/v1?q=${args.url}`'),
    invalid(httpOptions, 'controlledUrl', 'args.url'),
    invalid(httpPath, 'controlledPath', 'args.url'),
    invalid(parsed, 'controlledUrl', 'url', 'fetch(url)'),
    invalid(denylist, 'controlledUrl', 'url', 'fetch(url)'),
    invalid(urlSchema, 'controlledUrl', 'args.url'),
    invalid(axiosConfig, 'controlledUrl', 'args.url'),
    invalid(axiosCreate, 'controlledUrl', 'args.url'),
    invalid(instanceAbsolute, 'controlledUrl', 'args.url'),
    invalid(instanceRelative, 'controlledPath', '`/users/${args.url}`'),
    invalid(undici, 'controlledUrl', 'args.url'),
    invalid(gotCall, 'controlledUrl', 'args.url'),
    invalid(hostHeader, 'hostHeader', 'args.url'),
    { code: authority, options: [{ checkPaths: false }], errors: [{ messageId: 'controlledUrl' as const, ...at(authority, '`https://api.example.com${args.url}`') }] },
    { ...invalid(crossModule, 'crossModule', 'fetchText(args.url)'), filename: corpusFile },
    { ...invalid(crossModulePath, 'crossModulePath', 'getRepo(args.url)'), filename: corpusFile },
    { ...invalid(crossModuleCallerPath, 'crossModulePath', 'fetchText(`https://api.github.com/repos/${args.url}`)'), filename: corpusFile },
    { ...invalid(crossModuleCallerHost, 'crossModule', 'fetchText(`https://api.github.com${args.url}`)'), filename: corpusFile },
    invalid(playwrightGoto, 'controlledUrl', 'args.url'),
    invalid(playwrightContextPath, 'controlledPath', '`https://docs.example.com/guide/${args.url}`'),
    invalid(playwrightPersistent, 'controlledUrl', 'args.url'),
    invalid(playwrightNamespace, 'controlledUrl', 'args.url'),
    invalid(playwrightApiRequest, 'controlledUrl', 'args.url'),
    invalid(playwrightRequestContext, 'controlledUrl', 'args.url'),
    invalid(puppeteerGoto, 'controlledUrl', 'args.url'),
    invalid(puppeteerSharedPage, 'controlledUrl', 'args.url', 'page.goto(args.url)'),
    invalid(puppeteerCoreConnect, 'controlledUrl', '`https://api.example.com${args.url}`'),
    invalid(puppeteerTypedHelper, 'controlledUrl', 'url', 'page.goto(url)'),
    invalid(playwrightClass, 'controlledUrl', 'url', 'page.goto(url)'),
    invalid(helperPage, 'controlledUrl', 'url', 'page.goto(url)'),
    invalid(helperChain, 'controlledUrl', 'url', 'page.goto(url)'),
    { ...invalid(crossModuleProcessor, 'crossModule', 'new PageProcessor().process(page, args.url)'), filename: corpusFile },
    invalid(classMethodPage, 'controlledUrl', 'args.url', 'page.goto(args.url)'),
    invalid(staticMethodSession, 'controlledUrl', 'args.url', 'page.goto(args.url)'),
    invalid(objectMethodPage, 'controlledUrl', 'args.url', 'page.goto(args.url)'),
    invalid(passThroughPage, 'controlledUrl', 'args.url', 'page.goto(args.url)'),
    { ...invalid(crossModuleService, 'controlledUrl', 'args.url', 'page.goto(args.url)'), filename: corpusFile },
    { ...invalid(crossModuleFunction, 'controlledUrl', 'args.url', 'page.goto(args.url)'), filename: corpusFile },
    invalid(relativeBase, 'controlledUrl', "new URL(args.url, 'https://api.example.com')"),
    invalid(slashOnly, 'controlledUrl', "new URL('/' + args.url, 'https://api.example.com')"),
    // Encoded query text placed before the host still chooses it; the raw value used elsewhere is still raw; a value read back out is decoded.
    invalid(appendOnly, 'controlledUrl', '`https://${params}.example.com/status`'),
    invalid(appendThenRaw, 'controlledPath', '`https://slack.com/api/users/${args.url}`'),
    invalid(paramsReadBack, 'controlledPath', "`https://api.example.com/items/${params.get('q')}`"),
    invalid(mapSet, 'controlledPath', "`https://api.example.com/v1?q=${query.get('q')}`"),
    // An unencoded input in the prefix is the path injection; input before the origin still chooses the host.
    { code: prefixRawPath, errors: [{ messageId: 'controlledPath' as const, data: { source: 'args.url', origin: '', sink: 'fetch()' }, ...at(prefixRawPath, '`${url}?namespace=${encodeURIComponent(args.ns)}`') }] },
    invalid(prefixHost, 'controlledUrl', 'url + `?namespace=${encodeURIComponent(args.ns)}`'),
    invalid(prefixBare, 'controlledUrl', '`${url}?namespace=${encodeURIComponent(args.ns)}`'),
  ],
});
