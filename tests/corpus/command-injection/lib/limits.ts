// The rate limiter every corpus tool consumes from first.
import { RateLimiterMemory } from 'rate-limiter-flexible';

export const limiter = new RateLimiterMemory({ points: 30, duration: 60 });
