import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBareSubscription } from '../../../test/helpers/subscriptions.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { createSecretBox } from '../../platform/crypto/secret-box.js';
import { createDatabaseSecretStore } from './secret-store.js';
import { loadTemplates } from './template-loader.js';
import { createTemplateRenderer, type KubeObject, type PlanResources } from './template-renderer.js';
import { generatedSecrets } from './templates.tables.js';

const settings = {
  domain: 'apps.example.test',
  ingressClass: 'nginx',
  ingressNamespace: 'ingress-nginx',
  clusterIssuer: 'letsencrypt-prod',
};
const plan: PlanResources = {
  cpuRequestMillicores: 250,
  cpuLimitMillicores: 1000,
  memoryRequestMib: 512,
  memoryLimitMib: 1024,
  storageGib: 5,
};
const wordpress = loadTemplates().get('wordpress')!;

const secretsOf = (objects: KubeObject[]) =>
  objects
    .filter((o) => o.kind === 'Secret')
    .map((o) => ({ name: o.metadata.name, data: o.data as Record<string, string> }));
const decode = (value: string) => Buffer.from(value, 'base64').toString('utf8');

describe('generated secrets kept in PostgreSQL', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t?.close());

  it('are made once, sealed at rest, and give the same Secret on every render (also with a fresh renderer)', async () => {
    const box = createSecretBox(t.runtime.config.encryptionKey);
    const store = () => createDatabaseSecretStore({ db: t.runtime.database.db, box });
    const owned = await insertBareSubscription(t.runtime.database.db);
    const input = {
      template: wordpress,
      plan,
      subscription: { id: owned.id, name: 'Blog' },
      tenant: { userId: owned.userId },
    };
    const first = await createTemplateRenderer({ settings, secrets: store() }).render(input);
    const second = await createTemplateRenderer({ settings, secrets: store() }).render(input);
    expect(second).toEqual(first);

    const rows = await t.runtime.database.db.select().from(generatedSecrets);
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(wordpress.secrets).sort());
    const password = decode(secretsOf(first)[1]!.data.WORDPRESS_DB_PASSWORD!);
    for (const row of rows) {
      expect(row.subscriptionId).toBe(input.subscription.id);
      expect(row.sealedValue).not.toContain(password);
    }
    const dbPassword = rows.find((r) => r.name === 'db-password')!;
    expect(box.open(dbPassword.sealedValue, `${input.subscription.id}/db-password`)).toBe(password);
    // Another key cannot read them.
    expect(() =>
      createSecretBox(randomBytes(32)).open(dbPassword.sealedValue, `${input.subscription.id}/db-password`),
    ).toThrow();
  });

  it('agree on one value when two renders race for the first one', async () => {
    const store = createDatabaseSecretStore({
      db: t.runtime.database.db,
      box: createSecretBox(t.runtime.config.encryptionKey),
    });
    const { id: subscriptionId } = await insertBareSubscription(t.runtime.database.db);
    const values = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.getOrCreate(subscriptionId, 'token', () => `candidate-${i}`)),
    );
    expect(new Set(values).size).toBe(1);
  });
});
