import type { Kapal } from './deps.js';

/** Sample data for a local platform: each module's idempotent seed step, in module order. */
export async function seed(deps: Pick<Kapal, 'modules'>): Promise<string[]> {
  const report: string[] = [];
  for (const step of deps.modules.seedSteps) report.push(`${step.name}: ${await step.run()}`);
  return report;
}
