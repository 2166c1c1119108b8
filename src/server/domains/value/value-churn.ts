/**
 * The churn early warning read back (issue 6 item 5): the at-risk and win-back lists of a run among the
 * customers the actor may see, in the actor's language, and the follow-up tasks they open for the owners.
 */
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { winBackAction } from '../../../shared/analytics/churn/churn-lists';
import { churnReasonText, winBackActionText } from '../../../shared/analytics/churn/churn-messages';
import type {
  ChurnListItem,
  ChurnListKind,
  ChurnListQuery,
  ChurnTasksResult,
} from '../../../shared/analytics/churn-api.schema';
import type { ValueSettings } from '../../../shared/analytics/value-settings';
import type { Actor } from '../../../shared/auth/roles';
import type { Locale } from '../../../shared/common/locale';
import { encodeCursor } from '../../../shared/common/pagination';
import { readCursor } from '../../cursor';
import { visibleCustomersSql } from '../customers/customers.access';
import { addDays, type RunRef } from './value-breaches';
import { type ChurnRow, churnKey, churnListSql } from './value-churn.sql';
import { figuresOf, storedReasons } from './value-prediction-view';
import { MONEY } from './value-read.service';
import { openTasks } from './value-tasks';

/** Days a task is given: a week for a customer at risk, two for a win-back. */
const TASK_DAYS: Record<ChurnListKind, number> = { at_risk: 7, win_back: 14 };

const reasonsOf = (r: ChurnRow, settings: ValueSettings) =>
  storedReasons(r.churn_reasons, figuresOf(r), settings);

function view(r: ChurnRow, list: ChurnListKind, settings: ValueSettings, locale: Locale): ChurnListItem {
  const reasons = reasonsOf(r, settings);
  const action = list === 'win_back' ? winBackAction({ tier: r.tier, reasons }) : null;
  return {
    customerId: r.customer_id,
    code: r.code,
    name: r.name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    tier: r.tier,
    abc: r.abc,
    churnRisk: r.churn_risk,
    pAlive: r.p_alive,
    clv: r.clv,
    actualValue: r.actual_value,
    basisValue: r.abc_value,
    daysSinceLastOrder: r.days_since_last_order,
    reasons: reasons.map((x) => ({ code: x.code, text: churnReasonText(x, locale) })),
    action: action ? { key: action, text: winBackActionText(action, locale) } : null,
    taskId: r.task_id,
  };
}

function taskTitle(r: ChurnRow, list: ChurnListKind, settings: ValueSettings, locale: Locale): string {
  const en = locale === 'en';
  if (list === 'at_risk')
    return en
      ? `Churn warning: ${r.name} (risk ${r.churn_risk}) — contact the customer`
      : `流失预警：${r.name}（风险 ${r.churn_risk}）——请联系客户`;
  const action = winBackAction({ tier: r.tier, reasons: reasonsOf(r, settings) });
  return en
    ? `Win back ${r.name}: ${winBackActionText(action, locale)}`
    : `赢回客户 ${r.name}：${winBackActionText(action, locale)}`;
}

export function createValueChurn(db: Db) {
  const params = (settings: ValueSettings) => ({
    atRiskScore: settings.churn.atRiskScore,
    dormantDays: settings.churn.winBackDormantDays,
    topShare: settings.churn.winBackTopShare,
  });

  return {
    async list(actor: Actor, run: RunRef, settings: ValueSettings, q: ChurnListQuery, locale: Locale) {
      const after = q.cursor
        ? q.list === 'at_risk'
          ? readCursor(q.cursor, ['id', 'id', 'id'] as const)
          : readCursor(q.cursor, [MONEY, 'id'] as const)
        : null;
      const rows = await queryRows<ChurnRow>(
        db,
        churnListSql({
          workspaceId: actor.workspaceId,
          runId: run.id,
          list: q.list,
          ...params(settings),
          visible: visibleCustomersSql(actor),
          ownerId: q.ownerId,
          after,
          limit: q.limit + 1,
        }),
      );
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const cursor = !last
        ? null
        : q.list === 'at_risk'
          ? encodeCursor([last.tier_rank, last.churn_risk ?? 0, last.customer_id])
          : encodeCursor([last.abc_value, last.customer_id]);
      return {
        items: page.map((r) => view(r, q.list, settings, locale)),
        nextCursor: rows.length > q.limit ? cursor : null,
      };
    },

    /** A task for the owner (else the branch's manager, else an admin) of every listed customer without one. */
    async openTasks(
      actor: Actor,
      run: RunRef,
      settings: ValueSettings,
      list: ChurnListKind,
      locale: Locale,
    ): Promise<ChurnTasksResult> {
      return db.transaction(async (tx) => {
        const rows = await queryRows<ChurnRow>(
          tx,
          churnListSql({
            workspaceId: actor.workspaceId,
            runId: run.id,
            list,
            ...params(settings),
            visible: visibleCustomersSql(actor),
          }),
        );
        const wanted = rows.filter((r) => r.task_id === null);
        const created = await openTasks(
          tx,
          actor.workspaceId,
          'churn',
          wanted.map((r) => ({
            key: churnKey(list, r.customer_id),
            title: taskTitle(r, list, settings, locale),
            due: addDays(run.asOf, TASK_DAYS[list]),
            customer: r.customer_id,
            owner: { id: r.owner_id, active: r.owner_active, branchId: r.branch_id },
          })),
          actor.userId,
        );
        return { listed: rows.length, created, alreadyOpen: rows.length - wanted.length };
      });
    },
  };
}

export type ValueChurn = ReturnType<typeof createValueChurn>;
