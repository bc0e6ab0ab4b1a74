/**
 * The metric names a PromQL expression reads: identifiers that are not functions or aggregations,
 * keywords, label names or values, range durations or Grafana variables. Enough for Kapal's rules and
 * dashboard (checked in test/monitoring.test.ts), not a PromQL parser.
 */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // label values
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // range and subquery durations, Grafana variables in them
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '') // label lists
    .replace(/\boffset\s+\S+/g, '');
  const names = new Set<string>();
  for (const match of bare.matchAll(/([A-Za-z_:][A-Za-z0-9_:]*)\s*(\()?/g)) {
    const [, name, call] = match;
    if (call) continue;
    if (/^(and|or|unless|bool|inf|nan)$/i.test(name!)) continue;
    names.add(name!);
  }
  return [...names];
}
