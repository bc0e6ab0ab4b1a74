import type { AppDeps } from '../../deps.js';
import { withTimeout } from '../../platform/timeout.js';

export type DependencyName = 'postgres' | 'redis' | 'kubernetes';

export interface DependencyCheck {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<DependencyName, DependencyCheck>;
}

/** Checks each dependency in parallel, each bounded by `timeoutMs`, and says which one is down. */
export function createHealthService(deps: Pick<AppDeps, 'database' | 'redis' | 'kube'>, timeoutMs = 1_500) {
  async function check(probe: () => Promise<unknown>): Promise<DependencyCheck> {
    const started = performance.now();
    try {
      await probe();
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      return {
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        error: err instanceof Error ? err.message : String(err),
      };
    }
  }

  return {
    async readiness(): Promise<Readiness> {
      const [postgres, redis, kubernetes] = await Promise.all([
        check(() => deps.database.ping(timeoutMs)),
        check(() => withTimeout(deps.redis.ping(), timeoutMs, 'Redis did not answer')),
        check(() => deps.kube.version(timeoutMs)),
      ]);
      return { ready: postgres.ok && redis.ok && kubernetes.ok, checks: { postgres, redis, kubernetes } };
    },
  };
}
