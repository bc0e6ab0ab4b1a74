import { rateLimited } from '../../platform/errors.js';
import type { Redis } from '../../platform/redis.js';

export interface RateLimitRule {
  /** Names the counter, e.g. `login:ip`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

// Fixed window: the first hit creates the counter with its expiry; returns the count and the ms left.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

/** Fixed-window counters in Redis, shared by every API replica. */
export function createRateLimiter(deps: { redis: Redis; prefix: string }) {
  return {
    /** Counts one attempt against every (rule, key) pair; throws 429 with Retry-After when one is over. */
    async hit(checks: Array<{ rule: RateLimitRule; key: string }>): Promise<void> {
      const pipeline = deps.redis.pipeline();
      for (const { rule, key } of checks) {
        pipeline.eval(HIT_SCRIPT, 1, `${deps.prefix}:ratelimit:${rule.name}:${key}`, rule.windowSeconds * 1000);
      }
      const results = (await pipeline.exec()) ?? [];
      let retryAfterMs = 0;
      results.forEach(([err, value], i) => {
        if (err) throw err;
        const [count, ttlMs] = value as [number, number];
        if (count > checks[i]!.rule.limit) retryAfterMs = Math.max(retryAfterMs, ttlMs);
      });
      if (retryAfterMs > 0) throw rateLimited(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** The limits on the doors attackers knock on. Per IP and per account; every attempt counts. */
export const AUTH_RATE_LIMITS = {
  loginPerIp: { name: 'login:ip', limit: 30, windowSeconds: 300 },
  loginPerEmail: { name: 'login:email', limit: 10, windowSeconds: 900 },
  registerPerIp: { name: 'register:ip', limit: 10, windowSeconds: 3600 },
  registerPerEmail: { name: 'register:email', limit: 5, windowSeconds: 3600 },
  refreshPerIp: { name: 'refresh:ip', limit: 60, windowSeconds: 60 },
  refreshPerAccount: { name: 'refresh:account', limit: 10, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

export type AuthRateLimits = typeof AUTH_RATE_LIMITS;
