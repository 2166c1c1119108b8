import { describe, expect, it } from 'vitest';
import { checkTargets, formatTable, resultTable, type ScenarioResult, sizesLine } from './report';
import { summarize } from './stats';

const result = (scenario: string, latencies: number[], status = 200): ScenarioResult => ({
  scenario,
  summary: summarize(
    latencies.map((ms) => ({ ms, status })),
    1000,
  ),
});

describe('formatTable', () => {
  it('aligns the first column left and the others right', () => {
    const text = formatTable(
      ['name', 'n'],
      [
        ['search', '1'],
        ['360', '1000'],
      ],
    );
    expect(text.split('\n')).toEqual(['name       n', '------  ----', 'search     1', '360     1000']);
  });
});

describe('resultTable', () => {
  it('shows latencies, the rate and the failing statuses', () => {
    const mixed: ScenarioResult = {
      scenario: 'list',
      summary: summarize(
        [
          { ms: 10, status: 200 },
          { ms: 20, status: 500 },
        ],
        1000,
      ),
    };
    const text = resultTable([result('search', [10, 20, 30, 40]), mixed]);
    expect(text).toContain('p95 ms');
    expect(text).toMatch(/search\s+4\s+25\.0\s+38\.5\s+39\.7\s+40\.0\s+4\s+0/);
    expect(text).toContain('1 (500×1)');
  });

  it('says when an endpoint is missing', () => {
    expect(resultTable([result('360', [1, 1], 404)])).toContain('endpoint missing (404)');
  });
});

describe('checkTargets', () => {
  it('passes and misses against the PGlite target of 50 ms', () => {
    const verdicts = checkTargets('pglite', 100_000, [
      result('search', [10, 20, 30]),
      result('360', [10, 90, 100]),
    ]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['PASS', 'MISS']);
    expect(verdicts[1]!.line).toMatch(
      /^MISS\s+360 on pglite at 100,000 customers: p95 99\.0 ms vs target ≤ 50 ms$/,
    );
  });

  it('uses 30 ms on PostgreSQL and notes a different data size', () => {
    const [search] = checkTargets('postgres', 100_000, [result('search', [40])]);
    expect(search!.verdict).toBe('MISS');
    expect(search!.line).toContain('(target set at 1,000,000 customers)');
  });

  it('a missing endpoint or scenario is N/A, errors are a MISS', () => {
    const verdicts = checkTargets('pglite', 100_000, [result('search', [1], 500), result('360', [1], 404)]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['MISS', 'N/A']);
    expect(checkTargets('pglite', 100_000, [])[0]!.verdict).toBe('N/A');
  });
});

describe('sizesLine', () => {
  it('prints the data sizes', () => {
    expect(
      sizesLine('pglite', {
        customers: 100_000,
        contacts: 300_000,
        orders: 1_000_000,
        activities: 1_000_000,
      }),
    ).toBe('pglite: 100,000 customers, 300,000 contacts, 1,000,000 orders, 1,000,000 activities');
  });
});
