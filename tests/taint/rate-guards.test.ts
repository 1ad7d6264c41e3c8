import { describe, expect, it } from 'vitest';

import { createRateGuardFinder, moduleMatches, parseUserGuards } from '../../src/taint/rate-guards.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';

const none = parseUserGuards([]);

describe('parseUserGuards', () => {
  it('reads dotted identifiers as names and anything else as module specifiers', () => {
    expect(parseUserGuards(['checkQuota', 'rateLimiter.consume', './lib/rate-limit.js', '@acme/quota', 'p-limit', 'src/quota.ts'])).toEqual({
      names: [['checkQuota'], ['rateLimiter', 'consume']],
      modules: ['./lib/rate-limit.js', '@acme/quota', 'p-limit', 'src/quota.ts'],
    });
  });
});

describe('moduleMatches', () => {
  it('matches packages exactly or by subpath', () => {
    expect(moduleMatches('@acme/quota', '/p/src/a.ts', '@acme/quota')).toBe(true);
    expect(moduleMatches('@acme/quota/redis', '/p/src/a.ts', '@acme/quota')).toBe(true);
    expect(moduleMatches('@acme/quotas', '/p/src/a.ts', '@acme/quota')).toBe(false);
    expect(moduleMatches('./quota.js', '/p/src/a.ts', '@acme/quota')).toBe(false);
  });

  it('matches relative modules by the end of their resolved path, whatever directory imports them', () => {
    expect(moduleMatches('../lib/rate-limit.js', '/p/src/tools/files.ts', './lib/rate-limit.js')).toBe(true);
    expect(moduleMatches('./lib/rate-limit.js', '/p/src/server.ts', './lib/rate-limit.js')).toBe(true);
    expect(moduleMatches('./lib/rate-limit', '/p/src/server.ts', 'src/lib/rate-limit.ts')).toBe(true);
    expect(moduleMatches('./lib/rate-limit/index.js', '/p/src/server.ts', './lib/rate-limit.js')).toBe(true);
    expect(moduleMatches('./lib/my-rate-limit.js', '/p/src/server.ts', './lib/rate-limit.js')).toBe(false);
    expect(moduleMatches('rate-limit', '/p/src/server.ts', './lib/rate-limit.js')).toBe(false);
  });
});

describe('transportGuard', () => {
  const guardOf = (code: string, guards = none) => createRateGuardFinder(guards).transportGuard(parseSourceUnit('/virtual/app.ts', code))?.label ?? null;

  it('recognises the middleware libraries', () => {
    expect(guardOf("import rateLimit from 'express-rate-limit';\nconst app = require('express')();\napp.use(rateLimit());")).toBe('express-rate-limit');
    expect(guardOf("import { slowDown } from 'express-slow-down';\ndeclare const router: any;\nrouter.use('/mcp', slowDown({ delayAfter: 5 }));")).toBe('express-slow-down');
    expect(guardOf("import ExpressBrute from 'express-brute';\ndeclare const app: any;\nconst brute = new ExpressBrute(new ExpressBrute.MemoryStore());\napp.post('/mcp', brute.prevent, (req: unknown) => req);")).toBe('express-brute');
    expect(guardOf("declare const fastify: any;\nawait fastify.register(import('@fastify/rate-limit'), { max: 10 });")).toBe('@fastify/rate-limit');
    expect(guardOf("import { rateLimiter } from 'hono-rate-limiter';\ndeclare const app: any;\napp.use([rateLimiter({ limit: 5 })]);")).toBe('hono-rate-limiter');
  });

  it('recognises the NestJS throttler guard', () => {
    expect(guardOf("import { UseGuards } from '@nestjs/common';\nimport { ThrottlerGuard } from '@nestjs/throttler';\n@UseGuards(ThrottlerGuard)\nexport class Tools {}")).toBe('@nestjs/throttler ThrottlerGuard');
    expect(guardOf("import { APP_GUARD } from '@nestjs/core';\nimport { ThrottlerGuard } from '@nestjs/throttler';\nexport const providers = [{ provide: APP_GUARD, useClass: ThrottlerGuard }];")).toBe('@nestjs/throttler ThrottlerGuard');
    // Configuring the module without installing its guard limits nothing.
    expect(guardOf("import { ThrottlerModule } from '@nestjs/throttler';\nexport const imports = [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])];")).toBeNull();
  });

  it('recognises middleware by name and by the user guards', () => {
    expect(guardOf("import { rateLimiter } from './middleware.js';\ndeclare const app: any;\napp.use(rateLimiter);")).toBe('rateLimiter');
    expect(guardOf("import { quota } from './middleware.js';\ndeclare const app: any;\napp.use(quota);")).toBeNull();
    expect(guardOf("import { quota } from './middleware.js';\ndeclare const app: any;\napp.use(quota);", parseUserGuards(['quota']))).toBe('quota');
  });

  it('does not take a path, a handler or a map lookup for middleware', () => {
    expect(guardOf("declare const app: any;\nconst rateLimitPath = '/limits';\napp.get(rateLimitPath, (req: unknown) => req);")).toBeNull();
    expect(guardOf("declare const cache: Map<string, number>;\nconst rateLimitKey = 'k';\ncache.get(rateLimitKey);")).toBeNull();
  });
});
