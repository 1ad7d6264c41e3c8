// xmcp: the middleware every tool call passes through, with a per-client limiter.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { type Middleware } from 'xmcp';

const perClient = new RateLimiterMemory({ points: 60, duration: 60 });

const middleware: Middleware = async (req, res, next) => {
  try {
    await perClient.consume(String(req.headers['x-client-id'] ?? req.ip ?? 'anonymous'));
  } catch {
    res.status(429).json({ error: 'Too many requests' });
    return;
  }
  next();
};

export default middleware;
