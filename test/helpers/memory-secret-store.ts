import type { SecretStore } from '../../src/modules/templates/index.js';

/** A secret store kept in memory, for tests of the renderer; the platform keeps them in PostgreSQL. */
export function createMemorySecretStore(): SecretStore & { size(): number } {
  const values = new Map<string, string>();
  return {
    async getOrCreate(subscriptionId, name, generate) {
      const key = `${subscriptionId}/${name}`;
      if (!values.has(key)) values.set(key, generate());
      return values.get(key)!;
    },
    size: () => values.size,
  };
}
