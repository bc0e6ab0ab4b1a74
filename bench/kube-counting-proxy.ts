/**
 * A plain-HTTP proxy in front of the test cluster's API server that counts the requests going through
 * it (by verb and resource; watches apart), for "Kubernetes API calls per provisioning". It forwards
 * each request over TLS with the test bed's admin certificate, streams the answers (watches included),
 * and writes a kubeconfig that points at itself, for Kapal's processes or kubectl.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadKubeConfig } from '../src/platform/kube/kube-client.js';

export interface CountingProxy {
  /** A kubeconfig file whose server is this proxy (no credentials: the proxy adds them). */
  kubeconfig: string;
  /** Counts since the last reset: `GET secrets`, `PATCH deployments`, `GET deployments (watch)`, `discovery`, ... */
  counts(): Map<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

/** The resource a request is about, from its path: `/apis/apps/v1/namespaces/x/deployments/y` → deployments. */
export function resourceOf(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'openapi') return 'openapi';
  let rest = parts[0] === 'api' ? parts.slice(2) : parts[0] === 'apis' ? parts.slice(3) : undefined;
  if (!rest) return parts[0] ?? '/';
  if (rest.length === 0) return 'discovery';
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  return rest[0]!;
}

const bytes = (data?: string, file?: string) =>
  data ? Buffer.from(data, 'base64') : file ? readFileSync(file) : undefined;

export async function startCountingProxy(kubeconfigPath: string, dir: string, name: string): Promise<CountingProxy> {
  const kc = loadKubeConfig(kubeconfigPath);
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  if (!cluster || !user) throw new Error(`${kubeconfigPath}: no current cluster or user`);
  const target = new URL(cluster.server);
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 512,
    ca: bytes(cluster.caData, cluster.caFile),
    cert: bytes(user.certData, user.certFile),
    key: bytes(user.keyData, user.keyFile),
  });
  let counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const resource = resourceOf(url.pathname);
    const key =
      resource === 'discovery' || resource === 'openapi'
        ? resource
        : `${req.method} ${resource}${url.searchParams.get('watch') === 'true' ? ' (watch)' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const headers = { ...req.headers, host: target.host };
    delete headers.authorization;
    const upstream = https.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        // Node holds the headers until the first body byte; a quiet watch would then never "open" for the
        // client (its informer start waits for the answer's headers).
        res.flushHeaders();
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    // A client that goes away (a stopped watch) ends the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kubeconfig = join(dir, `${name}.kubeconfig`);
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
- name: ${name}
  cluster: { server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true }
users:
- name: ${name}
  user: {}
contexts:
- name: ${name}
  context: { cluster: ${name}, user: ${name} }
current-context: ${name}
`,
  );
  return {
    kubeconfig,
    counts: () => new Map(counts),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset() {
      counts = new Map();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
