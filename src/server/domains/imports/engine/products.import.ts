/** Products by code; only administrators and managers keep the price list (canWriteProducts). */
import { canWriteProducts } from '../../../../shared/auth/policy';
import { keep, mergeFlat } from './merge-common';
import { addIssues, flagIssueRows, ROWS } from './staging';
import { checkDuplicateKeys, type EngineContext, int } from './validate-common';

export const productExtra = [{ name: 'existing_id', type: 'bigint' }];

export async function validateProducts(ctx: EngineContext): Promise<void> {
  const { session } = ctx;
  if (!canWriteProducts(ctx.actor)) {
    await addIssues(session, {
      col: null,
      code: 'products_forbidden',
      value: 's.product_code',
      where: 'true',
    });
  }
  await checkDuplicateKeys(
    ctx,
    'case when s.product_code is not null then jsonb_build_array(s.product_code) end',
    'product_code',
    's.product_code',
  );
  await session.query(
    `update ${ROWS} s set existing_id = p.id from products p
      where p.workspace_id = ${int(ctx.workspaceId)} and p.code = s.product_code`,
  );
  await flagIssueRows(session);
}

export const mergeProducts = (ctx: EngineContext) =>
  mergeFlat(ctx, 'products', [
    { col: 'code', update: 't.code', insert: 's.product_code' },
    { col: 'name', update: 's.name', insert: 's.name' },
    { col: 'unit', update: 's.unit', insert: 's.unit' },
    keep('category'),
    keep('list_price'),
    keep('standard_cost'),
    { col: 'active', update: 'coalesce(s.active, t.active)', insert: 'coalesce(s.active, true)' },
  ]);
