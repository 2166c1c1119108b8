/**
 * What the value engine has decided, read back: runs and their summaries, a customer's latest verdict
 * with its explanation and its history, the lists (MVCs that moved down, BZs, high-potential STCs) and
 * the breach list. Customer-level reads go through the customer gate or the visibility filter.
 */
import { explainAbc, explainCells, explainRfm } from '../../../shared/analytics/explain';
import { NO_RFM_SEGMENT, OTHERS_NAMES, OTHERS_SEGMENT } from '../../../shared/analytics/rfm-segments';
import { type CustomerVerdict, NO_PREDICTION } from '../../../shared/analytics/value.contract';
import type { ValueRun } from '../../../shared/analytics/value-api.schema';
import type { MatrixDefinition } from '../../../shared/analytics/value-matrix';
import type {
  CustomerValue,
  CustomerVerdictView,
  ValueListItem,
  ValueListQuery,
} from '../../../shared/analytics/value-read-api.schema';
import type { ValueSettings } from '../../../shared/analytics/value-settings';
import type { Actor } from '../../../shared/auth/roles';
import type { Locale } from '../../../shared/common/locale';
import { encodeCursor } from '../../../shared/common/pagination';
import { readCursor } from '../../cursor';
import { notFound } from '../../errors';
import type { CustomerGateApi } from '../customers/customers.access';
import { valueErrors } from './value.errors';
import { explainStoredTier } from './value.messages';
import { readSettings } from './value-config.service';
import { predictionView } from './value-prediction-view';
import type { RunRow, ValueReadRepository, VerdictRow } from './value-read.repository';

const HISTORY = 120;
/** A money cursor part: a decimal as the database writes it. */
export const MONEY = /^-?\d+(?:\.\d+)?$/;

export const runView = (r: RunRow): ValueRun => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  asOf: r.asOf,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  startedBy: r.startedBy,
  customers: r.customers,
  error: r.error,
  summary: (r.summary as ValueRun['summary']) ?? null,
});

/** The settings a run used, as it stored them. */
export const runSettings = (stored: unknown): ValueSettings =>
  readSettings((stored as { settings?: unknown } | null)?.settings);

export function segmentNames(settings: ValueSettings, key: string | null): { zh: string; en: string } | null {
  if (key === null || key === NO_RFM_SEGMENT) return null;
  if (key === OTHERS_SEGMENT) return OTHERS_NAMES;
  const rule = settings.rfm.segments.find((s) => s.key === key);
  return rule ? { zh: rule.nameZh, en: rule.nameEn } : { zh: key, en: key };
}

function verdictView(row: VerdictRow, locale: Locale): CustomerVerdictView {
  const settings = runSettings(row.run_settings);
  const names = segmentNames(settings, row.segment);
  const base = {
    runId: row.run_id,
    asOf: row.as_of,
    abc: row.abc,
    abcBasis: settings.abc.basis,
    abcValue: row.abc_value,
    abcRank: row.abc_rank,
    abcOf: row.run_customers,
    abcCumShare: row.abc_cum_share,
    abcCut: row.abc === 'A' ? settings.abc.aCut : settings.abc.bCut,
    rScore: row.r_score,
    fScore: row.f_score,
    mScore: row.m_score,
    recencyDays: row.recency_days,
    frequency: row.frequency,
    monetary: row.monetary,
    segment: row.segment,
    segmentNameZh: names?.zh ?? null,
    segmentNameEn: names?.en ?? null,
    tier: row.tier,
    highPotential: row.high_potential,
    actualValue: row.actual_value,
    strategicValue: row.strategic_value,
    cells: row.cells ?? {},
    flags: row.flags ?? [],
  };
  const cents = (s: string) => Math.round(Number(s) * 100);
  // The verdict as the engine made it, as far as a run stores it (enough for these sentences).
  const verdict: CustomerVerdict = {
    customerId: 0,
    code: '',
    abc: row.abc,
    abcExplain: {
      basis: base.abcBasis,
      valueCents: cents(row.abc_value),
      rank: row.abc_rank,
      of: row.run_customers,
      cumShare: row.abc_cum_share,
      cut: base.abcCut,
    },
    rfm:
      row.r_score === null
        ? null
        : {
            r: row.r_score,
            f: row.f_score ?? 0,
            m: row.m_score ?? 0,
            recencyDays: row.recency_days ?? 0,
            frequency: row.frequency,
            monetaryCents: cents(row.monetary),
            segment: row.segment ?? OTHERS_SEGMENT,
          },
    tier: row.tier,
    highPotential: row.high_potential,
    actualValueCents: cents(row.actual_value),
    strategicValueCents: row.strategic_value === null ? null : cents(row.strategic_value),
    strategicBasis: null,
    serveCostCents: 0,
    shareOfWallet: null,
    cells: base.cells,
    flags: [],
    prediction: NO_PREDICTION,
  };
  const matrices = ((row.run_settings as { matrices?: MatrixDefinition[] } | null)?.matrices ??
    []) as MatrixDefinition[];
  const ctx = { locale, settings, matrices };
  const explanation = [
    explainAbc(verdict, ctx),
    explainRfm(verdict, ctx),
    explainStoredTier(base, locale),
    ...explainCells(verdict, ctx),
  ];
  return { ...base, explanation, prediction: predictionView(row, settings, locale) };
}

export function createValueReadService(repo: ValueReadRepository, gate: CustomerGateApi) {
  async function latestTwo(workspaceId: number) {
    const [latest, previous] = await repo.latestDone(workspaceId, 2);
    return { latest, previous };
  }

  return {
    latestTwo,

    /** The latest finished run's summary, and the one before (for deltas). */
    async summary(actor: Actor) {
      const { latest, previous } = await latestTwo(actor.workspaceId);
      return { latest: latest ? runView(latest) : null, previous: previous ? runView(previous) : null };
    },

    async runs(actor: Actor, q: { limit: number; cursor?: string }) {
      const before = q.cursor ? readCursor(q.cursor, ['id'] as const)[0] : null;
      const rows = await repo.runs(actor.workspaceId, before, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(runView),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null,
      };
    },

    async run(actor: Actor, id: number) {
      const row = await repo.run(actor.workspaceId, id);
      if (!row) throw notFound();
      return runView(row);
    },

    /** A customer's latest verdict (explained) and history, oldest first; 404 when hidden. */
    async customerValue(actor: Actor, customerId: number, locale: Locale): Promise<CustomerValue> {
      await gate.require(actor, customerId, 'read');
      const rows = await repo.verdicts(actor.workspaceId, customerId, HISTORY);
      const [newest] = rows;
      return {
        customerId,
        latest: newest ? verdictView(newest, locale) : null,
        history: rows
          .map((r) => ({
            runId: r.run_id,
            asOf: r.as_of,
            abc: r.abc,
            tier: r.tier,
            segment: r.segment,
            highPotential: r.high_potential,
            actualValue: r.actual_value,
            abcValue: r.abc_value,
            clv: r.clv,
            churnRisk: r.churn_risk,
          }))
          .reverse(),
      };
    },

    async list(actor: Actor, q: ValueListQuery) {
      const { latest, previous } = await latestTwo(actor.workspaceId);
      if (!latest) return { items: [], nextCursor: null };
      if (q.kind === 'mvc_down' && !previous) return { items: [], nextCursor: null };
      const after = q.cursor ? readCursor(q.cursor, [MONEY, 'id'] as const) : null;
      const rows = await repo.list(actor, q.kind, latest.id, previous?.id ?? null, after, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const items: ValueListItem[] = page.map((r) => ({
        customerId: r.customer_id,
        code: r.code,
        name: r.name,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        tier: r.tier,
        abc: r.abc,
        segment: r.segment,
        actualValue: r.actual_value,
        strategicValue: r.strategic_value,
        highPotential: r.high_potential,
        previousTier: r.previous_tier,
        previousAbc: r.previous_abc,
      }));
      return {
        items,
        nextCursor:
          rows.length > q.limit && last ? encodeCursor([last.actual_value, last.customer_id]) : null,
      };
    },

    /** The latest finished run (404 when there is none). */
    async latestRun(actor: Actor) {
      const { latest } = await latestTwo(actor.workspaceId);
      if (!latest) throw valueErrors.error('no_runs');
      return latest;
    },
  };
}

export type ValueReadService = ReturnType<typeof createValueReadService>;
