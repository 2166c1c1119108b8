/**
 * Activities by (customer, type, occurred_at, subject). The author is the importing user unless the
 * file names one (e-mail or name); a contact named in the file must be one of the customer's contacts
 * and is linked to the activity.
 */
import { keep, mergeFlat } from './merge-common';
import { addIssues, flagIssueRows, ROWS } from './staging';
import {
  checkDuplicateKeys,
  customerColumns,
  type EngineContext,
  int,
  resolveCustomers,
  resolveUsers,
} from './validate-common';

export const activityExtra = [
  ...customerColumns,
  { name: 'existing_id', type: 'bigint' },
  { name: 'author_id', type: 'bigint' },
  { name: 'contact_id', type: 'bigint' },
];

const matchExisting = (ws: string) =>
  `update ${ROWS} s set existing_id = (select min(a.id) from activities a
      where a.workspace_id = ${ws} and a.customer_id = s.customer_id and a.deleted_at is null
        and a.type = s.type and a.occurred_at = s.occurred_at and a.subject = s.subject)
    where s.customer_id is not null and s.type is not null and s.occurred_at is not null
      and s.subject is not null`;

export async function validateActivities(ctx: EngineContext): Promise<void> {
  const { session } = ctx;
  const ws = int(ctx.workspaceId);
  await resolveCustomers(ctx, 'activity');
  await resolveUsers(ctx, 'author', 'author_id');
  await session.query(
    `update ${ROWS} s set contact_id = (select min(c.id) from contacts c
        where c.workspace_id = ${ws} and c.customer_id = s.customer_id and c.deleted_at is null
          and lower(c.name) = lower(s.contact_name))
      where s.customer_id is not null and s.contact_name is not null`,
  );
  await addIssues(session, {
    col: 'contact_name',
    code: 'unknown_contact',
    value: 's.contact_name',
    params: `jsonb_build_object('value', s.contact_name, 'customer', s.customer_code)`,
    where: 's.customer_id is not null and s.contact_name is not null and s.contact_id is null',
  });
  await checkDuplicateKeys(
    ctx,
    `case when s.customer_code is not null and s.type is not null and s.occurred_at is not null
       and s.subject is not null then jsonb_build_array(s.customer_code, s.type, s.occurred_at, s.subject) end`,
    'subject',
    `s.customer_code || ' / ' || s.subject`,
  );
  await session.query(matchExisting(ws));
  await flagIssueRows(session);
}

export async function mergeActivities(ctx: EngineContext) {
  const ws = int(ctx.workspaceId);
  const counts = await mergeFlat(ctx, 'activities', [
    { col: 'customer_id', update: 't.customer_id', insert: 's.customer_id' },
    { col: 'type', update: 't.type', insert: 's.type' },
    { col: 'subject', update: 't.subject', insert: 's.subject' },
    { col: 'occurred_at', update: 't.occurred_at', insert: 's.occurred_at' },
    keep('body'),
    keep('outcome'),
    keep('direction'),
    keep('duration_minutes'),
    keep('next_follow_up_on'),
    {
      col: 'author_id',
      update: 'coalesce(s.author_id, t.author_id)',
      insert: `coalesce(s.author_id, ${int(ctx.actor.userId)})`,
    },
  ]);
  // The new activities' ids, then their contacts.
  await ctx.session.query(`${matchExisting(ws)} and s.existing_id is null and s.contact_id is not null`);
  await ctx.session.query(
    `insert into activity_contacts (workspace_id, activity_id, contact_id)
     select distinct ${ws}, s.existing_id, s.contact_id from ${ROWS} s
      where not s.has_issue and not s.repeat and s.existing_id is not null and s.contact_id is not null
     on conflict do nothing`,
  );
  return counts;
}
