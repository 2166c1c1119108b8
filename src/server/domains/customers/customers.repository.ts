import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { pageStatement, type RowOf, readPage, reviveRows } from '../../../db/json-rows';
import { oneParam, type Param, shapedText } from '../../../db/plan-cache';
import { qualified } from '../../../db/qualified';
import { customerBudgets, customers, customerTeamMembers, customFieldDefs, users } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import type { CustomerListQuery } from '../../../shared/customers/customer.schema';
import { PG_FLOAT, PG_TIMESTAMPTZ, readCursor } from '../../cursor';
import { type VisibilityShape, visibilityShape, visibleCustomersShaped } from './customers.access';
import { customerSearch, type SearchShape, type SearchValueName, searchFor } from './customers.search';

// search_grams is retired (kept for old backups) and never shown; name_key is 查重's, generated.
const { searchGrams: _g, workspaceId: _w, nameKey: _k, ...profileColumns } = getTableColumns(customers);

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
  nameKey: _key,
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

type ListValueName =
  | 'workspaceId'
  | 'userId'
  | 'branchId'
  | FilterName
  | SearchValueName
  | 'cursorKey'
  | 'cursorId'
  | 'limit';

type P = (name: ListValueName) => Param<unknown>;

/** The list filters, each with the form it takes in SQL; the value comes through `p(name)`. */
const FILTERS = {
  owner: (p: P) => sql`${customers.ownerId} = ${p('owner')}`,
  status: (p: P) => sql`${customers.status} = any(${oneParam(p('status'))}::text[])`,
  type: (p: P) => sql`${customers.type} = any(${oneParam(p('type'))}::text[])`,
  creditRating: (p: P) => sql`${customers.creditRating} = any(${oneParam(p('creditRating'))}::text[])`,
  province: (p: P) => sql`${customers.province} = ${p('province')}`,
  tag: (p: P) => sql`${customers.tags} @> ARRAY[${p('tag')}]::text[]`,
  createdFrom: (p: P) => sql`${customers.createdAt} >= ${p('createdFrom')}::timestamptz`,
  createdTo: (p: P) => sql`${customers.createdAt} <= ${p('createdTo')}::timestamptz`,
  updatedFrom: (p: P) => sql`${customers.updatedAt} >= ${p('updatedFrom')}::timestamptz`,
  updatedTo: (p: P) => sql`${customers.updatedAt} <= ${p('updatedTo')}::timestamptz`,
} as const;
type FilterName = keyof typeof FILTERS;
const FILTER_NAMES = Object.keys(FILTERS) as FilterName[];

/** Everything that decides the form of a list's statement; the values go separately (shapedText). */
type ListShape = {
  visibility: VisibilityShape;
  deleted: 'exclude' | 'only';
  filters: FilterName[];
  /** The probes of `q`, when there is one. */
  search?: SearchShape;
  /** Ranked by relevance, or the sort key. */
  order: 'rank' | NonNullable<CustomerListQuery['sort']>;
  cursor: boolean;
};

/** The shape and the values of a list request. Throws a 422 for a doctored cursor. */
function listRequest(actor: Actor, query: CustomerListQuery) {
  const values: Partial<Record<ListValueName, unknown>> = {
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    branchId: actor.branchId,
    limit: query.limit + 1,
  };
  const given = {
    ...query,
    owner: query.owner === 'me' ? actor.userId : query.owner,
    status: query.status?.length ? query.status : undefined,
    type: query.type?.length ? query.type : undefined,
    creditRating: query.creditRating?.length ? query.creditRating : undefined,
  };
  const filters = FILTER_NAMES.filter((name) => given[name] !== undefined && given[name] !== '');
  for (const name of filters) values[name] = given[name];
  const search = query.q ? searchFor(query.q) : undefined;
  if (search) Object.assign(values, search.values);
  const order = query.q && !query.sort ? 'rank' : (query.sort ?? '-updatedAt');
  if (query.cursor) {
    // The key goes into a cast: check its form first so a doctored cursor is a 422, not a SQL error.
    const kind = order === 'rank' ? PG_FLOAT : /edAt$/.test(order) ? PG_TIMESTAMPTZ : 'text';
    [values.cursorKey, values.cursorId] = readCursor(query.cursor, [kind, 'id']);
  }
  const shape: ListShape = {
    visibility: visibilityShape(actor),
    deleted: query.deleted,
    filters,
    search: search?.shape,
    order,
    cursor: Boolean(query.cursor),
  };
  return { shape, values: values as Record<ListValueName, unknown> };
}

function listConditions(shape: ListShape, p: P): SQL[] {
  return [
    visibleCustomersShaped(shape.visibility, p),
    shape.deleted === 'only' ? isNotNull(customers.deletedAt) : isNull(customers.deletedAt),
    ...shape.filters.map((name) => FILTERS[name](p)),
  ];
}

export function createCustomersRepository(db: Db) {
  /**
   * A search page ranked by score, in two steps. The candidates are scored from the covering index
   * customers_search_cover_idx (code, names, and what access and deletion filter on), without visiting
   * the table; only the page's rows are read from it. The score is computed once per candidate in a
   * subquery: written out in the window, the order and the cursor key it tripled the planning.
   */
  function rankedPage(shape: ListShape & { search: SearchShape }, p: P) {
    const search = customerSearch(shape.search, p);
    const scored = db
      .select({ id: customers.id, score: search.score.as('score') })
      .from(customers)
      .where(and(...listConditions(shape, p), sql`${customers.id} in (${search.candidates})`))
      .offset(0) // a fence: pulled up into the outer query, the score would be written out three times again
      .as('s');
    const after = shape.cursor
      ? sql`(${scored.score}, ${scored.id}) < (cast(${p('cursorKey')} as float8), cast(${p('cursorId')} as bigint))`
      : undefined;
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
      .limit(p('limit') as number | Placeholder)
      .as('t');
    // The page's order is `rn` (pageStatement aggregates by it).
    return db
      .select({ ...summaryColumns, sortKey: sql<string>`${top.score}::text`.as('sort_key'), rn: top.rn })
      .from(top)
      .innerJoin(
        customers,
        and(sql`${customers.workspaceId} = ${p('workspaceId')}`, eq(customers.id, top.id)),
      );
  }

  /** A page in the order of a column, keyset over (column, id); `q` (with a sort) only filters. */
  function sortedPage(shape: ListShape, sort: NonNullable<CustomerListQuery['sort']>, p: P) {
    const conds = listConditions(shape, p);
    if (shape.search) {
      const { candidates } = customerSearch(shape.search, p);
      conds.push(sql`${customers.id} in (${candidates})`);
    }
    const descending = sort.startsWith('-');
    const name = sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS;
    const key = sql`${SORT_COLUMNS[name]}`;
    const keyKind = name === 'createdAt' || name === 'updatedAt' ? 'timestamptz' : 'text';
    if (shape.cursor) {
      const cmp = descending ? sql`<` : sql`>`;
      conds.push(
        sql`(${key}, ${customers.id}) ${cmp} (cast(${p('cursorKey')} as ${sql.raw(keyKind)}), cast(${p('cursorId')} as bigint))`,
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
      .limit(p('limit') as number | Placeholder);
  }

  /**
   * A list page as one JSON text, its statement built once per shape. The ranked search is written for a
   * generic plan (index ranges, no value-dependent shape); a sorted list's best plan depends on its filter
   * values, so it is planned for them each time.
   */
  const rankedStatement = shapedText<ListShape, ListValueName>(
    (shape, p) => pageStatement(rankedPage(shape as ListShape & { search: SearchShape }, p)),
    'generic',
  );
  const sortedStatement = shapedText<ListShape, ListValueName>(
    (shape, p) => pageStatement(sortedPage(shape, shape.order === 'rank' ? '-updatedAt' : shape.order, p)),
    'none',
  );

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
      const { shape, values } = listRequest(actor, query);
      const statement = shape.order === 'rank' ? rankedStatement : sortedStatement;
      const rows = readPage(summaryColumns, await statement(db, shape, values), ['sort_key']);
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
