/**
 * Customers by code. New customers get the importing user as owner when the file names none, and the
 * owner's branch when it names no branch. An existing customer must be writable by the importing user;
 * a new owner must be one they may assign (canAssignOwner), a manager stays in their own branch.
 */
import { canCreateCustomer } from '../../../../shared/auth/policy';
import { keep, type MergeColumn, mergeFlat } from './merge-common';
import { addIssues, flagIssueRows, ROWS } from './staging';
import {
  assignableOwnerSql,
  checkDuplicateKeys,
  type EngineContext,
  int,
  resolveUsers,
  writableSql,
} from './validate-common';

export const customerExtra = [
  { name: 'existing_id', type: 'bigint' },
  { name: 'existing_owner', type: 'bigint' },
  { name: 'existing_branch', type: 'bigint' },
  { name: 'customer_deleted', type: 'boolean', default: 'false' },
  { name: 'customer_ok', type: 'boolean', default: 'true' },
  { name: 'owner_id', type: 'bigint' },
  { name: 'branch_id', type: 'bigint' },
];

export async function validateCustomers(ctx: EngineContext): Promise<void> {
  const { session, actor } = ctx;
  const ws = int(ctx.workspaceId);
  await checkDuplicateKeys(
    ctx,
    'case when s.customer_code is not null then jsonb_build_array(s.customer_code) end',
    'customer_code',
    's.customer_code',
  );
  await session.query(
    `update ${ROWS} s set existing_id = c.id, existing_owner = c.owner_id, existing_branch = c.branch_id,
            customer_deleted = c.deleted_at is not null, customer_ok = ${writableSql(actor, 'c', 'customer')}
       from customers c where c.workspace_id = ${ws} and c.code = s.customer_code`,
  );
  const code = { col: 'customer_code', value: 's.customer_code' };
  await addIssues(session, { ...code, code: 'customer_deleted', where: 's.customer_deleted' });
  await addIssues(session, {
    ...code,
    code: 'customer_forbidden',
    where: 'not s.customer_deleted and not s.customer_ok',
  });
  if (!canCreateCustomer(actor)) {
    await addIssues(session, {
      ...code,
      code: 'customer_create_forbidden',
      params: `'{}'::jsonb`,
      where: 's.existing_id is null and s.customer_code is not null',
    });
  }
  await resolveUsers(ctx, 'owner', 'owner_id');
  await addIssues(session, {
    col: 'owner',
    code: 'owner_forbidden',
    value: 's.owner',
    from: `${ROWS} s join users u on u.workspace_id = ${ws} and u.id = s.owner_id`,
    where: `s.owner_id is distinct from s.existing_owner and not ${assignableOwnerSql(actor, 'u')}`,
  });
  await session.query(
    `update ${ROWS} s set branch_id = coalesce(
        (select b.id from branches b where b.workspace_id = ${ws} and b.code = s.branch),
        (select min(b.id) from branches b where b.workspace_id = ${ws} and b.name = s.branch))
      where s.branch is not null`,
  );
  await addIssues(session, {
    col: 'branch',
    code: 'unknown_branch',
    value: 's.branch',
    where: 's.branch is not null and s.branch_id is null',
  });
  if (actor.role === 'manager') {
    await addIssues(session, {
      col: 'branch',
      code: 'branch_forbidden',
      value: 's.branch',
      params: `'{}'::jsonb`,
      where: `s.branch_id is distinct from s.existing_branch and s.branch_id <> ${int(actor.branchId ?? 0)}`,
    });
  }
  await flagIssueRows(session);
}

const columns = (uid: string): MergeColumn[] => [
  { col: 'code', update: 't.code', insert: 's.customer_code' },
  { col: 'name', update: 's.name', insert: 's.name' },
  keep('short_name'),
  { col: 'type', update: 'coalesce(s.type, t.type)', insert: `coalesce(s.type, 'enterprise')` },
  { col: 'status', update: 'coalesce(s.status, t.status)', insert: `coalesce(s.status, 'prospect')` },
  keep('industry'),
  keep('province'),
  keep('city'),
  keep('address'),
  // In upper case, as the API stores it (and as 查重 compares it).
  { col: 'tax_id', update: 'coalesce(upper(s.tax_id), t.tax_id)', insert: 'upper(s.tax_id)' },
  keep('employees'),
  keep('revenue_band'),
  keep('credit_rating'),
  keep('source'),
  { col: 'tags', update: 'coalesce(s.tags, t.tags)', insert: `coalesce(s.tags, '{}')` },
  { col: 'owner_id', update: 'coalesce(s.owner_id, t.owner_id)', insert: `coalesce(s.owner_id, ${uid})` },
  {
    col: 'branch_id',
    update: 'coalesce(s.branch_id, t.branch_id)',
    insert: 'coalesce(s.branch_id, o.branch_id)',
  },
];

export async function mergeCustomers(ctx: EngineContext) {
  const ws = int(ctx.workspaceId);
  const uid = int(ctx.actor.userId);
  // The insert reads the owner's branch (o) for customers the file gives no branch.
  const from = `${ROWS} s left join users o on o.workspace_id = ${ws} and o.id = coalesce(s.owner_id, ${uid})`;
  return mergeFlat(ctx, 'customers', columns(uid), from);
}
