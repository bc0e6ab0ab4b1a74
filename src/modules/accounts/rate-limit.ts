import { isIPv4, isIPv6 } from 'node:net';
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

/** The eight 16-bit groups of an IPv6 address (zone id dropped, `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0]!.toLowerCase();
  const dotted = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => Number.parseInt(g, 16));
}

/**
 * The key a client address is counted under. One IPv6 subscriber usually gets a whole /64, so counting
 * each address would hand an attacker 2^64 fresh limits: IPv6 is counted per /64. An IPv4-mapped IPv6
 * address (`::ffff:1.2.3.4`, what a dual-stack socket reports for IPv4 clients) counts as its IPv4 address.
 */
export function clientAddressKey(address: string): string {
  if (isIPv4(address)) return address;
  if (!isIPv6(address.split('%')[0]!)) return address;
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * Fixed-window counters in Redis, shared by every API replica. A key that is an IP address is counted
 * by `clientAddressKey` (IPv6 per /64); other keys (emails, user ids) as given.
 */
export function createRateLimiter(deps: { redis: Redis; prefix: string }) {
  return {
    /** Counts one attempt against every (rule, key) pair; throws 429 with Retry-After when one is over. */
    async hit(checks: Array<{ rule: RateLimitRule; key: string }>): Promise<void> {
      const pipeline = deps.redis.pipeline();
      for (const { rule, key } of checks) {
        const counted = clientAddressKey(key);
        pipeline.eval(HIT_SCRIPT, 1, `${deps.prefix}:ratelimit:${rule.name}:${counted}`, rule.windowSeconds * 1000);
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
  verifyEmailResendPerAccount: { name: 'verify-email-resend:account', limit: 3, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

export type AuthRateLimits = typeof AUTH_RATE_LIMITS;
