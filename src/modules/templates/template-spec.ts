import { z } from 'zod';
import { toMebibytes, toMillicores } from '../../platform/kube/quantity.js';

/**
 * The shape of an app template file (`templates/<slug>.yaml`). Everything a new app needs is declared
 * here as data; docs/TEMPLATES.md describes each field. Quantities use a small subset of Kubernetes
 * notation so the renderer can add them up for the tenant's ResourceQuota.
 */

const dnsLabel = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .regex(/^[a-z]([a-z0-9-]*[a-z0-9])?$/, 'must be lowercase letters, digits and "-", starting with a letter');

export const cpuQuantity = z
  .string()
  .regex(/^(\d+m|\d+(\.\d{1,3})?)$/, { message: 'must be a CPU quantity such as "250m" or "1"', abort: true })
  .refine((v) => toMillicores(v) > 0, 'must be more than zero');
export const byteQuantity = z
  .string()
  .regex(/^\d+(Mi|Gi)$/, { message: 'must be a quantity in Mi or Gi such as "512Mi" or "2Gi"', abort: true })
  .refine((v) => toMebibytes(v) > 0, 'must be more than zero');

/** The capabilities Pod Security `baseline` lets a container add (for images that start as root). */
export const BASELINE_CAPABILITIES = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
] as const;

const portNumber = z.number().int().min(1).max(65535);
const portRef = z.union([portNumber, dnsLabel(15)]);

const probe = z
  .object({
    httpGet: z
      .object({
        path: z.string().startsWith('/', 'must start with "/"'),
        port: portRef,
        httpHeaders: z.array(z.object({ name: z.string().min(1), value: z.string() }).strict()).optional(),
      })
      .strict()
      .optional(),
    tcpSocket: z.object({ port: portRef }).strict().optional(),
    exec: z
      .object({ command: z.array(z.string().min(1)).min(1) })
      .strict()
      .optional(),
    initialDelaySeconds: z.number().int().min(0).default(0),
    periodSeconds: z.number().int().min(1).default(10),
    timeoutSeconds: z.number().int().min(1).default(3),
    failureThreshold: z.number().int().min(1).default(3),
  })
  .strict()
  .refine((p) => [p.httpGet, p.tcpSocket, p.exec].filter(Boolean).length === 1, {
    message: 'must declare exactly one of httpGet, tcpSocket or exec',
  });

const envVar = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must be a valid environment variable name'),
    /** Literal text with `{{ variable }}` placeholders (see docs/TEMPLATES.md for the variables). */
    value: z.string(),
    /** Kept in the workload's Secret instead of the pod spec; required when the value uses `{{ secrets.* }}`. */
    secret: z.boolean().default(false),
  })
  .strict();

const volume = z
  .object({
    name: dnsLabel(20),
    mountPath: z.string().startsWith('/', 'must be an absolute path'),
    subPath: z.string().optional(),
    /** `plan` takes the plan's storage size; otherwise a fixed size such as "1Gi". */
    size: z.union([z.literal('plan'), byteQuantity]),
  })
  .strict();

const resources = z
  .object({
    requests: z.object({ cpu: cpuQuantity, memory: byteQuantity }).strict(),
    limits: z.object({ cpu: cpuQuantity, memory: byteQuantity }).strict(),
  })
  .strict()
  .refine((r) => toMillicores(r.requests.cpu) <= toMillicores(r.limits.cpu), {
    message: 'requests.cpu must not exceed limits.cpu',
  })
  .refine((r) => toMebibytes(r.requests.memory) <= toMebibytes(r.limits.memory), {
    message: 'requests.memory must not exceed limits.memory',
  });

const workloadFields = {
  kind: z.enum(['Deployment', 'StatefulSet']),
  image: z
    .object({
      repository: z
        .string()
        .regex(/^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?(:\d+)?(\/[a-z0-9._-]+)*$/, 'must be an image name'),
      tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'must be an image tag'),
    })
    .strict(),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  ports: z.array(z.object({ name: dnsLabel(15), port: portNumber }).strict()).min(1),
  env: z.array(envVar).default([]),
  volumes: z.array(volume).default([]),
  readinessProbe: probe,
  livenessProbe: probe,
  securityContext: z
    .object({
      runAsUser: z.number().int().min(0).optional(),
      runAsGroup: z.number().int().min(0).optional(),
      fsGroup: z.number().int().min(0).optional(),
      /** Added back after the renderer drops all: only what Pod Security `baseline` allows (docs/TEMPLATES.md). */
      capabilities: z.array(z.enum(BASELINE_CAPABILITIES)).optional(),
    })
    .strict()
    .optional(),
};

const appWorkload = z
  .object({
    ...workloadFields,
    /** The port (by name) that the Ingress sends the app's public traffic to. */
    httpPort: dnsLabel(15),
  })
  .strict();

const companion = z
  .object({
    ...workloadFields,
    /** Short role name, used in object names: `<app>-<name>`. */
    name: dnsLabel(12),
    /** Companions have fixed resources; the plan sizes the app itself. */
    resources,
  })
  .strict();

const generatedSecret = z
  .object({
    length: z.number().int().min(16).max(128).default(32),
    alphabet: z.enum(['alphanumeric', 'hex']).default('alphanumeric'),
  })
  .strict();

const templateSpecShape = z
  .object({
    slug: dnsLabel(40),
    name: z.string().min(1),
    /** The app version customers see; the catalog row defaults to it. */
    version: z.string().min(1),
    description: z.string().default(''),
    app: appWorkload,
    companions: z.array(companion).default([]),
    /** Passwords and keys made once per subscription, referenced as `{{ secrets.<name> }}`. */
    secrets: z
      .record(z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be a lowercase key'), generatedSecret)
      .default({}),
  })
  .strict();

export const templateSpec = templateSpecShape.superRefine(checkReferences);

export type TemplateSpec = z.output<typeof templateSpec>;
export type AppWorkloadSpec = TemplateSpec['app'];
export type CompanionSpec = TemplateSpec['companions'][number];
export type WorkloadSpec = AppWorkloadSpec | CompanionSpec;
export type ProbeSpec = AppWorkloadSpec['readinessProbe'];

/** `{{ name }}` placeholders in env values. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** Cross-field rules zod's shapes cannot say: names that must exist, be unique, or be kept secret. */
function checkReferences(spec: z.output<typeof templateSpecShape>, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const companionNames = new Set(spec.companions.map((c) => c.name));
  const secretNames = new Set(Object.keys(spec.secrets));

  const unique = (values: string[], path: (string | number)[], what: string) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v)) issue([...path, i], `duplicate ${what} "${v}"`);
      seen.add(v);
    });
  };
  unique(
    spec.companions.map((c) => c.name),
    ['companions'],
    'companion name',
  );

  const checkWorkload = (w: WorkloadShape, path: (string | number)[], isApp: boolean) => {
    const portNames = new Set(w.ports.map((p) => p.name));
    unique(
      w.ports.map((p) => p.name),
      [...path, 'ports'],
      'port name',
    );
    unique(
      w.env.map((e) => e.name),
      [...path, 'env'],
      'environment variable',
    );
    unique(
      w.volumes.map((v) => v.name),
      [...path, 'volumes'],
      'volume name',
    );
    for (const probeName of ['readinessProbe', 'livenessProbe'] as const) {
      const probe = w[probeName];
      const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
      if (typeof port === 'string' && !portNames.has(port)) {
        issue([...path, probeName, probe.httpGet ? 'httpGet' : 'tcpSocket', 'port'], `no port named "${port}"`);
      }
    }
    const planVolumes = w.volumes.flatMap((v, i) => (v.size === 'plan' ? [i] : []));
    if (!isApp)
      for (const i of planVolumes) issue([...path, 'volumes', i, 'size'], 'a companion volume needs a fixed size');
    if (isApp && planVolumes.length > 1) {
      issue([...path, 'volumes', planVolumes[1]!, 'size'], "only one volume can take the plan's storage size");
    }
    w.env.forEach((env, i) => {
      for (const [, variable] of env.value.matchAll(PLACEHOLDER)) {
        const name = variable ?? '';
        const at = [...path, 'env', i, 'value'];
        if (name.startsWith('secrets.')) {
          const secret = name.slice('secrets.'.length);
          if (!secretNames.has(secret)) issue(at, `"{{ ${name} }}": no generated secret "${secret}" under secrets`);
          else if (!env.secret) issue([...path, 'env', i, 'secret'], `must be true: the value uses "{{ ${name} }}"`);
        } else if (name.startsWith('companions.')) {
          const [, companion, field] = name.split('.');
          if (!companion || !companionNames.has(companion) || field !== 'host' || name.split('.').length !== 3) {
            issue(at, `"{{ ${name} }}": expected companions.<name>.host with a declared companion`);
          }
        } else if (!PLAIN_VARIABLES.has(name)) {
          issue(at, `unknown variable "{{ ${name} }}"`);
        }
      }
    });
  };

  checkWorkload(spec.app, ['app'], true);
  if (!new Set(spec.app.ports.map((p) => p.name)).has(spec.app.httpPort)) {
    issue(['app', 'httpPort'], `no port named "${spec.app.httpPort}"`);
  }
  spec.companions.forEach((c, i) => {
    checkWorkload(c, ['companions', i], false);
  });
}

/** Variables every env value may use; `companions.<name>.host` and `secrets.<name>` come from the template. */
export const PLAIN_VARIABLES = new Set(['host', 'publicUrl', 'namespace', 'name', 'subscriptionId']);

type WorkloadShape = z.output<typeof appWorkload> | z.output<typeof companion>;
