import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { type RowOf, reviveRows, selectPageAsJson } from '../../../db/json-rows';
import type { Param } from '../../../db/plan-cache';
import { qualified } from '../../../db/qualified';
import { customerBudgets, customers, customerTeamMembers, customFieldDefs, users } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import type { CustomerListQuery } from '../../../shared/customers/customer.schema';
import { PG_FLOAT, PG_TIMESTAMPTZ, readCursor } from '../../cursor';
import { visibleCustomersSql } from './customers.access';
import { customerSearch } from './customers.search';

// search_grams is retired (kept for old backups) and never shown.
const { searchGrams: _g, workspaceId: _w, ...profileColumns } = getTableColumns(customers);

const C_WS = qualified('customers', 'workspace_id');
const C_ID = qualified('customers', 'id');

const budgetsOf = sql<{ category: string; amount: string }[] | null>`(select json_agg(json_build_object(
    'category', b.category, 'amount', b.amount::text) order by b.category)
  from ${customerBudgets} b where b.workspace_id = ${C_WS} and b.customer_id = ${C_ID})`;
const teamOf = sql<{ userId: number | string; role: string }[] | null>`(select json_agg(json_build_object(
    'userId', m.user_id, 'role', m.role) order by m.user_id)
  from ${customerTeamMembers} m where m.workspace_id = ${C_WS} and m.customer_id = ${C_ID})`;

type ProfileRow = RowOf<typeof profileColumns> & {
  budgetsJson: { category: string; amount: string }[] | null;
  teamJson: { userId: number | string; role: string }[] | null;
};

function toProfile({ budgetsJson, teamJson, ...rest }: ProfileRow) {
  return {
    ...rest,
    customFields: (rest.customFields ?? {}) as Record<string, string | number | boolean | null>,
    budgets: budgetsJson ?? [],
    team: (teamJson ?? []).map((m) => ({ userId: Number(m.userId), role: m.role })),
  };
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Db | Tx;

const {
  searchGrams: _grams,
  customFields: _cf,
  workspaceId: _ws,
  ...columnsOfSummary
} = getTableColumns(customers);
export const summaryColumns = columnsOfSummary;

const SORT_COLUMNS = {
  name: customers.name,
  code: customers.code,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
} as const;

export type CustomerRow = typeof customers.$inferSelect;

export function createCustomersRepository(db: Db) {
  /**
   * A search page ranked by score, in two steps. The candidates are scored from the covering index
   * customers_search_cover_idx (code, names, and what access and deletion filter on), without visiting
   * the table; only the page's rows are read from it. The score is computed once per candidate in a
   * subquery: written out in the window, the order and the cursor key it tripled the planning.
   */
  function rankedPage(workspaceId: number, q: string, conds: (SQL | undefined)[], query: CustomerListQuery) {
    const search = customerSearch(workspaceId, q);
    const scored = db
      .select({ id: customers.id, score: search.score.as('score') })
      .from(customers)
      .where(and(...conds, sql`${customers.id} in (${search.candidates})`))
      .offset(0) // a fence: pulled up into the outer query, the score would be written out three times again
      .as('s');
    let after: SQL | undefined;
    if (query.cursor) {
      // The key goes into a cast: check its form first so a doctored cursor is a 422, not a SQL error.
      const [score, id] = readCursor(query.cursor, [PG_FLOAT, 'id']);
      after = sql`(${scored.score}, ${scored.id}) < (cast(${score} as float8), ${id})`;
    }
    const order = [desc(scored.score), desc(scored.id)];
    const top = db
      .select({
        id: sql<number>`${scored.id}`.as('top_id'),
        score: sql<number>`${scored.score}`.as('top_score'),
        rn: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('rn'),
      })
      .from(scored)
      .where(after)
      .orderBy(...order)
      .limit(query.limit + 1)
      .as('t');
    // The page's order is `rn` (selectPageAsJson aggregates by it).
    return db
      .select({ ...summaryColumns, sortKey: sql<string>`${top.score}::text`.as('sort_key'), rn: top.rn })
      .from(top)
      .innerJoin(customers, and(eq(customers.workspaceId, workspaceId), eq(customers.id, top.id)));
  }

  /** A page in the order of a column, keyset over (column, id); `q` (with a sort) only filters. */
  function sortedPage(workspaceId: number, conds: (SQL | undefined)[], query: CustomerListQuery) {
    if (query.q) conds.push(sql`${customers.id} in (${customerSearch(workspaceId, query.q).candidates})`);
    const sort = query.sort ?? '-updatedAt';
    const descending = sort.startsWith('-');
    const name = sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS;
    const key = sql`${SORT_COLUMNS[name]}`;
    const keyKind = name === 'createdAt' || name === 'updatedAt' ? 'timestamptz' : 'text';
    if (query.cursor) {
      // The cursor carries the key as SQL text for full precision; its form is checked before the cast.
      const values = readCursor(query.cursor, [keyKind === 'timestamptz' ? PG_TIMESTAMPTZ : 'text', 'id']);
      const cmp = descending ? sql`<` : sql`>`;
      conds.push(
        sql`(${key}, ${customers.id}) ${cmp} (cast(${values[0]} as ${sql.raw(keyKind)}), ${values[1]})`,
      );
    }
    const order = [descending ? desc(key) : asc(key), descending ? desc(customers.id) : asc(customers.id)];
    return db
      .select({
        ...summaryColumns,
        sortKey: sql<string>`(${key})::text`.as('sort_key'),
        rn: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('rn'),
      })
      .from(customers)
      .where(and(...conds))
      .orderBy(...order)
      .limit(query.limit + 1);
  }

  return {
    db,

    /** The profile with its account team and budgets, in one round trip. */
    async get(conn: Conn, workspaceId: number, id: number, forUpdate = false) {
      const q = conn
        .select({ ...profileColumns, budgetsJson: budgetsOf, teamJson: teamOf })
        .from(customers)
        .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
      const [row] = forUpdate ? await q.for('update', { of: customers }) : await q;
      return row ? toProfile(row) : undefined;
    },

    /** The same profile as one JSON object (null when there is no such customer); read with `readProfile`. */
    profileJson(workspaceId: Param<number>, id: Param<number>): SQL {
      return sql`(select row_to_json(p) from (${db
        .select({
          ...profileColumns,
          budgetsJson: budgetsOf.as('budgets_json'),
          teamJson: teamOf.as('team_json'),
        })
        .from(customers)
        .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)))}) p)`;
    },

    readProfile(json: unknown) {
      if (!json) return undefined;
      const o = json as Record<string, unknown>;
      const [row] = reviveRows(profileColumns, [o]);
      return toProfile({
        ...row!,
        budgetsJson: o.budgets_json as ProfileRow['budgetsJson'],
        teamJson: o.team_json as ProfileRow['teamJson'],
      });
    },

    async findByCode(conn: Conn, workspaceId: number, code: string) {
      const [row] = await conn
        .select({ id: customers.id, code: customers.code, name: customers.name })
        .from(customers)
        .where(and(eq(customers.workspaceId, workspaceId), eq(customers.code, code)));
      return row;
    },

    async users(conn: Conn, workspaceId: number, ids: number[]) {
      if (!ids.length) return [];
      return conn
        .select({ id: users.id, branchId: users.branchId })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
    },

    customFieldDefs(conn: Conn, workspaceId: number) {
      return conn
        .select()
        .from(customFieldDefs)
        .where(and(eq(customFieldDefs.workspaceId, workspaceId), eq(customFieldDefs.entity, 'customer')));
    },

    async replaceBudgets(
      tx: Tx,
      workspaceId: number,
      customerId: number,
      budgets: { category: string; amount: string }[],
    ) {
      await tx
        .delete(customerBudgets)
        .where(and(eq(customerBudgets.workspaceId, workspaceId), eq(customerBudgets.customerId, customerId)));
      if (budgets.length) {
        await tx.insert(customerBudgets).values(budgets.map((b) => ({ ...b, workspaceId, customerId })));
      }
    },

    async replaceTeam(
      tx: Tx,
      workspaceId: number,
      customerId: number,
      team: { userId: number; role: string }[],
    ) {
      await tx
        .delete(customerTeamMembers)
        .where(
          and(
            eq(customerTeamMembers.workspaceId, workspaceId),
            eq(customerTeamMembers.customerId, customerId),
          ),
        );
      if (team.length) {
        await tx.insert(customerTeamMembers).values(team.map((m) => ({ ...m, workspaceId, customerId })));
      }
    },

    async list(actor: Actor, query: CustomerListQuery) {
      const conds: (SQL | undefined)[] = [visibleCustomersSql(actor)];
      conds.push(query.deleted === 'only' ? isNotNull(customers.deletedAt) : isNull(customers.deletedAt));
      if (query.owner !== undefined)
        conds.push(eq(customers.ownerId, query.owner === 'me' ? actor.userId : query.owner));
      if (query.status?.length) conds.push(inArray(customers.status, query.status));
      if (query.type?.length) conds.push(inArray(customers.type, query.type));
      if (query.creditRating?.length) conds.push(inArray(customers.creditRating, query.creditRating));
      if (query.province) conds.push(eq(customers.province, query.province));
      if (query.tag) conds.push(sql`${customers.tags} @> ARRAY[${query.tag}]::text[]`);
      if (query.createdFrom) conds.push(gte(customers.createdAt, new Date(query.createdFrom)));
      if (query.createdTo) conds.push(lte(customers.createdAt, new Date(query.createdTo)));
      if (query.updatedFrom) conds.push(gte(customers.updatedAt, new Date(query.updatedFrom)));
      if (query.updatedTo) conds.push(lte(customers.updatedAt, new Date(query.updatedTo)));

      // The ranked search is written for a generic plan (index ranges, no value-dependent shape), and keeping
      // that plan halves its cost on PGlite; a sorted list's best plan depends on its filter values.
      const ranked = Boolean(query.q && !query.sort);
      const inner = ranked
        ? rankedPage(actor.workspaceId, query.q!, conds, query)
        : sortedPage(actor.workspaceId, conds, query);
      const rows = await selectPageAsJson(
        db,
        summaryColumns,
        inner,
        ['sort_key'],
        ranked ? 'generic' : undefined,
      );
      const more = rows.length > query.limit;
      const page = more ? rows.slice(0, query.limit) : rows;
      const last = page[page.length - 1];
      return {
        items: page.map(({ sort_key: _k, ...row }) => row),
        nextCursor: more && last ? encodeCursor([last.sort_key, last.id]) : null,
      };
    },
  };
}

export type CustomersRepository = ReturnType<typeof createCustomersRepository>;
