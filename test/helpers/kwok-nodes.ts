import { AppsV1Api, CoreV1Api, PatchStrategy, setHeaderOptions, type V1Node } from '@kubernetes/client-node';
import { loadKubeConfig } from '../../src/platform/kube/kube-client.js';
import { testEnv } from './env.js';

/**
 * Nodes of a test's own, for what would disturb the bed's shared nodes (cordon, NotReady, drain): KWOK
 * fakes their kubelet (the bed runs it with --manage-all-nodes). Tainted, so that only pods tolerating
 * `taint` land there. Plus the raw API calls the KubeClient does not offer (a node's status).
 */
export function kwokNodes() {
  const kc = loadKubeConfig(testEnv.kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  const created: string[] = [];
  return {
    core,
    apps,
    node(name: string, taintValue: string): V1Node {
      created.push(name);
      return {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name,
          annotations: { 'kwok.x-k8s.io/node': 'fake' },
          labels: { 'kubernetes.io/hostname': name, type: 'kwok', 'node-role.kubernetes.io/worker': '' },
        },
        spec: { taints: [{ key: 'kapal.io/test', value: taintValue, effect: 'NoSchedule' }] },
      };
    },
    /** Sets the node's Ready condition (status subresource, merged by type). */
    async setReady(name: string, status: 'True' | 'False' | 'Unknown') {
      const now = new Date().toISOString();
      await core.patchNodeStatus(
        {
          name,
          body: {
            status: {
              conditions: [
                {
                  type: 'Ready',
                  status,
                  reason: status === 'True' ? 'KubeletReady' : 'KapalTest',
                  message: `set by a test: ${status}`,
                  lastHeartbeatTime: now,
                  lastTransitionTime: now,
                },
              ],
            },
          },
        },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      );
    },
    async deleteAll() {
      for (const name of created.splice(0)) await core.deleteNode({ name }).catch(() => undefined);
    },
  };
}
