import type { AppDeps } from './deps.js';
import { accountsSeedStep } from './modules/accounts/index.js';
import { catalogSeedStep } from './modules/catalog/index.js';

/** Sample data for a local platform: each module contributes an idempotent seed step. */
type SeedStep = { name: string; run(deps: AppDeps): Promise<string> };

const steps: SeedStep[] = [accountsSeedStep, catalogSeedStep];

export async function seed(deps: AppDeps): Promise<string[]> {
  const report: string[] = [];
  for (const step of steps) report.push(`${step.name}: ${await step.run(deps)}`);
  return report;
}
