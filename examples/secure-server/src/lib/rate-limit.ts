/**
 * A per-key token bucket, in the style of rate-limiter-flexible's `RateLimiterMemory`: `consume(key)`
 * resolves when the caller may go on and rejects with `RateLimitError` when its budget is spent.
 * Each tool module owns one limiter and calls `await rateLimiter.consume(rateKey(tool, extra))`
 * before it does any work.
 */

export interface RateLimiterOptions {
  /** Calls allowed per `durationMs` (the bucket size). */
  points: number;
  /** Time in which an empty bucket refills completely. */
  durationMs: number;
  /** Keys remembered at most; the least recently used are forgotten first (bounds memory). */
  maxKeys?: number;
}

/** Its message is safe to show to the model: it says nothing about the server. */
export class RateLimitError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Rate limit exceeded. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`);
    this.name = 'RateLimitError';
  }
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private readonly maxKeys: number;

  constructor(private readonly options: RateLimiterOptions) {
    if (!(options.points >= 1 && options.durationMs > 0)) throw new RangeError('RateLimiter needs points >= 1 and durationMs > 0.');
    this.refillPerMs = options.points / options.durationMs;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Takes one token from `key`'s bucket, or rejects with `RateLimitError` when there is none. */
  async consume(key: string): Promise<void> {
    const now = Date.now();
    const previous = this.buckets.get(key);
    const tokens = previous === undefined
      ? this.options.points
      : Math.min(this.options.points, previous.tokens + (now - previous.updatedAt) * this.refillPerMs);
    // Re-insert so that Map order is least recently used first.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, updatedAt: now });
      throw new RateLimitError((1 - tokens) / this.refillPerMs);
    }
    this.buckets.set(key, { tokens: tokens - 1, updatedAt: now });
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}

/** The bucket key of one tool for one client session (stdio and stateless HTTP have no session id). */
export function rateKey(tool: string, extra: { sessionId?: string | undefined }): string {
  return `${tool}:${extra.sessionId ?? 'local'}`;
}
