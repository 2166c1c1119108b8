import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryText } from '../../../db/plan-cache';
import { customFieldDefs, qualitySettings, workspaces } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';
import type { QualityGroupBy } from '../../../shared/quality/quality.schema';
import type { RequiredField } from '../../../shared/quality/quality-fields';
import type { CustomerFacts, DuplicateReason } from '../../../shared/quality/quality-score';
import { visibleCustomersSql } from '../customers/customers.access';
import { pairsNeedRefresh, refreshPairs } from '../duplicates';
import { duplicateReasonsOfSql, suspectedDuplicatesWith } from './quality.duplicates';
import { contactFactsSql, freshSql, missingFieldsSql, needsContactFacts } from './quality.fields.sql';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Pick<Db, 'select' | 'execute'>;

const settingsColumns = {
  requiredFields: qualitySettings.requiredFields,
  staleDays: qualitySettings.staleDays,
  version: qualitySettings.version,
  updatedAt: qualitySettings.updatedAt,
};
export type SettingsRow = {
  requiredFields: RequiredField[];
  staleDays: number;
  version: number;
  updatedAt: Date | null;
};

/** What the set-wise statements need: the rules, and the first day that is still recent. */
export type Scope = {
  requiredFields: readonly RequiredField[];
  cutoffDay: string;
  timeZone: string;
};

export type GroupRow = {
  is_total: boolean;
  id: number | null;
  name: string | null;
  customers: number;
  completeness: number;
  complete: number;
  duplicates: number;
  stale: number;
};

export type IssueRow = {
  customer_id: number;
  code: string;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  missing: string[];
  stale: boolean;
  dup: boolean;
  problems: number;
};

const GROUP_KEYS: Record<QualityGroupBy, { id: string; join: string; name: string }> = {
  owner: {
    id: 's.owner_id',
    join: 'left join users g on g.workspace_id = s.workspace_id and g.id = s.owner_id',
    name: 'g.name',
  },
  team: {
    id: 's.team_id',
    join: 'left join teams g on g.workspace_id = s.workspace_id and g.id = s.team_id',
    name: 'g.name',
  },
  branch: {
    id: 's.branch_id',
    join: 'left join branches g on g.workspace_id = s.workspace_id and g.id = s.branch_id',
    name: 'g.name',
  },
};

/**
 * The live customers the actor may see, each scored set-wise: the required fields it lacks, stale or
 * not, suspected duplicate or not, and its owner's team. One statement, no loop over customers.
 */
function scoredSql(actor: Actor, scope: Scope) {
  const contacts = needsContactFacts(scope.requiredFields);
  return sql`
    ${suspectedDuplicatesWith(actor.workspaceId)},
    ${contacts ? sql`contact_facts as (${contactFactsSql(actor.workspaceId)}),` : sql``}
    scored as (
      select customers.workspace_id, customers.id, customers.code, customers.name, customers.owner_id,
             customers.branch_id, u.team_id,
             ${missingFieldsSql(scope.requiredFields)} as missing,
             not ${freshSql(scope.cutoffDay, scope.timeZone)} as stale,
             d.customer_id is not null as dup
        from customers
        left join users u on u.workspace_id = customers.workspace_id and u.id = customers.owner_id
        left join dups d on d.customer_id = customers.id
        ${contacts ? sql`left join contact_facts cf on cf.customer_id = customers.id` : sql``}
       where ${visibleCustomersSql(actor)} and customers.deleted_at is null)`;
}

/**
 * Runs a set-wise statement over the workspace with JIT off, in a transaction of its own (`set local`
 * ends with it). Its plan is costed at millions (every customer, its contacts, activities and orders),
 * so PostgreSQL compiled it on every call: 5 of the 8 s at 200,000 customers went to JIT.
 */
function withoutJit(db: Db, statement: SQL): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryText(tx, statement);
  });
}

export function createQualityRepository(db: Db) {
  return {
    db,

    async getSettings(conn: Conn, workspaceId: number): Promise<SettingsRow | undefined> {
      const [row] = await conn
        .select(settingsColumns)
        .from(qualitySettings)
        .where(eq(qualitySettings.workspaceId, workspaceId));
      return row;
    },

    /** Locks the workspace's settings row for the transaction, creating it with `defaults` first if need be. */
    async lockSettings(tx: Tx, workspaceId: number, defaults: Omit<SettingsRow, 'version' | 'updatedAt'>) {
      await tx
        .insert(qualitySettings)
        .values({ workspaceId, ...defaults, requiredFields: [...defaults.requiredFields] })
        .onConflictDoNothing();
      const [row] = await tx
        .select(settingsColumns)
        .from(qualitySettings)
        .where(eq(qualitySettings.workspaceId, workspaceId))
        .for('update');
      return row as SettingsRow;
    },

    async updateSettings(
      tx: Tx,
      actor: Actor,
      set: Partial<Pick<SettingsRow, 'requiredFields' | 'staleDays'>>,
    ): Promise<SettingsRow> {
      const [row] = await tx
        .update(qualitySettings)
        .set({
          ...set,
          version: sql`${qualitySettings.version} + 1`,
          updatedAt: new Date(),
          updatedBy: actor.userId,
        })
        .where(eq(qualitySettings.workspaceId, actor.workspaceId))
        .returning(settingsColumns);
      return row as SettingsRow;
    },

    async customFieldKeys(conn: Conn, workspaceId: number): Promise<string[]> {
      const rows = await conn
        .select({ key: customFieldDefs.key })
        .from(customFieldDefs)
        .where(and(eq(customFieldDefs.workspaceId, workspaceId), eq(customFieldDefs.entity, 'customer')));
      return rows.map((r) => r.key);
    },

    async timeZone(workspaceId: number): Promise<string> {
      const [row] = await db
        .select({ timeZone: workspaces.timeZone })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId));
      return row?.timeZone ?? 'UTC';
    },

    /** One customer's facts for scoring, its days in the workspace's time zone. */
    async customerFacts(workspaceId: number, customerId: number, timeZone: string) {
      const text = await queryText(
        db,
        sql`select json_build_object(
            'shortName', c.short_name, 'industry', c.industry, 'province', c.province, 'city', c.city,
            'address', c.address, 'taxId', c.tax_id, 'employees', c.employees,
            'revenueBand', c.revenue_band, 'creditRating', c.credit_rating, 'source', c.source,
            'ownerId', c.owner_id, 'branchId', c.branch_id, 'customFields', c.custom_fields,
            'createdDay', (c.created_at at time zone ${timeZone})::date,
            'contacts', coalesce((select json_agg(json_build_object('phones', ct.phones, 'email', ct.email))
                from contacts ct where ct.workspace_id = c.workspace_id and ct.customer_id = c.id
                 and ct.deleted_at is null), '[]'),
            'lastTouchDay', greatest(
              (select (max(a.occurred_at) at time zone ${timeZone})::date from activities a
                where a.workspace_id = c.workspace_id and a.customer_id = c.id and a.deleted_at is null),
              (select max(o.ordered_at) from orders o
                where o.workspace_id = c.workspace_id and o.customer_id = c.id and o.deleted_at is null))
          )::text
          from customers c
         where c.workspace_id = ${workspaceId} and c.id = ${customerId}`,
      );
      return text === null ? undefined : (JSON.parse(text) as CustomerFacts);
    },

    /**
     * Brings the duplicates engine's pairs of the workspace up to date, as the duplicates list does
     * (the first time a full scan, then only the customers changed since), in a transaction of its own:
     * the workspace's `duplicate_scans` row stays locked only while pairs are rescanned, not while the
     * figures are read. It writes the engine's cache tables only (duplicate_pairs, duplicate_scans).
     * JIT off for it: the rescan statement is planned for millions of phone-pair rows whatever the number
     * of changed customers, so PostgreSQL compiled it on every call (1.7 s at 6,000 customers, for a
     * rescan that finds nothing to do); no plan of it gains that back.
     */
    async refreshDuplicates(workspaceId: number): Promise<void> {
      // Nothing changed since the last scan (the usual case): no transaction, no lock.
      if (!(await pairsNeedRefresh(db, workspaceId))) return;
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local jit = off`);
        await refreshPairs(tx, workspaceId);
      });
    },

    /** After `refreshDuplicates`. */
    async duplicateReasons(workspaceId: number, customerId: number): Promise<DuplicateReason[]> {
      const text = await queryText(db, duplicateReasonsOfSql(workspaceId, customerId));
      return JSON.parse(text ?? '[]') as DuplicateReason[];
    },

    /** Figures per owner, team or branch, and for everything the actor sees (`is_total`). After `refreshDuplicates`. */
    async summary(actor: Actor, scope: Scope, groupBy: QualityGroupBy): Promise<GroupRow[]> {
      const key = GROUP_KEYS[groupBy];
      const required = scope.requiredFields.length;
      const completeness =
        required === 0 ? sql`100.0` : sql`(${required} - cardinality(s.missing)) * 100.0 / ${required}`;
      const text = await withoutJit(
        db,
        sql`with ${scoredSql(actor, scope)}
          select coalesce(json_agg(r order by r.is_total desc, r.name nulls last, r.id), '[]')::text
            from (select grouping(${sql.raw(key.id)}) = 1 as is_total, ${sql.raw(key.id)} as id,
                         max(${sql.raw(key.name)}) as name,
                         count(*)::int as customers,
                         coalesce(round(avg(${completeness}), 1), 0)::float8 as completeness,
                         (count(*) filter (where cardinality(s.missing) = 0))::int as complete,
                         (count(*) filter (where s.dup))::int as duplicates,
                         (count(*) filter (where s.stale))::int as stale
                    from scored s ${sql.raw(key.join)}
                   group by grouping sets ((${sql.raw(key.id)}), ())) r`,
      );
      return JSON.parse(text ?? '[]') as GroupRow[];
    },

    /**
     * The customers with a problem, worst first: most problems, then most missing fields, then by id.
     * Keyset: the cursor holds (problems, missing count, id) of the last row. After `refreshDuplicates`.
     */
    async issues(
      actor: Actor,
      scope: Scope,
      filter: { kind?: 'incomplete' | 'stale' | 'duplicate'; owner?: number },
      after: { problems: number; missing: number; id: number } | null,
      limit: number,
    ): Promise<IssueRow[]> {
      const kind =
        filter.kind === 'incomplete'
          ? sql`cardinality(s.missing) > 0`
          : filter.kind === 'stale'
            ? sql`s.stale`
            : filter.kind === 'duplicate'
              ? sql`s.dup`
              : sql`(cardinality(s.missing) > 0 or s.stale or s.dup)`;
      const owner = filter.owner === undefined ? sql`` : sql`and s.owner_id = ${filter.owner}`;
      const cursor = after
        ? sql`and (-x.problems, -cardinality(x.missing), x.customer_id) > (${-after.problems}::int, ${-after.missing}::int, ${after.id}::bigint)`
        : sql``;
      const text = await withoutJit(
        db,
        sql`with ${scoredSql(actor, scope)}
          select coalesce(json_agg(x order by x.problems desc, cardinality(x.missing) desc, x.customer_id), '[]')::text
            from (select * from (
                    select s.id as customer_id, s.code, s.name, s.owner_id, u.name as owner_name, s.missing,
                           s.stale, s.dup,
                           ((cardinality(s.missing) > 0)::int + s.stale::int + s.dup::int) as problems
                      from scored s
                      left join users u on u.workspace_id = s.workspace_id and u.id = s.owner_id
                     where ${kind} ${owner}) x
                   where true ${cursor}
                   order by x.problems desc, cardinality(x.missing) desc, x.customer_id
                   limit ${limit}) x`,
      );
      return JSON.parse(text ?? '[]') as IssueRow[];
    },
  };
}

export type QualityRepository = ReturnType<typeof createQualityRepository>;
