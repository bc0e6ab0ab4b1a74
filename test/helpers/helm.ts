import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

export const CHART = 'deploy/helm/kapal';

let binary: Promise<string> | undefined;

/** The helm that `scripts/testbed.sh up` built into the test bed's cache (built here when missing). */
export function helmBinary(): Promise<string> {
  binary ??= run('scripts/lib/helm.sh', ['--path']).then((r) => r.stdout.trim());
  return binary;
}

/** Runs helm; rejects with helm's own message when it fails. */
export async function helm(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(await helmBinary(), args, { maxBuffer: 32 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr;
    throw new Error(`helm ${args.join(' ')} failed: ${stderr || (err as Error).message}`);
  }
}

export type ManifestObject = KubernetesObject & {
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
} & Record<string, unknown>;

export function parseManifests(text: string): ManifestObject[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as ManifestObject | null)
    .filter((o): o is ManifestObject => o !== null);
}

/** `helm template` of the chart as `release` in `namespace`, with `--set` values. */
export async function renderChart(options: {
  release: string;
  namespace: string;
  set?: Record<string, string | number | boolean>;
}): Promise<ManifestObject[]> {
  const sets = Object.entries(options.set ?? {}).flatMap(([key, value]) => ['--set', `${key}=${value}`]);
  return parseManifests(await helm(['template', options.release, CHART, '--namespace', options.namespace, ...sets]));
}

/** The values deploy/kubernetes/kapal.yaml is rendered with (scripts/render-manifests.sh). */
export const PLAIN_MANIFEST_VALUES = {
  createNamespace: true,
  'migrations.mode': 'initContainer',
  existingSecret: 'kapal-secrets',
};
