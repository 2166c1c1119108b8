import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNotNull,
  isNull,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { jsonArrayOf, numberedPage, reviveRows, selectPageAsJson } from '../../../db/json-rows';
import type { Param } from '../../../db/plan-cache';
import { contacts, customers } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import { type ContactListQuery, normalizePhone } from '../../../shared/contacts/contact.schema';
import { readCursor } from '../../cursor';
import { visibleCustomersSql } from '../customers/customers.access';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Conn = Db | Tx;

const { workspaceId: _ws, ...columns } = getTableColumns(contacts);
export const contactColumns = columns;
export type ContactRow = Omit<typeof contacts.$inferSelect, 'workspaceId'>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const PHONE_LIKE = /^\+?[\d\s-]{5,}$/;

const ofCustomer = (workspaceId: Param<number>, customerId: Param<number>) =>
  and(eq(contacts.workspaceId, workspaceId), eq(contacts.customerId, customerId));

/**
 * The live contacts of a customer, primary first, then by name, as one JSON array (for the 360 view's single
 * statement); read it with `readContacts`.
 */
export function contactsOfCustomerJson(
  conn: Pick<Db, 'select'>,
  workspaceId: Param<number>,
  customerId: Param<number>,
): SQL {
  return jsonArrayOf(
    conn
      .select({
        ...contactColumns,
        rn: sql<number>`row_number() over (order by ${desc(contacts.isPrimary)}, ${asc(contacts.name)}, ${asc(contacts.id)})`.as(
          'rn',
        ),
      })
      .from(contacts)
      .where(and(ofCustomer(workspaceId, customerId), isNull(contacts.deletedAt))),
  );
}

export const readContacts = (json: unknown): ContactRow[] =>
  reviveRows(contactColumns, json as Record<string, unknown>[]);

/** Which of `ids` are contacts of the customer, with whether each is deleted (activities check links). */
export async function contactsOfCustomerByIds(
  conn: Conn,
  workspaceId: number,
  customerId: number,
  ids: readonly number[],
): Promise<{ id: number; deleted: boolean }[]> {
  if (!ids.length) return [];
  const rows = await conn
    .select({ id: contacts.id, deletedAt: contacts.deletedAt })
    .from(contacts)
    .where(and(ofCustomer(workspaceId, customerId), inArray(contacts.id, [...ids])));
  return rows.map((r) => ({ id: r.id, deleted: r.deletedAt !== null }));
}

function searchContacts(rawQ: string): SQL {
  const q = rawQ.normalize('NFKC').trim();
  const like = escapeLike(q);
  return sql`(${sql.join(
    [
      sql`${contacts.name} ilike ${`%${like}%`}`,
      PHONE_LIKE.test(q) ? sql`${contacts.phones} @> ARRAY[${normalizePhone(q)}]::text[]` : undefined,
      q.includes('@') ? sql`lower(${contacts.email}) like ${`${like.toLowerCase()}%`}` : undefined,
    ].filter((c): c is SQL => c !== undefined),
    sql` or `,
  )})`;
}

export function createContactsRepository(db: Db) {
  return {
    db,

    async get(
      conn: Conn,
      workspaceId: number,
      id: number,
      forUpdate = false,
    ): Promise<ContactRow | undefined> {
      const q = conn
        .select(contactColumns)
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },

    async insert(tx: Tx, values: typeof contacts.$inferInsert): Promise<ContactRow> {
      const [row] = await tx.insert(contacts).values(values).returning(contactColumns);
      return row!;
    },

    /** Applies a change if the row is still at `version` (or any version when undefined); bumps it. */
    async update(
      tx: Tx,
      workspaceId: number,
      id: number,
      version: number | undefined,
      set: Partial<typeof contacts.$inferInsert>,
    ): Promise<ContactRow | undefined> {
      const [row] = await tx
        .update(contacts)
        .set({ ...set, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(contacts.workspaceId, workspaceId),
            eq(contacts.id, id),
            version === undefined ? undefined : eq(contacts.version, version),
          ),
        )
        .returning(contactColumns);
      return row;
    },

    /** Row locks on all the customer's contacts, in id order, so "make primary" changes serialise. */
    async lockContactsOfCustomer(tx: Tx, workspaceId: number, customerId: number) {
      await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(ofCustomer(workspaceId, customerId))
        .orderBy(asc(contacts.id))
        .for('update');
    },

    /** Makes `exceptId` the only primary contact: clears the flag on the customer's other live contacts. */
    async clearOtherPrimaries(tx: Tx, workspaceId: number, customerId: number, exceptId: number) {
      const where = and(
        ofCustomer(workspaceId, customerId),
        eq(contacts.isPrimary, true),
        isNull(contacts.deletedAt),
        ne(contacts.id, exceptId),
      );
      const before = await tx.select(contactColumns).from(contacts).where(where);
      if (!before.length) return [];
      const after = await tx
        .update(contacts)
        .set({ isPrimary: false, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
        .where(where)
        .returning(contactColumns);
      return before.map((b) => ({ before: b, after: after.find((a) => a.id === b.id) }));
    },

    /** Is there a live primary contact on the customer other than `exceptId`? */
    async hasOtherPrimary(conn: Conn, workspaceId: number, customerId: number, exceptId: number) {
      const [row] = await conn
        .select({ id: contacts.id })
        .from(contacts)
        .where(
          and(
            ofCustomer(workspaceId, customerId),
            eq(contacts.isPrimary, true),
            isNull(contacts.deletedAt),
            ne(contacts.id, exceptId),
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    /**
     * Contacts the actor may see, by id (keyset). With `scope.customerId` the caller has already checked
     * that customer; without it, contacts of deleted customers are left out like the customers themselves.
     */
    async list(actor: Actor, query: ContactListQuery, scope: { customerId?: number } = {}) {
      const conds: (SQL | undefined)[] = [
        eq(contacts.workspaceId, actor.workspaceId),
        visibleCustomersSql(actor),
        query.deleted === 'only' ? isNotNull(contacts.deletedAt) : isNull(contacts.deletedAt),
      ];
      if (scope.customerId !== undefined) conds.push(eq(contacts.customerId, scope.customerId));
      else {
        conds.push(isNull(customers.deletedAt));
        if (query.customerId !== undefined) conds.push(eq(contacts.customerId, query.customerId));
      }
      if (query.decisionRole) conds.push(eq(contacts.decisionRole, query.decisionRole));
      if (query.q) conds.push(searchContacts(query.q));
      if (query.cursor) {
        const values = readCursor(query.cursor, ['id']);
        conds.push(gt(contacts.id, values[0]));
      }
      // One statement, its rows as one JSON value: the customer join the access filter needs anyway also
      // names each row's customer.
      const limited = db
        .select({
          ...contactColumns,
          customerName: sql<string>`${customers.name}`.as('customer_name'),
          customerCode: sql<string>`${customers.code}`.as('customer_code'),
        })
        .from(contacts)
        .innerJoin(
          customers,
          and(eq(customers.workspaceId, contacts.workspaceId), eq(customers.id, contacts.customerId)),
        )
        .where(and(...conds))
        .orderBy(asc(contacts.id))
        .limit(query.limit + 1);
      const page = numberedPage(limited, 'id');
      const rows = (await selectPageAsJson(db, contactColumns, page, ['customer_name', 'customer_code'])).map(
        ({ customer_name, customer_code, ...row }) => ({
          ...row,
          customerName: customer_name,
          customerCode: customer_code,
        }),
      );
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const last = items[items.length - 1];
      return { items, nextCursor: more && last ? encodeCursor([last.id]) : null };
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
