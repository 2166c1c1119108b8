/** The breach list (visibility-filtered, in the reader's language) and the follow-up tasks it opens. */
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import type {
  Breach,
  BreachQuery,
  BreachRule,
  BreachTasksResult,
} from '../../../shared/analytics/value-read-api.schema';
import type { Actor } from '../../../shared/auth/roles';
import type { Locale } from '../../../shared/common/locale';
import { encodeCursor } from '../../../shared/common/pagination';
import { readCursor } from '../../cursor';
import { visibleCustomersSql } from '../customers/customers.access';
import { breachMessage, breachTaskTitle } from './value.messages';
import { type BreachRow, breachesSql, breachKey } from './value-breaches.sql';
import { openTasks } from './value-tasks';

/** Days a breach's task is given: the policy's response time when set, else a week. */
const DEFAULT_TASK_DAYS = 7;

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const view = (r: BreachRow, locale: Locale): Breach => ({
  customerId: r.customer_id,
  code: r.code,
  name: r.name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  tier: r.tier,
  rule: r.rule,
  policyId: r.policy_id,
  targetKind: r.target_kind,
  targetKey: r.target_key,
  limitDays: r.limit_days,
  days: r.days,
  lastVisitOn: r.last_visit_on,
  message: breachMessage({ rule: r.rule, tier: r.tier, limitDays: r.limit_days, days: r.days }, locale),
  taskId: r.task_id,
});

export type RunRef = { id: number; asOf: string };

export function createValueBreaches(db: Db) {
  return {
    async list(actor: Actor, run: RunRef, q: BreachQuery, locale: Locale) {
      const after = q.cursor ? readCursor(q.cursor, ['id', 'text'] as const) : null;
      const rows = await queryRows<BreachRow>(
        db,
        breachesSql({
          workspaceId: actor.workspaceId,
          runId: run.id,
          asOf: run.asOf,
          visible: visibleCustomersSql(actor),
          rule: q.rule,
          after,
          limit: q.limit + 1,
        }),
      );
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => view(r, locale)),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.customer_id, last.rule]) : null,
      };
    },

    /**
     * Opens a follow-up task per breach of the run without an open one: for every customer (after a run)
     * or for the customers `actor` may see (on request). Each task is audited.
     */
    async openTasks(workspaceId: number, run: RunRef, actor?: Actor): Promise<BreachTasksResult> {
      return db.transaction(async (tx) => {
        const rows = await queryRows<BreachRow>(
          tx,
          breachesSql({
            workspaceId,
            runId: run.id,
            asOf: run.asOf,
            visible: actor ? visibleCustomersSql(actor) : undefined,
          }),
        );
        const wanted = rows.filter((r) => r.task_id === null);
        const created = await openTasks(
          tx,
          workspaceId,
          'policy',
          wanted.map((r) => ({
            key: breachKey(r.rule as BreachRule, r.customer_id),
            title: breachTaskTitle({
              rule: r.rule,
              tier: r.tier,
              limitDays: r.limit_days,
              days: r.days,
              customerName: r.name,
            }),
            due: addDays(run.asOf, r.response_hours ? Math.ceil(r.response_hours / 24) : DEFAULT_TASK_DAYS),
            customer: r.customer_id,
            owner: { id: r.owner_id, active: r.owner_active, branchId: r.branch_id },
          })),
          actor?.userId ?? null,
        );
        return { breaches: rows.length, created, alreadyOpen: rows.length - wanted.length };
      });
    },
  };
}

export type ValueBreaches = ReturnType<typeof createValueBreaches>;
