/**
 * The rate-limiting catalogue of `require-rate-limit`: which libraries, calls and middleware count
 * as a rate guard. Data only; `rate-guards.ts` reads it.
 *
 * A guard call is one of two kinds:
 * - `blocking`: it throws, rejects or waits when the caller is over its budget, so whatever runs
 *   after it is limited (`await limiter.consume(key)`, `await limiter.removeTokens(1)`).
 * - `checking`: it returns a decision the handler must act on (`const { success } = await
 *   ratelimit.limit(id)` then `if (!success) return …`). It only counts together with a branch on
 *   the result that leaves the handler.
 * - `either`: the semantics are not known (user-named guards, limiter classes of the project
 *   itself); both uses count.
 */

export type GuardKind = 'blocking' | 'checking' | 'either';

/** A per-call limiter library: instances come from `new` of an export (or a call of a factory). */
export interface LimiterLibrary {
  /** Module specifiers (without `node:`). */
  readonly modules: readonly string[];
  /**
   * Exports whose `new X(…)` or `X(…)` makes a limiter; `'*'` is any export of the module
   * (rate-limiter-flexible has a class per store).
   */
  readonly constructors: readonly string[];
  /** Methods of an instance that guard, and how. */
  readonly methods: Readonly<Record<string, GuardKind>>;
  /** How messages name the library. */
  readonly label: string;
}

export const LIMITER_LIBRARIES: readonly LimiterLibrary[] = [
  {
    // new RateLimiterMemory({ points, duration }); await limiter.consume(key) rejects when over.
    // RateLimiterQueue#removeTokens waits (and rejects when the queue is full).
    modules: ['rate-limiter-flexible'],
    constructors: ['*'],
    methods: { consume: 'blocking', removeTokens: 'blocking' },
    label: 'rate-limiter-flexible',
  },
  {
    // new Bottleneck({ minTime, reservoir }); limiter.schedule(fn) / wrap(fn) / submit(fn) run fn at the limited rate.
    modules: ['bottleneck'],
    constructors: ['*'],
    methods: { schedule: 'blocking', wrap: 'blocking', submit: 'blocking' },
    label: 'bottleneck',
  },
  {
    // new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(10, '10 s') }); const { success } = await rl.limit(id).
    modules: ['@upstash/ratelimit'],
    constructors: ['Ratelimit', 'MultiRegionRatelimit'],
    methods: { limit: 'checking', blockUntilReady: 'checking' },
    label: '@upstash/ratelimit',
  },
  {
    // new RateLimiter({ tokensPerInterval, interval }); await removeTokens(1) waits, tryRemoveTokens(1) answers.
    modules: ['limiter'],
    constructors: ['RateLimiter', 'TokenBucket'],
    methods: { removeTokens: 'blocking', tryRemoveTokens: 'checking' },
    label: 'limiter',
  },
];

/**
 * Function-wrapping throttles: `const throttle = pThrottle({ limit, interval })` makes a wrapper;
 * `throttle(fn)` is a function that runs `fn` at the limited rate.
 */
export const THROTTLE_FACTORIES: readonly { readonly module: string; readonly path: readonly string[]; readonly label: string }[] = [
  { module: 'p-throttle', path: [], label: 'p-throttle' },
  { module: 'p-throttle', path: ['pThrottle'], label: 'p-throttle' },
];

/**
 * Methods a limiter object of the project itself (a class named like a rate limiter, or a value
 * called `rateLimiter` the analysis cannot follow) is expected to guard with. Their semantics are
 * not known, so each counts as a statement or as a tested decision.
 */
export const GENERIC_LIMITER_METHODS: ReadonlySet<string> = new Set([
  'consume',
  'limit',
  'check',
  'take',
  'hit',
  'acquire',
  'removeTokens',
  'tryRemoveTokens',
  'schedule',
  'wrap',
]);

/**
 * Names that say "rate limit": class names of limiter instances, names of wrappers around a
 * handler, of middleware, and of guard functions called in a handler (`withRateLimit`,
 * `rateLimited`, `checkRateLimit`, `throttle`). `limiter` alone is accepted only for a limiter
 * instance the analysis cannot follow (a parameter, an injected dependency), together with a
 * limiter method.
 */
export const RATE_LIMIT_NAME = /rate.?limit|throttl/i;
export const LIMITER_INSTANCE_NAME = /rate.?limit|throttl|limiter/i;

/**
 * HTTP middleware factories: `app.use(rateLimit({ windowMs, limit }))`, `app.post('/mcp', limiter, …)`,
 * Hono `app.use(rateLimiter({ … }))`. `path` is the export path; `[]` is the module itself (default export).
 */
export const MIDDLEWARE_FACTORIES: readonly { readonly module: string; readonly paths: readonly (readonly string[])[]; readonly label: string }[] = [
  { module: 'express-rate-limit', paths: [[], ['rateLimit'], ['slowDown']], label: 'express-rate-limit' },
  { module: 'express-slow-down', paths: [[], ['slowDown']], label: 'express-slow-down' },
  { module: 'hono-rate-limiter', paths: [['rateLimiter'], ['webSocketLimiter']], label: 'hono-rate-limiter' },
  { module: 'express-limiter', paths: [[]], label: 'express-limiter' },
];

/** `new ExpressBrute(store).prevent`: a middleware property of an instance. */
export const MIDDLEWARE_INSTANCE_PROPERTIES: readonly { readonly module: string; readonly property: string; readonly label: string }[] = [
  { module: 'express-brute', property: 'prevent', label: 'express-brute' },
];

/** Fastify plugins: `fastify.register(rateLimit, { max, timeWindow })`. */
export const FASTIFY_PLUGINS: readonly { readonly module: string; readonly label: string }[] = [
  { module: '@fastify/rate-limit', label: '@fastify/rate-limit' },
  { module: 'fastify-rate-limit', label: 'fastify-rate-limit' },
];

/** Methods that install middleware on an app, a router or an MCP server (mcp-lite `server.use`). */
export const MIDDLEWARE_METHODS: ReadonlySet<string> = new Set([
  'use',
  'all',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'options',
  'head',
  'on',
  'route',
]);

/** NestJS: a reference to these exports of `@nestjs/throttler` installs or configures the throttler guard. */
export const NEST_THROTTLER = { module: '@nestjs/throttler', exports: ['ThrottlerGuard', 'Throttle'], label: '@nestjs/throttler' } as const;

/**
 * Cloudflare Workers rate limiting binding: `const { success } = await env.MY_LIMITER.limit({ key })`.
 * Recognised by shape: a `limit` call with an object argument that has `key`, on a property of a
 * value named `env`.
 */
export const CLOUDFLARE_BINDING = { method: 'limit', argumentKey: 'key', envName: 'env', label: 'a Cloudflare rate limiting binding' } as const;

/**
 * xmcp runs every tool call through the default export of its middleware file: `src/middleware.ts`
 * next to the `tools/` directory. A rate guard there covers every tool of the project.
 */
export const XMCP_MIDDLEWARE_FILES: readonly string[] = ['middleware.ts', 'middleware.js', 'middleware.mts', 'middleware.mjs'];
