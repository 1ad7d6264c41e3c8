// Rate limiting shared by the corpus servers: a rate-limiter-flexible limiter, a guard helper, a
// wrapper, and a limiter class of the project itself.
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** 30 calls per minute and session. */
export const toolLimiter = new RateLimiterMemory({ points: 30, duration: 60 });

/** Rejects (and so ends the tool call) when the session is over its budget. */
export async function enforceLimit(extra: { sessionId?: string }): Promise<void> {
  await toolLimiter.consume(extra.sessionId ?? 'local');
}

/** Wraps a handler so that every call consumes a token first. */
export function limited<A extends unknown[], R>(tool: string, handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    await toolLimiter.consume(tool);
    return handler(...args);
  };
}

/** A fixed-window counter per key; `take` throws when the window is used up. */
export class WindowRateLimiter {
  private readonly counts = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  take(key: string): void {
    const now = Date.now();
    const entry = this.counts.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      this.counts.set(key, { start: now, count: 1 });
      return;
    }
    if (entry.count >= this.limit) throw new Error('Rate limit exceeded. Try again later.');
    entry.count += 1;
  }
}
