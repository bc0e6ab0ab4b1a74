import { createHash, randomInt } from 'node:crypto';
import type { KubernetesObject } from '@kubernetes/client-node';
import { toMebibytes, toMillicores } from '../../platform/kube/quantity.js';
import { subscriptionBaseName, tenantNamespace } from './names.js';
import type { SecretStore } from './secret-store.js';
import {
  type CompanionSpec,
  PLACEHOLDER,
  type ProbeSpec,
  type TemplateSpec,
  type WorkloadSpec,
} from './template-spec.js';

/** A Kubernetes object as the renderer emits it: plain JSON, ready for server-side apply. */
export type KubeObject = KubernetesObject & { metadata: { name: string; labels: Record<string, string> } } & Record<
    string,
    unknown
  >;

/** What the renderer needs from a catalog plan. */
export interface PlanResources {
  cpuRequestMillicores: number;
  cpuLimitMillicores: number;
  memoryRequestMib: number;
  memoryLimitMib: number;
  storageGib: number;
}

export interface RenderSettings {
  /** APPS_DOMAIN: apps are served at `<name>.<domain>`. */
  domain: string;
  ingressClass: string;
  /** The ingress controller's namespace: the only one the tenant's NetworkPolicy admits. */
  ingressNamespace: string;
  /** cert-manager ClusterIssuer named on every Ingress. */
  clusterIssuer: string;
  /** Who gets rights in tenant namespaces; defaults to the chart installed as `kapal` in `kapal-system`. */
  tenantAccess?: TenantAccess;
}

/**
 * Kapal's own install (deploy/helm/kapal): its namespace and Helm release name. Each tenant namespace
 * binds the ClusterRole `<release>-tenant-manager` to the worker's service account `<release>-worker`
 * and `<release>-tenant-viewer` to the API's `<release>-api`: RBAC cannot grant by namespace label.
 */
export interface TenantAccess {
  namespace: string;
  release: string;
}
export const DEFAULT_TENANT_ACCESS: TenantAccess = { namespace: 'kapal-system', release: 'kapal' };

/**
 * Where tenant pods may not send traffic: the private ranges pods, Services and nodes live in (RFC 1918,
 * CGNAT) and link-local addresses, the cloud metadata service 169.254.169.254 among them; IPv6 likewise.
 */
export const BLOCKED_EGRESS = {
  ipv4: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'],
  ipv6: ['fc00::/7', 'fe80::/10'],
} as const;

/** The Pod Security level every tenant namespace enforces; `restricted` is only warned about and audited. */
export const TENANT_POD_SECURITY = {
  'pod-security.kubernetes.io/enforce': 'baseline',
  'pod-security.kubernetes.io/enforce-version': 'latest',
  'pod-security.kubernetes.io/warn': 'restricted',
  'pod-security.kubernetes.io/warn-version': 'latest',
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/audit-version': 'latest',
} as const;

export interface SubscriptionRenderInput {
  template: TemplateSpec;
  plan: PlanResources;
  /** `host`: the app's host as the subscription keeps it (`<name>.<APPS_DOMAIN>`); else `<base name>.<domain>`. */
  subscription: { id: string; name: string; host?: string };
  tenant: { userId: string };
}

/** What one subscription asks of its tenant's namespace; the tenant's quota is the sum over its subscriptions. */
export interface ResourceFootprint {
  cpuRequestMillicores: number;
  cpuLimitMillicores: number;
  memoryRequestMib: number;
  memoryLimitMib: number;
  storageMib: number;
  pods: number;
  persistentVolumeClaims: number;
  largestContainer: {
    cpuRequestMillicores: number;
    cpuLimitMillicores: number;
    memoryRequestMib: number;
    memoryLimitMib: number;
  };
  largestVolumeMib: number;
}

export interface RenderedSubscription {
  namespace: string;
  /** Object base name: Deployment/StatefulSet, Service, Secret and Ingress of the app carry it. */
  name: string;
  host: string;
  publicUrl: string;
  footprint: ResourceFootprint;
  /** Secrets, PVCs, Services, companion workloads, the app workload, its Ingress and NetworkPolicy, in apply order. */
  objects: KubeObject[];
}

export const LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  tenant: 'kapal.io/tenant',
  subscription: 'kapal.io/subscription',
  legacyManaged: 'paas.managed',
  name: 'app.kubernetes.io/name',
  instance: 'app.kubernetes.io/instance',
  component: 'app.kubernetes.io/component',
} as const;
export const MANAGED_BY = 'kapal';
const APP_COMPONENT = 'app';

interface Resources {
  cpuRequestMillicores: number;
  cpuLimitMillicores: number;
  memoryRequestMib: number;
  memoryLimitMib: number;
}

const planResources = (plan: PlanResources): Resources => ({
  cpuRequestMillicores: plan.cpuRequestMillicores,
  cpuLimitMillicores: plan.cpuLimitMillicores,
  memoryRequestMib: plan.memoryRequestMib,
  memoryLimitMib: plan.memoryLimitMib,
});

const companionResources = (c: CompanionSpec): Resources => ({
  cpuRequestMillicores: toMillicores(c.resources.requests.cpu),
  cpuLimitMillicores: toMillicores(c.resources.limits.cpu),
  memoryRequestMib: toMebibytes(c.resources.requests.memory),
  memoryLimitMib: toMebibytes(c.resources.limits.memory),
});

const volumeMib = (size: string, plan: PlanResources) => (size === 'plan' ? plan.storageGib * 1024 : toMebibytes(size));
const mib = (value: number) => (value % 1024 === 0 ? `${value / 1024}Gi` : `${value}Mi`);

/** The resources one subscription of `template` on `plan` needs: its app, its companions and their volumes. */
export function footprintOf(template: TemplateSpec, plan: PlanResources): ResourceFootprint {
  const workloads: { spec: WorkloadSpec; resources: Resources }[] = [
    { spec: template.app, resources: planResources(plan) },
    ...template.companions.map((c) => ({ spec: c, resources: companionResources(c) })),
  ];
  const volumes = workloads.flatMap((w) => w.spec.volumes.map((v) => volumeMib(v.size, plan)));
  const sum = (pick: (r: Resources) => number) => workloads.reduce((total, w) => total + pick(w.resources), 0);
  const max = (pick: (r: Resources) => number) => Math.max(...workloads.map((w) => pick(w.resources)));
  return {
    cpuRequestMillicores: sum((r) => r.cpuRequestMillicores),
    cpuLimitMillicores: sum((r) => r.cpuLimitMillicores),
    memoryRequestMib: sum((r) => r.memoryRequestMib),
    memoryLimitMib: sum((r) => r.memoryLimitMib),
    storageMib: volumes.reduce((a, b) => a + b, 0),
    // One pod per workload: Deployments use the Recreate strategy, so no surge pod needs room.
    pods: workloads.length,
    persistentVolumeClaims: volumes.length,
    largestContainer: {
      cpuRequestMillicores: max((r) => r.cpuRequestMillicores),
      cpuLimitMillicores: max((r) => r.cpuLimitMillicores),
      memoryRequestMib: max((r) => r.memoryRequestMib),
      memoryLimitMib: max((r) => r.memoryLimitMib),
    },
    largestVolumeMib: Math.max(0, ...volumes),
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function generateSecret(spec: TemplateSpec['secrets'][string]): string {
  const alphabet = spec.alphabet === 'hex' ? HEX : ALPHANUMERIC;
  let value = '';
  for (let i = 0; i < spec.length; i++) value += alphabet[randomInt(alphabet.length)];
  return value;
}

/** Drops undefined fields so the objects are plain JSON and compare equal across renders. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function renderProbe(probe: ProbeSpec) {
  return compact({
    httpGet: probe.httpGet && { ...probe.httpGet, scheme: 'HTTP' },
    tcpSocket: probe.tcpSocket,
    exec: probe.exec,
    initialDelaySeconds: probe.initialDelaySeconds,
    periodSeconds: probe.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds,
    failureThreshold: probe.failureThreshold,
  });
}

/** Every pod: the runtime's default seccomp profile; non-root when the template names a non-root user. */
function podSecurityContext(spec: WorkloadSpec) {
  const { capabilities: _, ...ids } = spec.securityContext ?? {};
  return compact({
    runAsNonRoot: ids.runAsUser !== undefined && ids.runAsUser > 0 ? true : undefined,
    ...ids,
    seccompProfile: { type: 'RuntimeDefault' },
  });
}

/**
 * Every container: no privilege escalation, every capability dropped, then only those the template adds
 * back (an image that starts as root to chown its volume and switch user needs a few; docs/TEMPLATES.md).
 */
function containerSecurityContext(spec: WorkloadSpec) {
  const add = spec.securityContext?.capabilities ?? [];
  return {
    allowPrivilegeEscalation: false,
    capabilities: add.length > 0 ? { drop: ['ALL'], add: [...add] } : { drop: ['ALL'] },
  };
}

/**
 * Turns (template, plan, subscription, tenant) into Kubernetes objects. Pure except for the secret
 * store: the same input and the same store give the same objects, so re-rendering converges.
 */
export function createTemplateRenderer(deps: { settings: RenderSettings; secrets: SecretStore }) {
  const { settings } = deps;
  const access = settings.tenantAccess ?? DEFAULT_TENANT_ACCESS;

  async function renderSubscription(input: SubscriptionRenderInput): Promise<RenderedSubscription> {
    const { template, plan, subscription, tenant } = input;
    const namespace = tenantNamespace(tenant.userId);
    const name = subscriptionBaseName(subscription);
    const host = subscription.host ?? `${name}.${settings.domain}`;
    const publicUrl = `https://${host}`;

    const common = {
      [LABELS.managedBy]: MANAGED_BY,
      [LABELS.tenant]: tenant.userId,
      [LABELS.subscription]: subscription.id,
      [LABELS.name]: template.slug,
      [LABELS.instance]: name,
    };
    const componentLabels = (component: string) => ({ ...common, [LABELS.component]: component });
    const selector = (component: string) => ({ [LABELS.subscription]: subscription.id, [LABELS.component]: component });
    const meta = (objectName: string, component: string, annotations?: Record<string, string>) =>
      compact({ name: objectName, namespace, labels: componentLabels(component), annotations });

    const secretValues: Record<string, string> = {};
    for (const secretName of Object.keys(template.secrets).sort()) {
      const spec = template.secrets[secretName]!;
      secretValues[secretName] = await deps.secrets.getOrCreate(subscription.id, secretName, () =>
        generateSecret(spec),
      );
    }
    const variables: Record<string, string> = {
      host,
      publicUrl,
      namespace,
      name,
      subscriptionId: subscription.id,
      ...Object.fromEntries(template.companions.map((c) => [`companions.${c.name}.host`, `${name}-${c.name}`])),
      ...Object.fromEntries(Object.entries(secretValues).map(([k, v]) => [`secrets.${k}`, v])),
    };
    // The template was checked at load time, so every placeholder has a value.
    const interpolate = (text: string) => text.replace(PLACEHOLDER, (_, variable: string) => variables[variable] ?? '');

    const head: KubeObject[] = [];
    const workloads: KubeObject[] = [];
    const tail: KubeObject[] = [];

    const renderWorkload = (spec: WorkloadSpec, component: string, objectName: string, resources: Resources) => {
      const secretName = objectName;
      const secretEnv = spec.env.filter((e) => e.secret);
      const secretData = Object.fromEntries(
        secretEnv.map((e) => [e.name, Buffer.from(interpolate(e.value), 'utf8').toString('base64')]),
      );
      if (secretEnv.length > 0) {
        head.push({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: meta(secretName, component),
          type: 'Opaque',
          data: secretData,
        });
      }
      const claims = spec.volumes.map((v) => ({ volume: v, claimName: `${objectName}-${v.name}` }));
      for (const { volume, claimName } of claims) {
        head.push({
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: meta(claimName, component),
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: mib(volumeMib(volume.size, plan)) } },
          },
        });
      }
      head.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(objectName, component),
        spec: {
          type: 'ClusterIP',
          selector: selector(component),
          ports: spec.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.name, protocol: 'TCP' })),
        },
      });

      // A changed Secret does not restart pods by itself; a changed checksum in the pod template does.
      const checksum = createHash('sha256').update(JSON.stringify(secretData)).digest('hex');
      const container = compact({
        name: component,
        image: `${spec.image.repository}:${spec.image.tag}`,
        imagePullPolicy: 'IfNotPresent',
        command: spec.command,
        args: spec.args,
        ports: spec.ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: 'TCP' })),
        env: spec.env.map((e) =>
          e.secret
            ? { name: e.name, valueFrom: { secretKeyRef: { name: secretName, key: e.name } } }
            : { name: e.name, value: interpolate(e.value) },
        ),
        resources: {
          requests: { cpu: `${resources.cpuRequestMillicores}m`, memory: mib(resources.memoryRequestMib) },
          limits: { cpu: `${resources.cpuLimitMillicores}m`, memory: mib(resources.memoryLimitMib) },
        },
        volumeMounts: claims.map(({ volume }) =>
          compact({ name: volume.name, mountPath: volume.mountPath, subPath: volume.subPath }),
        ),
        readinessProbe: renderProbe(spec.readinessProbe),
        livenessProbe: renderProbe(spec.livenessProbe),
        securityContext: containerSecurityContext(spec),
      });
      const podTemplate = {
        metadata: { labels: componentLabels(component), annotations: { 'kapal.io/secret-checksum': checksum } },
        spec: compact({
          automountServiceAccountToken: false,
          // Service links would put every Service of the namespace into the env (and clash with app variables).
          enableServiceLinks: false,
          securityContext: podSecurityContext(spec),
          containers: [container],
          volumes: claims.map(({ volume, claimName }) => ({ name: volume.name, persistentVolumeClaim: { claimName } })),
        }),
      };
      const workloadSpec =
        spec.kind === 'Deployment'
          ? {
              replicas: 1,
              revisionHistoryLimit: 3,
              // Volumes are ReadWriteOnce: the old pod must let go before the new one starts.
              strategy: { type: 'Recreate' },
              selector: { matchLabels: selector(component) },
              template: podTemplate,
            }
          : {
              replicas: 1,
              revisionHistoryLimit: 3,
              serviceName: objectName,
              selector: { matchLabels: selector(component) },
              template: podTemplate,
            };
      workloads.push({
        apiVersion: 'apps/v1',
        kind: spec.kind,
        metadata: meta(objectName, component),
        spec: workloadSpec,
      });
    };

    for (const companion of template.companions) {
      renderWorkload(companion, companion.name, `${name}-${companion.name}`, companionResources(companion));
    }
    renderWorkload(template.app, APP_COMPONENT, name, planResources(plan));

    tail.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta(name, APP_COMPONENT, { 'cert-manager.io/cluster-issuer': settings.clusterIssuer }),
      spec: {
        ingressClassName: settings.ingressClass,
        tls: [{ hosts: [host], secretName: `${name}-tls` }],
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name, port: { name: template.app.httpPort } } },
                },
              ],
            },
          },
        ],
      },
    });
    if (template.companions.length > 0) {
      // The tenant's policies admit only the ingress controller and send only to DNS and the internet;
      // this lets the pods of one subscription (the app and its companions) reach each other.
      const sameSubscription = { podSelector: { matchLabels: { [LABELS.subscription]: subscription.id } } };
      tail.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: meta(`${name}-internal`, APP_COMPONENT),
        spec: {
          podSelector: sameSubscription.podSelector,
          policyTypes: ['Ingress', 'Egress'],
          ingress: [{ from: [sameSubscription] }],
          egress: [{ to: [sameSubscription] }],
        },
      });
    }

    return {
      namespace,
      name,
      host,
      publicUrl,
      footprint: footprintOf(template, plan),
      objects: [...head, ...workloads, ...tail],
    };
  }

  /**
   * The tenant's namespace and its guard rails, sized from every live subscription of the tenant
   * (`footprints`): ResourceQuota = the sum, LimitRange max = the largest container and volume.
   */
  function renderTenant(tenant: { userId: string }, footprints: ResourceFootprint[]): KubeObject[] {
    if (footprints.length === 0) throw new Error('a tenant namespace is sized from at least one subscription');
    const namespace = tenantNamespace(tenant.userId);
    const labels = { [LABELS.managedBy]: MANAGED_BY, [LABELS.tenant]: tenant.userId };
    const sum = (pick: (f: ResourceFootprint) => number) => footprints.reduce((t, f) => t + pick(f), 0);
    const max = (pick: (f: ResourceFootprint) => number) => Math.max(...footprints.map(pick));
    const objects: KubeObject[] = [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: namespace, labels: { ...labels, [LABELS.legacyManaged]: 'true', ...TENANT_POD_SECURITY } },
      },
      // Kapal's rights in this namespace (deploy/README.md), right after it so the rest can be applied.
      tenantRoleBinding(namespace, labels, 'tenant-manager', 'worker'),
      tenantRoleBinding(namespace, labels, 'tenant-viewer', 'api'),
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'tenant-quota', namespace, labels },
        spec: {
          hard: {
            'requests.cpu': `${sum((f) => f.cpuRequestMillicores)}m`,
            'limits.cpu': `${sum((f) => f.cpuLimitMillicores)}m`,
            'requests.memory': mib(sum((f) => f.memoryRequestMib)),
            'limits.memory': mib(sum((f) => f.memoryLimitMib)),
            'requests.storage': mib(sum((f) => f.storageMib)),
            persistentvolumeclaims: String(sum((f) => f.persistentVolumeClaims)),
            pods: String(sum((f) => f.pods)),
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'tenant-limits', namespace, labels },
        spec: {
          limits: [
            {
              type: 'Container',
              max: {
                cpu: `${max((f) => f.largestContainer.cpuLimitMillicores)}m`,
                memory: mib(max((f) => f.largestContainer.memoryLimitMib)),
              },
              // Only for containers that state nothing (Kapal's always state both).
              default: {
                cpu: `${max((f) => f.largestContainer.cpuLimitMillicores)}m`,
                memory: mib(max((f) => f.largestContainer.memoryLimitMib)),
              },
              defaultRequest: {
                cpu: `${max((f) => f.largestContainer.cpuRequestMillicores)}m`,
                memory: mib(max((f) => f.largestContainer.memoryRequestMib)),
              },
            },
            ...(max((f) => f.largestVolumeMib) > 0
              ? [{ type: 'PersistentVolumeClaim', max: { storage: mib(max((f) => f.largestVolumeMib)) } }]
              : []),
          ],
        },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'default-deny-except-ingress', namespace, labels },
        spec: {
          podSelector: {},
          policyTypes: ['Ingress'],
          ingress: [
            {
              from: [
                { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': settings.ingressNamespace } } },
              ],
            },
          ],
        },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'restrict-egress', namespace, labels },
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
              ports: [
                { protocol: 'UDP', port: 53 },
                { protocol: 'TCP', port: 53 },
              ],
            },
            {
              to: [
                { ipBlock: { cidr: '0.0.0.0/0', except: [...BLOCKED_EGRESS.ipv4] } },
                { ipBlock: { cidr: '::/0', except: [...BLOCKED_EGRESS.ipv6] } },
              ],
            },
          ],
        },
      },
    ];
    return objects;
  }

  function tenantRoleBinding(
    namespace: string,
    labels: Record<string, string>,
    role: 'tenant-manager' | 'tenant-viewer',
    account: 'worker' | 'api',
  ): KubeObject {
    return {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${access.release}-${role}`, namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${access.release}-${role}` },
      subjects: [{ kind: 'ServiceAccount', name: `${access.release}-${account}`, namespace: access.namespace }],
    };
  }

  return {
    renderSubscription,
    renderTenant,
    /**
     * Everything for one subscription in apply order: the tenant's namespace objects (sized from this
     * subscription plus `otherFootprints`, the tenant's other live subscriptions) and the app's objects.
     */
    async render(input: SubscriptionRenderInput & { otherFootprints?: ResourceFootprint[] }): Promise<KubeObject[]> {
      const rendered = await renderSubscription(input);
      return [
        ...renderTenant(input.tenant, [rendered.footprint, ...(input.otherFootprints ?? [])]),
        ...rendered.objects,
      ];
    },
  };
}

export type TemplateRenderer = ReturnType<typeof createTemplateRenderer>;
