import { and, asc, eq, getTableColumns, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { numberedPage, selectPageAsJson } from '../../../db/json-rows';
import { qualified } from '../../../db/qualified';
import { activities, activityContacts, customers } from '../../../db/schema';
import type { ActivityListQuery } from '../../../shared/activities/activity.schema';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import { PG_TIMESTAMPTZ, readCursor } from '../../cursor';
import { contactsOfCustomerByIds } from '../contacts';
import { visibleCustomersSql } from '../customers/customers.access';

const A_WS = qualified('activities', 'workspace_id');
const A_ID = qualified('activities', 'id');

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Conn = Db | Tx;

const { workspaceId: _ws, ...columns } = getTableColumns(activities);
export const activityColumns = columns;
type Row = Omit<typeof activities.$inferSelect, 'workspaceId'>;
export type ActivityRow = Row & { contactIds: number[] };

/** The linked contact ids of each row, as one array (bigint[] arrives as strings from node-postgres). */
const contactIdsSql = sql<unknown[] | null>`(select array_agg(ac.contact_id order by ac.contact_id)
  from ${activityContacts} ac
  where ac.workspace_id = ${A_WS} and ac.activity_id = ${A_ID})`;
const withContactIds = <T extends { contactIds: unknown[] | null }>(row: T) => ({
  ...row,
  contactIds: (row.contactIds ?? []).map(Number),
});

/** A timestamptz as PostgreSQL prints it, e.g. `2025-03-01 01:30:00.123456+00`. */

/**
 * Newest first, with a cursor of (occurred_at as SQL text for full precision, id); in the order
 * activities_time_idx and activities_customer_time_idx hold (DESC NULLS LAST). A plain DESC means NULLS
 * FIRST, which those indexes cannot give even on NOT NULL columns: PostgreSQL then reads and sorts every
 * touch of the workspace for one page.
 */
const newestFirst = [sql`${activities.occurredAt} desc nulls last`, sql`${activities.id} desc nulls last`];

/** The latest live touches of a customer, newest first (for the customer 360 view and timeline). */
export async function recentActivitiesOfCustomer(
  conn: Conn,
  workspaceId: number,
  customerId: number,
  limit = 20,
): Promise<ActivityRow[]> {
  const rows = await conn
    .select({ ...activityColumns, contactIds: contactIdsSql })
    .from(activities)
    .where(
      and(
        eq(activities.workspaceId, workspaceId),
        eq(activities.customerId, customerId),
        isNull(activities.deletedAt),
      ),
    )
    .orderBy(...newestFirst)
    .limit(limit);
  return rows.map(withContactIds);
}

export function createActivitiesRepository(db: Db) {
  async function contactIdsOf(conn: Conn, workspaceId: number, activityId: number) {
    const rows = await conn
      .select({ id: activityContacts.contactId })
      .from(activityContacts)
      .where(and(eq(activityContacts.workspaceId, workspaceId), eq(activityContacts.activityId, activityId)))
      .orderBy(asc(activityContacts.contactId));
    return rows.map((r) => r.id);
  }

  return {
    db,

    /** Which of `ids` are contacts of the customer, and whether each is deleted. */
    contactsOfCustomer: contactsOfCustomerByIds,

    async get(
      conn: Conn,
      workspaceId: number,
      id: number,
      forUpdate = false,
    ): Promise<ActivityRow | undefined> {
      const q = conn
        .select(activityColumns)
        .from(activities)
        .where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      if (!row) return undefined;
      return { ...row, contactIds: await contactIdsOf(conn, workspaceId, id) };
    },

    /**
     * A new touch with its contacts, in as few statements as possible: on the embedded database every
     * statement of a transaction is a round trip while the transaction holds the database.
     */
    async insert(
      tx: Tx,
      values: typeof activities.$inferInsert,
      contactIds: readonly number[],
    ): Promise<ActivityRow> {
      const [row] = await tx.insert(activities).values(values).returning(activityColumns);
      if (contactIds.length) {
        await tx.insert(activityContacts).values(
          contactIds.map((contactId) => ({
            workspaceId: values.workspaceId,
            activityId: row!.id,
            contactId,
          })),
        );
      }
      return { ...row!, contactIds: [...contactIds].sort((a, b) => a - b) };
    },

    /** Applies a change if the row is still at `version` (or any version when undefined); bumps it. */
    async update(
      tx: Tx,
      workspaceId: number,
      id: number,
      version: number | undefined,
      set: Partial<typeof activities.$inferInsert>,
    ): Promise<boolean> {
      const rows = await tx
        .update(activities)
        .set({ ...set, version: sql`${activities.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(activities.workspaceId, workspaceId),
            eq(activities.id, id),
            version === undefined ? undefined : eq(activities.version, version),
          ),
        )
        .returning({ id: activities.id });
      return rows.length > 0;
    },

    async replaceContacts(tx: Tx, workspaceId: number, activityId: number, contactIds: readonly number[]) {
      await tx
        .delete(activityContacts)
        .where(
          and(eq(activityContacts.workspaceId, workspaceId), eq(activityContacts.activityId, activityId)),
        );
      if (contactIds.length) {
        await tx
          .insert(activityContacts)
          .values(contactIds.map((contactId) => ({ workspaceId, activityId, contactId })));
      }
    },

    /**
     * Live touches the actor may see, newest first (keyset). With `scope.customerId` the caller has
     * already checked that customer; without it, touches of deleted customers are left out.
     */
    async list(actor: Actor, query: ActivityListQuery, scope: { customerId?: number } = {}) {
      const conds: (SQL | undefined)[] = [
        eq(activities.workspaceId, actor.workspaceId),
        visibleCustomersSql(actor),
        isNull(activities.deletedAt),
      ];
      if (scope.customerId !== undefined) conds.push(eq(activities.customerId, scope.customerId));
      else {
        conds.push(isNull(customers.deletedAt));
        if (query.customerId !== undefined) conds.push(eq(activities.customerId, query.customerId));
      }
      if (query.type?.length) conds.push(inArray(activities.type, query.type));
      if (query.authorId !== undefined)
        conds.push(eq(activities.authorId, query.authorId === 'me' ? actor.userId : query.authorId));
      if (query.contactId !== undefined)
        conds.push(sql`${activities.id} in (select ac.activity_id from ${activityContacts} ac
          where ac.workspace_id = ${actor.workspaceId} and ac.contact_id = ${query.contactId})`);
      if (query.occurredFrom) conds.push(gte(activities.occurredAt, new Date(query.occurredFrom)));
      if (query.occurredTo) conds.push(lte(activities.occurredAt, new Date(query.occurredTo)));
      if (query.followUpFrom) conds.push(gte(activities.nextFollowUpOn, query.followUpFrom));
      if (query.followUpTo) conds.push(lte(activities.nextFollowUpOn, query.followUpTo));
      if (query.cursor) {
        const values = readCursor(query.cursor, [PG_TIMESTAMPTZ, 'id']);
        conds.push(
          sql`(${activities.occurredAt}, ${activities.id}) < (cast(${values[0]} as timestamptz), ${values[1]})`,
        );
      }
      // One statement, its rows as one JSON value: the customer join the access filter needs anyway also
      // names each row's customer.
      const limited = db
        .select({
          ...activityColumns,
          contactIds: contactIdsSql.as('contact_ids'),
          customerName: sql<string>`${customers.name}`.as('customer_name'),
          customerCode: sql<string>`${customers.code}`.as('customer_code'),
          sortKey: sql<string>`(${activities.occurredAt})::text`.as('sort_key'),
        })
        .from(activities)
        .innerJoin(
          customers,
          and(eq(customers.workspaceId, activities.workspaceId), eq(customers.id, activities.customerId)),
        )
        .where(and(...conds))
        .orderBy(...newestFirst)
        .limit(query.limit + 1);
      const page = numberedPage(limited, 'occurred_at desc, id desc');
      const rows = await selectPageAsJson(db, activityColumns, page, [
        'contact_ids',
        'customer_name',
        'customer_code',
        'sort_key',
      ]);
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const last = items[items.length - 1];
      return {
        items: items.map(({ contact_ids, customer_name, customer_code, sort_key: _k, ...row }) => ({
          ...withContactIds({ ...row, contactIds: contact_ids as unknown as unknown[] | null }),
          customerName: customer_name,
          customerCode: customer_code,
        })),
        nextCursor: more && last ? encodeCursor([last.sort_key, last.id]) : null,
      };
    },
  };
}

export type ActivitiesRepository = ReturnType<typeof createActivitiesRepository>;
