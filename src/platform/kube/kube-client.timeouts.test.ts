import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SilentServer, startSilentServer } from '../../../test/helpers/tcp-proxy.js';
import { createKubeClient, type KubeClient } from './kube-client.js';
import { KubeUnreachableError } from './kube-errors.js';

const TIMEOUT_MS = 300;

/**
 * KUBE_REQUEST_TIMEOUT_MS bounds every call, against an API server that accepts connections and never
 * answers a byte (over TLS the handshake hangs; over plain HTTP the response does).
 */
describe.each(['https', 'http'])('KubeClient against an API server that never answers (%s)', (scheme) => {
  let server: SilentServer;
  let kube: KubeClient;

  beforeAll(async () => {
    server = await startSilentServer();
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'silent', server: `${scheme}://127.0.0.1:${server.port}`, skipTLSVerify: true }],
      users: [{ name: 'kapal', token: 'not-checked' }],
      contexts: [{ name: 'silent', cluster: 'silent', user: 'kapal' }],
      currentContext: 'silent',
    });
    kube = createKubeClient({ kubeConfig, requestTimeoutMs: TIMEOUT_MS });
  });
  afterAll(() => server.close());

  const node = { apiVersion: 'v1', kind: 'Node', name: 'kwok-node-0' };
  const calls: Record<string, () => Promise<unknown>> = {
    get: () => kube.get(node),
    list: () => kube.list('v1', 'Pod', { namespace: 'default' }),
    patchNode: () => kube.patchNode('kwok-node-0', { spec: { unschedulable: true } }),
    evictPod: () => kube.evictPod('default', 'web-1'),
    podLogs: () => kube.podLogs('default', 'web-1'),
    apply: () => kube.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' } }]),
    delete: () => kube.delete(node),
    version: () => kube.version(TIMEOUT_MS),
  };

  for (const [name, call] of Object.entries(calls)) {
    it(`${name} gives up after the request timeout with KubeUnreachableError`, async () => {
      const accepted = server.accepted;
      const started = performance.now();
      const error = await call().then(
        () => undefined,
        (err: unknown) => err,
      );
      const elapsed = performance.now() - started;
      expect(error).toBeInstanceOf(KubeUnreachableError);
      expect((error as Error).message).toMatch(/did not answer within 300 ms/);
      expect(server.accepted).toBeGreaterThan(accepted); // it did reach the server, which kept silent
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(elapsed).toBeLessThan(TIMEOUT_MS * 5);
    });
  }

  it('version takes its own, shorter bound', async () => {
    const started = performance.now();
    await expect(kube.version(100)).rejects.toThrow(/did not answer within 100 ms/);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
  });
});
