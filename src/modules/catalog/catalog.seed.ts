import { and, eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import type { Tx } from '../../platform/db/db.js';
import type { TemplateRegistry } from '../templates/index.js';
import { categories, plans, services } from './catalog.tables.js';

type SeedPlan = {
  name: string;
  description: string;
  cpu: [request: number, limit: number];
  memoryMib: [request: number, limit: number];
  storageGib: number;
  priceMonthlyIdr: number;
  features: string[];
};
type SeedService = {
  slug: string;
  name: string;
  description: string;
  category: string;
  iconUrl: string;
  plans: SeedPlan[];
};

export const SEED_CATEGORIES = [
  { slug: 'automation', name: 'Automation', description: 'Workflows and integrations', sortOrder: 10 },
  { slug: 'publishing', name: 'Publishing', description: 'Websites, blogs and newsletters', sortOrder: 20 },
  { slug: 'monitoring', name: 'Monitoring', description: 'Uptime and status pages', sortOrder: 30 },
  { slug: 'developer-tools', name: 'Developer tools', description: 'Code hosting and collaboration', sortOrder: 40 },
];

/** The sample catalog. Each service's template is `templates/<slug>.yaml`; its appVersion comes from there. */
export const SEED_SERVICES: SeedService[] = [
  {
    slug: 'n8n',
    name: 'n8n',
    description: 'Workflow automation with a visual editor and hundreds of integrations.',
    category: 'automation',
    iconUrl: 'https://cdn.simpleicons.org/n8n',
    plans: [
      {
        name: 'Starter',
        description: 'Personal automations',
        cpu: [250, 500],
        memoryMib: [256, 512],
        storageGib: 2,
        priceMonthlyIdr: 75_000,
        features: ['Unlimited workflows', 'Daily backups', 'Custom subdomain with HTTPS'],
      },
      {
        name: 'Pro',
        description: 'Teams and busier workflows',
        cpu: [500, 1000],
        memoryMib: [512, 1024],
        storageGib: 5,
        priceMonthlyIdr: 150_000,
        features: ['Everything in Starter', '2x CPU and memory', 'Priority support'],
      },
      {
        name: 'Business',
        description: 'Heavy workloads',
        cpu: [1000, 2000],
        memoryMib: [1024, 2048],
        storageGib: 10,
        priceMonthlyIdr: 300_000,
        features: ['Everything in Pro', '4x CPU and memory', '10 GB storage'],
      },
    ],
  },
  {
    slug: 'ghost',
    name: 'Ghost',
    description: 'Professional publishing for blogs, newsletters and paid memberships.',
    category: 'publishing',
    iconUrl: 'https://cdn.simpleicons.org/ghost',
    plans: [
      {
        name: 'Starter',
        description: 'A personal blog',
        cpu: [250, 500],
        memoryMib: [256, 512],
        storageGib: 2,
        priceMonthlyIdr: 60_000,
        features: ['MySQL 8 included', 'Custom subdomain with HTTPS'],
      },
      {
        name: 'Pro',
        description: 'A growing publication',
        cpu: [500, 1000],
        memoryMib: [512, 1024],
        storageGib: 10,
        priceMonthlyIdr: 120_000,
        features: ['Everything in Starter', 'Memberships and newsletters', '10 GB storage'],
      },
    ],
  },
  {
    slug: 'wordpress',
    name: 'WordPress',
    description: "The world's most popular website and blogging platform.",
    category: 'publishing',
    iconUrl: 'https://cdn.simpleicons.org/wordpress',
    plans: [
      {
        name: 'Starter',
        description: 'A small site',
        cpu: [250, 500],
        memoryMib: [256, 512],
        storageGib: 2,
        priceMonthlyIdr: 50_000,
        features: ['MariaDB included', 'Custom subdomain with HTTPS'],
      },
      {
        name: 'Pro',
        description: 'A busy site with plugins',
        cpu: [500, 1000],
        memoryMib: [512, 1024],
        storageGib: 5,
        priceMonthlyIdr: 100_000,
        features: ['Everything in Starter', '2x CPU and memory'],
      },
      {
        name: 'Business',
        description: 'Shops and large sites',
        cpu: [1000, 2000],
        memoryMib: [1024, 2048],
        storageGib: 20,
        priceMonthlyIdr: 200_000,
        features: ['Everything in Pro', '20 GB storage', 'Priority support'],
      },
    ],
  },
  {
    slug: 'uptime-kuma',
    name: 'Uptime Kuma',
    description: 'Uptime monitoring with status pages and notifications.',
    category: 'monitoring',
    iconUrl: 'https://cdn.simpleicons.org/uptimekuma',
    plans: [
      {
        name: 'Basic',
        description: 'Up to a few dozen monitors',
        cpu: [100, 250],
        memoryMib: [128, 256],
        storageGib: 1,
        priceMonthlyIdr: 25_000,
        features: ['Status pages', 'Email and webhook alerts'],
      },
      {
        name: 'Plus',
        description: 'Hundreds of monitors',
        cpu: [250, 500],
        memoryMib: [256, 512],
        storageGib: 2,
        priceMonthlyIdr: 45_000,
        features: ['Everything in Basic', '2x CPU and memory'],
      },
    ],
  },
  {
    slug: 'gitea',
    name: 'Gitea',
    description: 'Lightweight Git hosting with issues, pull requests and packages.',
    category: 'developer-tools',
    iconUrl: 'https://cdn.simpleicons.org/gitea',
    plans: [
      {
        name: 'Team',
        description: 'A small team',
        cpu: [250, 500],
        memoryMib: [256, 512],
        storageGib: 5,
        priceMonthlyIdr: 60_000,
        features: ['Unlimited repositories', 'Git over HTTPS'],
      },
      {
        name: 'Pro',
        description: 'Bigger repositories',
        cpu: [500, 1000],
        memoryMib: [512, 1024],
        storageGib: 20,
        priceMonthlyIdr: 120_000,
        features: ['Everything in Team', '20 GB storage'],
      },
    ],
  },
];

/**
 * Seed step: categories, services and plans of the sample catalog, upserted by slug (plans by service
 * and name), so running it again leaves the same rows with the same ids. An administrator's `isActive`
 * choice is kept.
 */
export const catalogSeedStep = {
  name: 'catalog',
  async run(deps: Pick<AppDeps, 'database'> & { templates: TemplateRegistry }): Promise<string> {
    const { templates } = deps;
    for (const s of SEED_SERVICES) {
      if (!templates.get(s.slug)) throw new Error(`catalog seed: no app template "${s.slug}" in ${templates.dir}`);
    }
    let created = 0;
    let planCount = 0;
    await deps.database.transaction(async (tx: Tx) => {
      const categoryIds = new Map<string, string>();
      for (const c of SEED_CATEGORIES) {
        const [row] = await tx
          .insert(categories)
          .values(c)
          .onConflictDoUpdate({
            target: categories.slug,
            set: { name: c.name, description: c.description, sortOrder: c.sortOrder },
          })
          .returning({ id: categories.id });
        categoryIds.set(c.slug, row!.id);
      }
      for (const [index, s] of SEED_SERVICES.entries()) {
        const values = {
          slug: s.slug,
          name: s.name,
          description: s.description,
          categoryId: categoryIds.get(s.category)!,
          iconUrl: s.iconUrl,
          appVersion: templates.get(s.slug)!.version,
          templateRef: s.slug,
          sortOrder: (index + 1) * 10,
        };
        const [row] = await tx
          .insert(services)
          .values(values)
          .onConflictDoUpdate({ target: services.slug, set: { ...values, updatedAt: sql`now()` } })
          // xmax = 0 only for a freshly inserted row.
          .returning({ id: services.id, inserted: sql<boolean>`xmax = 0` });
        if (row!.inserted) created++;
        for (const [planIndex, p] of s.plans.entries()) {
          const planValues = {
            serviceId: row!.id,
            name: p.name,
            description: p.description,
            cpuRequestMillicores: p.cpu[0],
            cpuLimitMillicores: p.cpu[1],
            memoryRequestMib: p.memoryMib[0],
            memoryLimitMib: p.memoryMib[1],
            storageGib: p.storageGib,
            priceMonthlyIdr: p.priceMonthlyIdr,
            features: p.features,
            sortOrder: (planIndex + 1) * 10,
          };
          const updated = await tx
            .update(plans)
            .set({ ...planValues, updatedAt: sql`now()` })
            .where(and(eq(plans.serviceId, row!.id), sql`lower(${plans.name}) = lower(${p.name})`))
            .returning({ id: plans.id });
          if (updated.length === 0) await tx.insert(plans).values(planValues);
          planCount++;
        }
      }
    });
    return `${SEED_SERVICES.length} services (${created} new), ${planCount} plans, ${SEED_CATEGORIES.length} categories`;
  },
};
