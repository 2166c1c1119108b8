/** Demo contacts: Chinese names, titles, mobile numbers, e-mail and WeChat, one primary per customer. */
import {
  DECISION_MAKER_TITLES,
  EMAIL_DOMAINS_PERSONAL,
  GATEKEEPER_TITLES,
  MOBILE_PREFIXES,
  TITLES,
} from './demo.catalog';
import { GIVEN_CHARS, SURNAMES } from './demo.catalog-names';
import { type ContactRow, type CustomerPlan, customerPlans, type GeneratorContext } from './demo.context';
import { shanghaiInstant } from './demo.format';
import { STREAM } from './demo.plan';
import { pickWeighted, type Rng, rngFor, weighted } from './demo.random';

const surnameTable = weighted(SURNAMES.map(([han, py, w]) => [[han, py] as const, w] as const));
const titleTable = weighted(TITLES.map(([title, dept, w]) => [[title, dept] as const, w] as const));
const ATTITUDES = weighted([
  ['champion', 10],
  ['supporter', 30],
  ['neutral', 40],
  ['skeptic', 15],
  ['opponent', 5],
] as const);
const CONTACT_NOTES = [
  '喜欢喝茶，不抽烟',
  '周一上午开生产例会，不方便联系',
  '对价格非常敏感',
  '技术出身，关注参数细节',
  '采购决策需报集团审批',
  '习惯用微信沟通',
  '新上任，需建立关系',
] as const;

export type PersonName = { name: string; surname: string; given: string; pinyin: [string, string] };

export function personName(rng: Rng): PersonName {
  const [surname, surnamePy] = pickWeighted(rng, surnameTable);
  const a = rng.pick(GIVEN_CHARS);
  const b = rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : null;
  const given = b ? a[0] + b[0] : a[0];
  return { name: surname + given, surname, given, pinyin: [surnamePy, b ? a[1] + b[1] : a[1]] };
}

function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

function contactRow(ctx: GeneratorContext, plan: CustomerPlan, k: number, rng: Rng, own: PersonName | null) {
  const { core } = plan;
  const person = own ?? personName(rng);
  const [title, department] =
    core.type === 'individual'
      ? [null, null]
      : k === 0
        ? rng.chance(0.6)
          ? (['采购经理', '采购部'] as const)
          : (['总经理', '总经办'] as const)
        : pickWeighted(rng, titleTable);
  const phones = [mobile(rng)];
  if (rng.chance(0.15)) phones.push(mobile(rng));
  const [surnamePy, givenPy] = person.pinyin;
  const email =
    core.type !== 'individual' && rng.chance(0.75)
      ? `${givenPy}.${surnamePy}@${core.brand[1]}.com.cn`
      : rng.chance(0.5)
        ? `${rng.int(10_000_000, 2_999_999_999)}@qq.com`
        : `${surnamePy}${givenPy}${rng.int(1, 999)}@${rng.pick(EMAIL_DOMAINS_PERSONAL)}`;
  const wechatKind = rng.next();
  const wechat =
    wechatKind < 0.3 ? phones[0] : wechatKind < 0.65 ? `${surnamePy}${givenPy}_${rng.int(10, 9999)}` : null;
  const decisionRole =
    title === null
      ? 'decision_maker'
      : DECISION_MAKER_TITLES.has(title)
        ? 'decision_maker'
        : GATEKEEPER_TITLES.has(title)
          ? 'gatekeeper'
          : rng.chance(0.5)
            ? 'influencer'
            : 'user';
  const createdDay = Math.min(ctx.today, core.createdDay + (k === 0 ? 0 : rng.int(0, 400)));
  const createdAt = new Date(
    Math.min(ctx.now.getTime(), shanghaiInstant(createdDay, rng.int(510, 1080)).getTime()),
  );
  const row: ContactRow = {
    workspaceId: ctx.org.workspaceId,
    id: plan.contactFirstId + k,
    customerId: plan.id,
    name: person.name,
    title,
    department,
    phones,
    email,
    wechat,
    decisionRole,
    attitude: pickWeighted(rng, ATTITUDES),
    birthday: rng.chance(0.25)
      ? `${rng.int(1965, 1998)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : null,
    isPrimary: k === 0,
    notes: rng.chance(0.08) ? rng.pick(CONTACT_NOTES) : null,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    createdBy: core.ownerId,
  };
  return row;
}

/** The contacts of one customer, as generateContacts yields them. */
export function customerContacts(ctx: GeneratorContext, plan: CustomerPlan): ContactRow[] {
  const rng = rngFor(ctx.seed, STREAM.contact, plan.core.index);
  // An individual customer's first contact is the customer in person.
  const own =
    plan.core.type === 'individual' ? personName(rngFor(ctx.seed, STREAM.customer, plan.core.index)) : null;
  const rows: ContactRow[] = [];
  for (let k = 0; k < plan.contactCount; k++) rows.push(contactRow(ctx, plan, k, rng, k === 0 ? own : null));
  return rows;
}

export function* generateContacts(ctx: GeneratorContext): Generator<ContactRow> {
  for (const plan of customerPlans(ctx)) yield* customerContacts(ctx, plan);
}
