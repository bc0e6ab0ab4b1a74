import type { AppDeps } from '../../deps.js';
import { KubeUnreachableError } from '../../platform/kube/kube-errors.js';
import { TimeoutError, withTimeout } from '../../platform/timeout.js';

export type DependencyName = 'postgres' | 'redis' | 'kubernetes';

/**
 * What /readyz says about one dependency. `error` is one of a few fixed words: a probe is public, so it
 * never carries a hostname, a port or a driver's message (those go to the log).
 */
export interface DependencyCheck {
  ok: boolean;
  latencyMs: number;
  error?: 'timeout' | 'unavailable';
}

export interface Readiness {
  /** PostgreSQL and Redis answer: the API can serve. */
  ready: boolean;
  checks: Record<DependencyName, DependencyCheck>;
}

/**
 * Checks each dependency in parallel, each bounded by `timeoutMs`. Readiness depends on PostgreSQL and
 * Redis only: without them no request can be served, while Kubernetes is needed by a few admin routes,
 * which answer 503 on their own when it is down; taking every replica out of service for it would turn
 * a cluster-API hiccup into a full outage. Its reachability is still reported.
 */
export function createHealthService(deps: Pick<AppDeps, 'database' | 'redis' | 'kube' | 'logger'>, timeoutMs = 1_500) {
  async function check(name: DependencyName, probe: () => Promise<unknown>): Promise<DependencyCheck> {
    const started = performance.now();
    try {
      await probe();
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      const timedOut =
        err instanceof TimeoutError || (err instanceof KubeUnreachableError && /did not answer/.test(err.message));
      deps.logger.warn({ err, dependency: name }, 'readiness check failed');
      return {
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        error: timedOut ? 'timeout' : 'unavailable',
      };
    }
  }

  return {
    async readiness(): Promise<Readiness> {
      const [postgres, redis, kubernetes] = await Promise.all([
        check('postgres', () => deps.database.ping(timeoutMs)),
        check('redis', () => withTimeout(deps.redis.ping(), timeoutMs, 'Redis did not answer')),
        check('kubernetes', () => deps.kube.version(timeoutMs)),
      ]);
      return { ready: postgres.ok && redis.ok, checks: { postgres, redis, kubernetes } };
    },
  };
}
