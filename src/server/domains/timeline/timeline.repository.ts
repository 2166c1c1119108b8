import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { type Param, queryText } from '../../../db/plan-cache';
import { workspaces } from '../../../db/schema';
import type { TimelineEntry } from '../../../shared/customers/customer360.schema';

type Conn = Pick<Db, 'execute' | 'select'>;
type Row = {
  kind: 'activity' | 'order';
  id: number;
  at: string;
  at_key: string;
  subtype: string;
  title: string;
  detail: string | null;
  amount: string | null;
  currency: string | null;
  user_id: number | null;
  follow_up_on: string | null;
};

export type TimelineKey = { at: string; kind: string; id: number };

export async function workspaceTimeZone(conn: Conn, workspaceId: number): Promise<string> {
  const [row] = await conn
    .select({ tz: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.tz ?? 'Asia/Shanghai';
}

/**
 * Activities and orders of one customer, newest first. Each branch is limited on its own index
 * (customer, time desc) before the merge, so a customer with 10,000 touches costs the same as one with 20.
 * An order's business date sits at midnight of the workspace's time zone.
 */
type TimelineParams = {
  workspaceId: Param<number>;
  customerId: Param<number>;
  timeZone: Param<string>;
  limit: number;
  after?: TimelineKey;
  kind?: string;
};

/** Up to `limit + 1` entries as one JSON array, newest first; read it with `readTimeline`. */
export function timelineJson(p: TimelineParams): SQL {
  const n = p.limit + 1;
  const orderAt = sql`(o.ordered_at::timestamp at time zone ${p.timeZone})`;
  const before = (at: SQL, kind: string, id: SQL) =>
    p.after
      ? sql`and (${at}, ${kind}::text, ${id}) < (${p.after.at}::timestamptz, ${p.after.kind}::text, ${p.after.id})`
      : sql``;
  const activitiesPart = sql`(select 'activity'::text as kind, a.id, a.occurred_at as at, a.type as subtype,
      a.subject as title, a.outcome as detail, null::text as amount, null::text as currency,
      a.author_id as user_id, a.next_follow_up_on::text as follow_up_on
    from activities a
    where a.workspace_id = ${p.workspaceId} and a.customer_id = ${p.customerId} and a.deleted_at is null
      ${before(sql`a.occurred_at`, 'activity', sql`a.id`)}
    order by a.occurred_at desc, a.id desc limit ${n})`;
  const ordersPart = sql`(select 'order'::text as kind, o.id, ${orderAt} as at, o.status as subtype,
      o.order_no as title, o.notes as detail, o.total_amount::text as amount, o.currency::text as currency,
      o.created_by as user_id, null::text as follow_up_on
    from orders o
    where o.workspace_id = ${p.workspaceId} and o.customer_id = ${p.customerId} and o.deleted_at is null
      ${before(orderAt, 'order', sql`o.id`)}
    order by o.ordered_at desc, o.id desc limit ${n})`;
  const parts =
    p.kind === 'activity'
      ? [activitiesPart]
      : p.kind === 'order'
        ? [ordersPart]
        : [activitiesPart, ordersPart];
  return sql`(select coalesce(json_agg(e order by e.at desc, e.kind desc, e.id desc), '[]')
    from (select t.kind, t.id, t.at, t.at::text as at_key, t.subtype, t.title, t.detail, t.amount,
        t.currency, t.user_id, t.follow_up_on
      from (${sql.join(parts, sql` union all `)}) t
      order by t.at desc, t.kind desc, t.id desc limit ${n}) e)`;
}

export const readTimeline = (json: unknown): (TimelineEntry & { key: TimelineKey })[] =>
  (json as Row[]).map((r) => ({
    kind: r.kind,
    id: Number(r.id),
    at: new Date(r.at),
    subtype: r.subtype,
    title: r.title,
    detail: r.detail,
    amount: r.amount,
    currency: r.currency,
    userId: r.user_id === null ? null : Number(r.user_id),
    followUpOn: r.follow_up_on,
    key: { at: r.at_key, kind: r.kind, id: Number(r.id) },
  }));

/** Activities and orders of one customer, newest first (see `timelineJson`). */
export async function timelineOfCustomer(conn: Conn, p: TimelineParams) {
  return readTimeline(JSON.parse((await queryText(conn, sql`select ${timelineJson(p)}::text`))!));
}

/** Counts of what is still open on a customer: orders in progress and follow-ups. */
export function openItemsJson(p: {
  workspaceId: Param<number>;
  customerId: Param<number>;
  today: Param<string>;
  timeZone: Param<string>;
}) {
  const { workspaceId, customerId, today, timeZone } = p;
  return sql`(select json_build_object('openOrders', x.open_orders, 'followUps', x.follow_ups,
      'overdueFollowUps', x.overdue) from (select
      (select count(*)::int from orders o where o.workspace_id = ${workspaceId} and o.customer_id = ${customerId}
        and o.deleted_at is null and o.status in ('draft', 'confirmed', 'shipped')) as open_orders,
      (select count(*)::int from activities a where a.workspace_id = ${workspaceId} and a.customer_id = ${customerId}
        and a.deleted_at is null and a.next_follow_up_on >= ${today}::date) as follow_ups,
      (select count(*)::int from activities a where a.workspace_id = ${workspaceId} and a.customer_id = ${customerId}
        and a.deleted_at is null and a.next_follow_up_on < ${today}::date
        and not exists (select 1 from activities later where later.workspace_id = a.workspace_id
          and later.customer_id = a.customer_id and later.deleted_at is null
          and (later.occurred_at at time zone ${timeZone})::date >= a.next_follow_up_on)) as overdue) x)`;
}

export type OpenItems = { openOrders: number; followUps: number; overdueFollowUps: number };
export const readOpenItems = (json: unknown): OpenItems => json as OpenItems;
