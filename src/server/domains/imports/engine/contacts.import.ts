/**
 * Contacts by (customer, name, first phone — or e-mail when there is no phone): the name compared
 * without case, the e-mail too. Two people of one customer with the same name are told apart by their
 * phone or e-mail; a row without either matches the same-named contact that has none.
 */
import { keep, mergeFlat } from './merge-common';
import { flagIssueRows, ROWS } from './staging';
import {
  checkDuplicateKeys,
  customerColumns,
  type EngineContext,
  int,
  resolveCustomers,
} from './validate-common';

export const contactExtra = [...customerColumns, { name: 'existing_id', type: 'bigint' }];

const third = (t: string) => `coalesce(${t}.phones[1], lower(${t}.email), '')`;

export async function validateContacts(ctx: EngineContext): Promise<void> {
  const { session } = ctx;
  await resolveCustomers(ctx, 'contact');
  await checkDuplicateKeys(
    ctx,
    `case when s.customer_code is not null and s.name is not null
       then jsonb_build_array(s.customer_code, lower(s.name), ${third('s')}) end`,
    'name',
    `s.customer_code || ' / ' || s.name`,
  );
  await session.query(
    `update ${ROWS} s set existing_id = (select min(c.id) from contacts c
        where c.workspace_id = ${int(ctx.workspaceId)} and c.customer_id = s.customer_id
          and c.deleted_at is null and lower(c.name) = lower(s.name) and ${third('c')} = ${third('s')})
      where s.customer_id is not null and s.name is not null`,
  );
  await flagIssueRows(session);
}

export const mergeContacts = (ctx: EngineContext) =>
  mergeFlat(ctx, 'contacts', [
    { col: 'customer_id', update: 't.customer_id', insert: 's.customer_id' },
    { col: 'name', update: 's.name', insert: 's.name' },
    keep('title'),
    keep('department'),
    { col: 'phones', update: 'coalesce(s.phones, t.phones)', insert: `coalesce(s.phones, '{}')` },
    keep('email'),
    keep('wechat'),
    keep('decision_role'),
    keep('attitude'),
    keep('birthday'),
    {
      col: 'is_primary',
      update: 'coalesce(s.is_primary, t.is_primary)',
      insert: 'coalesce(s.is_primary, false)',
    },
    keep('notes'),
  ]);
