/**
 * Follow-up tasks opened from a run (policy breaches, churn lists): one per customer and key, for the
 * customer's active owner, else its branch's first manager, else an admin; a key with an open task is
 * skipped; each task audited (with the actor who asked, if any). In chunks, inside the caller's transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { fallbackAssigneesSql } from './value-breaches.sql';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type TaskWish = {
  key: string;
  title: string;
  due: string;
  customer: number;
  owner: { id: number | null; active: boolean | null; branchId: number | null };
};

const CHUNK = 2_000;

const insertTasksSql = (
  workspaceId: number,
  source: 'policy' | 'churn',
  rowsJson: string,
  actorId: number | null,
) => sql`
  with ins as (
    insert into tasks (workspace_id, title, due_on, assignee_id, customer_id, source, source_key)
    select ${workspaceId}, r.title, r.due::date, r.assignee, r.customer, ${source}, r.key
      from jsonb_to_recordset(${rowsJson}::jsonb) as r(key text, title text, due text, customer bigint, assignee bigint)
     where r.assignee is not null
    on conflict (workspace_id, source_key) where done_at is null do nothing
    returning workspace_id, id, title, due_on, assignee_id, customer_id, source, source_key
  ), audited as (
    insert into audit_log (workspace_id, entity, entity_id, action, actor_id, after)
    select workspace_id, 'task', id, 'create', ${actorId}::bigint, to_jsonb(ins) from ins
    returning 1
  )
  select count(*)::int as n from audited`;

/** Opens the wished tasks; returns how many were created. */
export async function openTasks(
  tx: Tx,
  workspaceId: number,
  source: 'policy' | 'churn',
  wishes: readonly TaskWish[],
  actorId: number | null,
): Promise<number> {
  if (wishes.length === 0) return 0;
  const fallback = new Map(
    (
      await queryRows<{ branch_id: number; user_id: number | null }>(tx, fallbackAssigneesSql(workspaceId))
    ).map((r) => [r.branch_id, r.user_id]),
  );
  let created = 0;
  for (let i = 0; i < wishes.length; i += CHUNK) {
    const chunk = wishes.slice(i, i + CHUNK).map((w) => ({
      key: w.key,
      title: w.title,
      due: w.due,
      customer: w.customer,
      assignee: (w.owner.active ? w.owner.id : null) ?? fallback.get(w.owner.branchId ?? 0) ?? null,
    }));
    const [res] = await queryRows<{ n: number }>(
      tx,
      insertTasksSql(workspaceId, source, JSON.stringify(chunk), actorId),
    );
    created += res?.n ?? 0;
  }
  return created;
}
