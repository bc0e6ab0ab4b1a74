import { and, eq } from 'drizzle-orm';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { DbExecutor } from '../../platform/db/db.js';
import { generatedSecrets } from './templates.tables.js';

/**
 * Where a subscription's generated passwords and keys live. `getOrCreate` returns the value kept for
 * (subscription, name), calling `generate` only the first time; concurrent first calls agree on one value.
 */
export interface SecretStore {
  getOrCreate(subscriptionId: string, name: string, generate: () => string): Promise<string>;
}

const context = (subscriptionId: string, name: string) => `${subscriptionId}/${name}`;

/** The PostgreSQL store: values sealed with ENCRYPTION_KEY in `generated_secrets`. */
export function createDatabaseSecretStore(deps: { db: DbExecutor; box: SecretBox }): SecretStore {
  return {
    async getOrCreate(subscriptionId, name, generate) {
      const where = and(eq(generatedSecrets.subscriptionId, subscriptionId), eq(generatedSecrets.name, name));
      const [existing] = await deps.db.select().from(generatedSecrets).where(where);
      if (existing) return deps.box.open(existing.sealedValue, context(subscriptionId, name));
      // First render: insert, and if another render raced us, keep its value (the primary key decides).
      await deps.db
        .insert(generatedSecrets)
        .values({ subscriptionId, name, sealedValue: deps.box.seal(generate(), context(subscriptionId, name)) })
        .onConflictDoNothing();
      const [stored] = await deps.db.select().from(generatedSecrets).where(where);
      if (!stored) throw new Error(`generated secret ${name} of subscription ${subscriptionId} vanished`);
      return deps.box.open(stored.sealedValue, context(subscriptionId, name));
    },
  };
}
