/**
 * Set-wise checks shared by the entities: resolving customer codes (with the importing user's access),
 * users by e-mail or name, and the same natural key twice in one file.
 */
import type { BulkSession } from '../../../../db/bulk';
import type { Actor } from '../../../../shared/auth/roles';
import type { ImportField } from '../../../../shared/imports/import-fields';
import { addIssues, ROWS } from './staging';

export type EngineContext = {
  session: BulkSession;
  workspaceId: number;
  actor: Actor;
  fields: readonly ImportField[];
};

const int = (n: number | null) => {
  if (n === null || !Number.isSafeInteger(n)) throw new Error(`not an id: ${n}`);
  return String(n);
};

/**
 * The SQL twin of `canWriteChild(actor, resource, customerAccess(actor, c))` (or of write access to the
 * customer itself) over the customers row aliased `c`.
 */
export function writableSql(
  actor: Actor,
  c: string,
  resource: 'customer' | 'contact' | 'order' | 'activity',
) {
  switch (actor.role) {
    case 'admin':
      return 'true';
    case 'manager':
      return actor.branchId === null ? 'false' : `(${c}.branch_id = ${int(actor.branchId)})`;
    case 'sales':
      return `(${c}.owner_id = ${int(actor.userId)} or exists (select 1 from customer_team_members m
        where m.workspace_id = ${c}.workspace_id and m.customer_id = ${c}.id and m.user_id = ${int(actor.userId)}))`;
    case 'service':
      return resource === 'activity' ? 'true' : 'false';
    case 'analyst':
      return 'false';
  }
}

/** Who may be made a customer's owner (canAssignOwner) over the users row aliased `u`. */
export function assignableOwnerSql(actor: Actor, u: string): string {
  switch (actor.role) {
    case 'admin':
      return 'true';
    case 'manager':
      return actor.branchId === null ? 'false' : `(${u}.branch_id = ${int(actor.branchId)})`;
    case 'sales':
      return `(${u}.id = ${int(actor.userId)})`;
    default:
      return 'false';
  }
}

export const customerColumns = [
  { name: 'customer_id', type: 'bigint' },
  { name: 'customer_deleted', type: 'boolean' },
  { name: 'customer_ok', type: 'boolean' },
];

/** Resolves `customer_code` to `customer_id`; unknown, deleted and forbidden customers are issues. */
export async function resolveCustomers(ctx: EngineContext, resource: 'contact' | 'order' | 'activity') {
  const { session, workspaceId: ws } = ctx;
  await session.query(
    `update ${ROWS} s set customer_id = c.id, customer_deleted = c.deleted_at is not null,
            customer_ok = ${writableSql(ctx.actor, 'c', resource)}
       from customers c where c.workspace_id = ${int(ws)} and c.code = s.customer_code`,
  );
  const base = { col: 'customer_code', value: 's.customer_code' };
  await addIssues(session, {
    ...base,
    code: 'unknown_customer',
    where: 's.customer_code is not null and s.customer_id is null',
  });
  await addIssues(session, { ...base, code: 'customer_deleted', where: 's.customer_deleted' });
  await addIssues(session, {
    ...base,
    code: 'customer_forbidden',
    where: 'not s.customer_deleted and not s.customer_ok',
  });
}

/**
 * Resolves a user column (e-mail or name, active users of the workspace) into `target`; an unknown or
 * ambiguous user is an issue on `col`.
 */
export async function resolveUsers(ctx: EngineContext, col: string, target: string) {
  const { session, workspaceId: ws } = ctx;
  await session.query(
    `update ${ROWS} s set ${target} = coalesce(
        (select u.id from users u where u.workspace_id = ${int(ws)} and u.active
            and lower(u.email) = lower(s.${col})),
        (select case when count(*) = 1 then min(u.id) else -1 end from users u
          where u.workspace_id = ${int(ws)} and u.active and u.name = s.${col} having count(*) > 0))
      where s.${col} is not null`,
  );
  await addIssues(session, {
    col,
    code: 'unknown_user',
    value: `s.${col}`,
    where: `s.${col} is not null and s.${target} is null`,
  });
  await addIssues(session, { col, code: 'ambiguous_user', value: `s.${col}`, where: `s.${target} = -1` });
}

/**
 * The same natural key on several rows: rows that repeat the first such row exactly are marked
 * `repeat` (written once); rows that differ are issues, on the first row and on each differing one.
 * `key` is a SQL expression over s giving a jsonb array; rows where it is null take no part.
 */
export async function checkDuplicateKeys(ctx: EngineContext, key: string, keyCol: string, keyLabel: string) {
  const { session } = ctx;
  const content = `jsonb_build_array(${ctx.fields.map((f) => `s."${f.key}"`).join(', ')})`;
  await session.query(
    `create temp table imp_first on commit drop as
       select distinct on (k) k, line, content from (
         select ${key} as k, s.line, ${content} as content from ${ROWS} s) x
        where k is not null order by k, line`,
  );
  await session.query('create index on imp_first (k)');
  const join = `${ROWS} s join imp_first f on f.k = ${key} and f.line <> s.line`;
  await session.query(`update ${ROWS} s set repeat = true from imp_first f
      where f.k = ${key} and f.line <> s.line and f.content = ${content}`);
  await addIssues(session, {
    col: keyCol,
    code: 'duplicate_key',
    value: `s."${keyCol}"`,
    params: `jsonb_build_object('key', ${keyLabel}, 'other', f.line)`,
    from: join,
    where: `f.content <> ${content}`,
  });
  // The first row of a conflicting key is as doubtful as the rest: it names the first row that differs.
  await addIssues(session, {
    col: keyCol,
    code: 'duplicate_key',
    value: `s."${keyCol}"`,
    params: `jsonb_build_object('key', ${keyLabel}, 'other', d.other)`,
    from: `${ROWS} s join (select f.line, min(s.line) as other from ${join}
        where f.content <> ${content} group by f.line) d on d.line = s.line`,
    where: 'true',
  });
  await session.query('drop table imp_first');
}

export { int };
