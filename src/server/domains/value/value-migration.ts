/**
 * The base's movement between two finished runs as a Markov chain (tiers, ABC classes or RFM segments),
 * the distribution projected k runs ahead, and the Pfeifer & Carraway expected value per state with the
 * state's mean actual value as its reward per period. Counts cover the customers the caller may see.
 */
import { projectDistribution, transitionMatrix } from '../../../shared/analytics/markov';
import { finiteHorizonValues, migrationValue } from '../../../shared/analytics/migration-model';
import { NO_RFM_SEGMENT, OTHERS_SEGMENT } from '../../../shared/analytics/rfm-segments';
import { ABC_CLASSES, VALUE_TIERS } from '../../../shared/analytics/value.contract';
import type {
  ExpectedValueQuery,
  Migration,
  MigrationDimension,
  MigrationQuery,
  ProjectionQuery,
} from '../../../shared/analytics/value-read-api.schema';
import type { Actor } from '../../../shared/auth/roles';
import { notFound } from '../../errors';
import type { RunRow, ValueReadRepository } from './value-read.repository';
import { runSettings } from './value-read.service';

function baseStates(dimension: MigrationDimension, to: RunRow | undefined): string[] {
  if (dimension === 'tier') return [...VALUE_TIERS];
  if (dimension === 'abc') return [...ABC_CLASSES];
  const settings = runSettings(to?.settings ?? null);
  return [...settings.rfm.segments.map((s) => s.key), OTHERS_SEGMENT, NO_RFM_SEGMENT];
}

const zeros = (n: number) => new Array<number>(n).fill(0);

export function createValueMigration(repo: ValueReadRepository) {
  async function done(workspaceId: number, id: number) {
    const run = await repo.run(workspaceId, id);
    if (!run) throw notFound();
    if (run.status !== 'done') throw notFound();
    return run;
  }

  /** `to` (default: the latest finished run) and `from` (default: the finished run before it). */
  async function pair(actor: Actor, q: { from?: number; to?: number }) {
    const ws = actor.workspaceId;
    const to = q.to ? await done(ws, q.to) : (await repo.latestDone(ws, 1))[0];
    const from = q.from ? await done(ws, q.from) : to ? (await repo.latestDone(ws, 1, to.id))[0] : undefined;
    return { from, to };
  }

  async function migration(actor: Actor, q: MigrationQuery): Promise<Migration> {
    const { from, to } = await pair(actor, q);
    const states = baseStates(q.dimension, to);
    if (!from || !to) {
      const n = states.length;
      const tm = transitionMatrix([], states);
      return {
        fromRun: null,
        toRun: null,
        dimension: q.dimension,
        states,
        counts: tm.counts,
        matrix: tm.p,
        emptyRows: tm.emptyRows,
        entered: zeros(n),
        left: zeros(n),
      };
    }
    const rows = await repo.transitions(actor, q.dimension, from.id, to.id);
    for (const r of rows) for (const s of [r.a, r.b]) if (s !== null && !states.includes(s)) states.push(s);
    const tm = transitionMatrix(
      rows.filter((r) => r.a !== null && r.b !== null).map((r) => ({ from: r.a!, to: r.b!, count: r.n })),
      states,
    );
    const entered = zeros(states.length);
    const left = zeros(states.length);
    for (const r of rows) {
      if (r.a === null && r.b !== null) entered[states.indexOf(r.b)]! += r.n;
      if (r.b === null && r.a !== null) left[states.indexOf(r.a)]! += r.n;
    }
    return {
      fromRun: { id: from.id, asOf: from.asOf },
      toRun: { id: to.id, asOf: to.asOf },
      dimension: q.dimension,
      states,
      counts: tm.counts,
      matrix: tm.p,
      emptyRows: tm.emptyRows,
      entered,
      left,
    };
  }

  /** Customers per state in `to`: those who moved there plus those new in it. */
  const inTo = (m: Migration) =>
    m.states.map((_, j) => m.counts.reduce((sum, row) => sum + row[j]!, 0) + m.entered[j]!);

  return {
    migration,

    async projection(actor: Actor, q: ProjectionQuery) {
      const m = await migration(actor, q);
      const counts = inTo(m);
      const total = counts.reduce((a, b) => a + b, 0);
      const start = counts.map((c) => (total === 0 ? 0 : c / total));
      const distributions = [start];
      for (let k = 1; k <= q.steps; k++)
        distributions.push(projectDistribution(distributions[k - 1]!, m.matrix, 1));
      return { migration: m, distributions };
    },

    async expectedValue(actor: Actor, q: ExpectedValueQuery) {
      const m = await migration(actor, q);
      const means = m.toRun ? await repo.meanValues(actor, q.dimension, m.toRun.id) : [];
      const reward = m.states.map((s) => means.find((x) => x.s === s)?.mean ?? 0);
      const value =
        q.horizon === undefined
          ? migrationValue(m.matrix, reward, q.discountRate)
          : finiteHorizonValues(m.matrix, reward, q.discountRate, q.horizon)[q.horizon]!;
      return { migration: m, discountRate: q.discountRate, horizon: q.horizon ?? null, reward, value };
    },
  };
}

export type ValueMigration = ReturnType<typeof createValueMigration>;
