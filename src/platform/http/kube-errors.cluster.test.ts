import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { requireTestCluster } from '../../../test/helpers/env.js';
import { type SilentServer, startSilentServer } from '../../../test/helpers/tcp-proxy.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { createKubeClient, type KubeClient, loadKubeConfig } from '../kube/kube-client.js';

/**
 * Kubernetes failures through real routes that call the API server (the orphan scan, and a cordon of a
 * node the workers table does not know yet), mapped by the one error handler: the caller learns that
 * Kubernetes is the trouble and nothing about the cluster.
 */
describe('Kubernetes failures through a real route', () => {
  const routes = [
    { method: 'GET' as const, url: '/api/v1/admin/pods/orphaned' },
    { method: 'POST' as const, url: '/api/v1/admin/workers/kwok-node-0/cordon' },
  ];

  async function withKube(kube: KubeClient, check: (t: TestRuntime, admin: TestUser) => Promise<void>) {
    const t = await startTestRuntime({ overrides: { kube } });
    try {
      await check(t, await createUserWithToken(t, { role: 'ADMINISTRATOR' }));
    } finally {
      await t.close();
    }
  }

  describe('an API server that never answers', () => {
    let silent: SilentServer;
    beforeAll(async () => {
      silent = await startSilentServer();
    });
    afterAll(() => silent.close());

    it('is 503 DEPENDENCY_UNAVAILABLE within the request timeout, naming Kubernetes and nothing else', async () => {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromOptions({
        clusters: [{ name: 'silent', server: `https://127.0.0.1:${silent.port}`, skipTLSVerify: true }],
        users: [{ name: 'kapal', token: 'not-checked' }],
        contexts: [{ name: 'silent', cluster: 'silent', user: 'kapal' }],
        currentContext: 'silent',
      });
      await withKube(createKubeClient({ kubeConfig, requestTimeoutMs: 300 }), async (t, admin) => {
        for (const route of routes) {
          const started = performance.now();
          const res = await t.app.inject({ ...route, headers: admin.headers });
          expect(performance.now() - started, route.url).toBeLessThan(3_000);
          expect(res.statusCode, route.url).toBe(503);
          expect(res.json().error).toEqual({
            code: 'DEPENDENCY_UNAVAILABLE',
            message: 'The Kubernetes API is unavailable; try again later',
            requestId: expect.any(String),
          });
          expect(res.body).not.toContain(String(silent.port));
        }
      });
    });
  });

  it("is 502 DEPENDENCY_FAILED when Kapal's own credentials lack the right, without the API server's words", async () => {
    // The test cluster's administrator, impersonating an account that has no role at all.
    const admin = loadKubeConfig(requireTestCluster());
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: admin.clusters,
      users: admin.users.map((u) => ({ ...u, impersonateUser: 'kapal-test-no-rights' })),
      contexts: admin.contexts,
      currentContext: admin.currentContext,
    });
    await withKube(createKubeClient({ kubeConfig }), async (t, user) => {
      for (const route of routes) {
        const res = await t.app.inject({ ...route, headers: user.headers });
        expect(res.statusCode, route.url).toBe(502);
        expect(res.json().error).toMatchObject({
          code: 'DEPENDENCY_FAILED',
          message: 'Kubernetes does not allow Kapal this operation; an operator must grant the permission',
        });
        for (const leak of ['forbidden', 'kapal-test-no-rights', 'nodes', 'cluster scope']) {
          expect(res.body, route.url).not.toContain(leak);
        }
      }
    });
  });
});
