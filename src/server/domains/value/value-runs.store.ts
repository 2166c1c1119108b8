/**
 * A run's rows in SQL over a bulk session (one transaction on either database): the run row, the
 * advisory lock that keeps one run per workspace, and every verdict COPied in chunks.
 */
import { type BulkSession, copyTable, csvField } from '../../../db/bulk';
import { ByteWriter } from '../../../db/byte-writer';
import { valueRunCustomers } from '../../../db/schema';
import type { VerdictSource } from '../../../shared/analytics/classify';
import type { RunModel } from '../../../shared/analytics/predictions';
import type { ClassificationSummary, CustomerVerdict } from '../../../shared/analytics/value.contract';
import type { RunTrigger } from '../../../shared/analytics/value-api.schema';

/** Advisory lock keys: (KEHU_VALUE_RUN, workspace id) is held by the run of that workspace. */
export const KEHU_VALUE_RUN = 0x4b455601;

/**
 * Verdicts per chunk: a few chunks of CSV (about 120 bytes a verdict; on the server up to three at once,
 * one sent and two made ahead) are all the extra memory the write holds. PGlite takes each chunk in a
 * COPY of its own and pays a fixed cost per COPY (100k verdicts: 9.5 s in chunks of 5,000, 4.0 s in one).
 */
export const COPY_CHUNK = { pglite: 50_000, postgres: 10_000 } as const;

export const runCustomersCopy = copyTable<Record<string, unknown>>(valueRunCustomers, [
  'workspaceId',
  'runId',
  'customerId',
  'abc',
  'abcValue',
  'abcRank',
  'abcCumShare',
  'rScore',
  'fScore',
  'mScore',
  'recencyDays',
  'frequency',
  'monetary',
  'segment',
  'tier',
  'highPotential',
  'actualValue',
  'strategicValue',
  'cells',
  'flags',
  'pAlive',
  'expectedPurchases',
  'expectedSpend',
  'clv',
  'churnRisk',
  'churnReasons',
  'daysSinceLastOrder',
  'meanIntervalDays',
  'trendPct',
]);

/** Decimal places the run stores of the model figures. */
export const PLACES = { pAlive: 6, expectedPurchases: 4, meanIntervalDays: 2, trendPct: 2 } as const;

/** Keys (segments, tiers, classes) go as they are; anything else quoted as csvField does. */
const csvText = (s: string) => (/^[A-Za-z0-9_.-]+$/.test(s) ? s : csvField(s));

/** The CSV field of a cell map or flag list: the engine shares these frozen objects among verdicts. */
const sharedFields = new WeakMap<object, string>();
function sharedField(value: object): string {
  let field = sharedFields.get(value);
  if (field === undefined) {
    field = csvField(value);
    if (Object.isFrozen(value)) sharedFields.set(value, field);
  }
  return field;
}

/**
 * One verdict as a CSV line in runCustomersCopy's column order, written into `w` as bytes (see
 * byte-writer.ts for why not as a string).
 */
export function writeVerdict(w: ByteWriter, workspaceId: number, runId: number, v: CustomerVerdict): void {
  const e = v.abcExplain;
  w.int(workspaceId).comma().int(runId).comma().int(v.customerId).comma().text(csvText(v.abc)).comma();
  w.cents(e.valueCents).comma().int(e.rank).comma();
  if (e.cumShare !== null) w.text(csvField(e.cumShare));
  w.comma();
  const r = v.rfm;
  if (r) {
    w.int(r.r).comma().int(r.f).comma().int(r.m).comma().int(r.recencyDays).comma().int(r.frequency).comma();
    w.cents(r.monetaryCents).comma().text(csvText(r.segment)).comma();
  } else w.text(',,,,0,0.00,,');
  w.text(csvText(v.tier))
    .comma()
    .text(v.highPotential ? 't' : 'f')
    .comma()
    .cents(v.actualValueCents)
    .comma();
  if (v.strategicValueCents !== null) w.cents(v.strategicValueCents);
  w.comma().text(sharedField(v.cells)).comma().text(sharedField(v.flags)).comma();
  // Model figures rounded to what anyone reads of them: shorter lines, and PostgreSQL parses them faster.
  const p = v.prediction;
  if (p.pAlive !== null) w.fixed(p.pAlive, PLACES.pAlive);
  w.comma();
  if (p.expectedPurchases !== null) w.fixed(p.expectedPurchases, PLACES.expectedPurchases);
  w.comma();
  if (p.expectedSpendCents !== null) w.cents(p.expectedSpendCents);
  w.comma();
  if (p.clvCents !== null) w.cents(p.clvCents);
  w.comma();
  if (p.churnRisk !== null) w.int(p.churnRisk);
  w.comma().text(sharedField(p.churnReasons)).comma();
  if (p.daysSinceLastOrder !== null) w.int(p.daysSinceLastOrder);
  w.comma();
  if (p.meanIntervalDays !== null) w.fixed(p.meanIntervalDays, PLACES.meanIntervalDays);
  w.comma();
  if (p.trendPct !== null) w.fixed(p.trendPct, PLACES.trendPct);
  w.byte(10);
}

/** Takes the workspace's run lock for the transaction; false when another run holds it. */
export async function tryRunLock(s: BulkSession, workspaceId: number): Promise<boolean> {
  const [row] = await s.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1, $2) as ok', [
    KEHU_VALUE_RUN,
    workspaceId,
  ]);
  return row?.ok === true;
}

/** A finished scheduled run for the day exists (another instance ran it). */
export async function scheduledRunExists(s: BulkSession, workspaceId: number, asOf: string) {
  const rows = await s.query(
    `select 1 from value_runs where workspace_id = $1 and trigger = 'schedule' and as_of = $2 and status = 'done' limit 1`,
    [workspaceId, asOf],
  );
  return rows.length > 0;
}

export async function insertRun(
  s: BulkSession,
  p: { workspaceId: number; trigger: RunTrigger; asOf: string; startedBy: number | null; settings: unknown },
): Promise<number> {
  const [row] = await s.query<{ id: string | number }>(
    `insert into value_runs (workspace_id, status, trigger, as_of, started_by, settings)
     values ($1, 'running', $2, $3, $4, $5::jsonb) returning id`,
    [p.workspaceId, p.trigger, p.asOf, p.startedBy, JSON.stringify(p.settings)],
  );
  return Number(row!.id);
}

/**
 * COPies every verdict, COPY_CHUNK at a time, each verdict made as it is written (classifyLazily);
 * `onChunk` hears how many are written. On the server one COPY takes every chunk as it is made (made
 * while the server takes in the one before); PGlite takes each chunk in a COPY of its own.
 */
export async function copyVerdicts(
  s: BulkSession,
  workspaceId: number,
  runId: number,
  verdicts: VerdictSource,
  onChunk?: (done: number) => void,
) {
  const chunk = COPY_CHUNK[s.kind];
  function* chunks() {
    const w = new ByteWriter();
    for (let start = 0; start < verdicts.count; start += chunk) {
      const end = Math.min(start + chunk, verdicts.count);
      for (let i = start; i < end; i++) writeVerdict(w, workspaceId, runId, verdicts.verdict(i));
      yield w.take();
      onChunk?.(end);
    }
  }
  if (s.copyStream) await s.copyStream(runCustomersCopy, chunks());
  else for (const bytes of chunks()) await s.copy(runCustomersCopy, [bytes]);
}

export async function finishRun(
  s: BulkSession,
  p: {
    workspaceId: number;
    runId: number;
    summary: ClassificationSummary;
    model: RunModel | null;
    actorId: number | null;
  },
) {
  await s.query(
    `update value_runs set status = 'done', finished_at = now(), summary = $3::jsonb, customers = $4,
            model = $5::jsonb
     where workspace_id = $1 and id = $2`,
    [p.workspaceId, p.runId, JSON.stringify(p.summary), p.summary.customers, JSON.stringify(p.model)],
  );
  await s.query(
    `insert into audit_log (workspace_id, entity, entity_id, action, actor_id, after)
     select workspace_id, 'value_run', id, 'create', $3,
            jsonb_build_object('status', status, 'trigger', trigger, 'asOf', as_of, 'customers', customers)
     from value_runs where workspace_id = $1 and id = $2`,
    [p.workspaceId, p.runId, p.actorId],
  );
}
