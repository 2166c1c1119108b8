/**
 * The benchmark's report: an aligned text table and the PASS/MISS lines against the targets. Pure.
 */
import { endpointMissing, type LatencySummary } from './stats';

export type BenchDriver = 'pglite' | 'postgres';

export type DataSizes = { customers: number; contacts: number; orders: number; activities: number };

export type ScenarioResult = { scenario: string; summary: LatencySummary };

/** p95 targets of the issue: per driver, set at a data size. */
export const TARGETS: readonly {
  driver: BenchDriver;
  customers: number;
  p95Ms: number;
  scenarios: string[];
}[] = [
  { driver: 'pglite', customers: 100_000, p95Ms: 50, scenarios: ['search', '360'] },
  { driver: 'postgres', customers: 1_000_000, p95Ms: 30, scenarios: ['search', '360'] },
];

const count = (n: number) => n.toLocaleString('en-US');
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');

/** Left-aligns the first column and right-aligns the others. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function sizesLine(driver: BenchDriver, sizes: DataSizes): string {
  return (
    `${driver}: ${count(sizes.customers)} customers, ${count(sizes.contacts)} contacts, ` +
    `${count(sizes.orders)} orders, ${count(sizes.activities)} activities`
  );
}

/** One row per scenario: latencies in ms, requests/s, errors (with the failing statuses). */
export function resultTable(results: readonly ScenarioResult[]): string {
  const header = ['scenario', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'errors'];
  const rows = results.map(({ scenario, summary: s }) => {
    if (endpointMissing(s))
      return [scenario, count(s.requests), '-', '-', '-', '-', '-', 'endpoint missing (404)'];
    const failing = Object.entries(s.statuses)
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    const errors = s.errors ? `${count(s.errors)} (${failing})` : '0';
    return [
      scenario,
      count(s.requests),
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
      s.rps.toFixed(0),
      errors,
    ];
  });
  return formatTable(header, rows);
}

export type Verdict = { scenario: string; verdict: 'PASS' | 'MISS' | 'N/A'; line: string };

/** Compares each targeted scenario's p95 with the target of this driver. */
export function checkTargets(
  driver: BenchDriver,
  customers: number,
  results: readonly ScenarioResult[],
): Verdict[] {
  const target = TARGETS.find((t) => t.driver === driver);
  if (!target) return [];
  const note = customers === target.customers ? '' : ` (target set at ${count(target.customers)} customers)`;
  return target.scenarios.map((scenario) => {
    const found = results.find((r) => r.scenario === scenario);
    const label = `${scenario} on ${driver} at ${count(customers)} customers`;
    if (!found) return { scenario, verdict: 'N/A', line: `N/A   ${label}: not run` };
    if (endpointMissing(found.summary)) {
      return { scenario, verdict: 'N/A', line: `N/A   ${label}: the endpoint answered 404 to every request` };
    }
    const { p95, errors } = found.summary;
    const pass = p95 <= target.p95Ms && errors === 0;
    const why = errors ? `, ${count(errors)} errors` : '';
    const verdict = pass ? 'PASS' : 'MISS';
    return {
      scenario,
      verdict,
      line: `${verdict.padEnd(5)} ${label}: p95 ${ms(p95)} ms vs target ≤ ${target.p95Ms} ms${why}${note}`,
    };
  });
}
