/** Demo activities of every type, some linked to the customer's contacts, some with follow-up dates. */
import { PRODUCTS, type ProductCategory } from './demo.catalog-products';
import { ACTIVITY_TEXTS, type ActivityType, OUTCOMES } from './demo.catalog-texts';
import type { ActivityBundle, ActivityRow, CustomerPlan, GeneratorContext } from './demo.context';
import { customerPlans } from './demo.context';
import { dayToIso, HOUR_MS, shanghaiInstant, weekday } from './demo.format';
import { customerContacts } from './demo.generator-contacts';
import { HISTORY_DAYS, STREAM } from './demo.plan';
import { pickWeighted, type Rng, rngFor, sample, weighted } from './demo.random';

const TYPES = weighted<ActivityType>([
  ['visit', 18],
  ['call', 28],
  ['email', 16],
  ['letter', 3],
  ['meeting', 7],
  ['web', 5],
  ['wechat', 18],
  ['note', 5],
]);
type Vars = { company: string; category: string; product: string; contact: string; n: string };
type Template = readonly (string | { key: keyof Vars })[];

/** Templates split once into literal text and placeholders, so filling one is a join. */
function compile(template: string): Template {
  return template
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? { key: part.slice(1, -1) as keyof Vars } : part));
}

function fill(template: Template, vars: Vars): string {
  let out = '';
  for (const part of template) out += typeof part === 'string' ? part : vars[part.key];
  return out;
}

const TEXTS = Object.fromEntries(
  Object.entries(ACTIVITY_TEXTS).map(([type, t]) => [
    type,
    { subjects: t.subjects.map(compile), bodies: t.bodies.map(compile) },
  ]),
) as Record<ActivityType, { subjects: Template[]; bodies: Template[] }>;

const WITH_OUTCOME: ReadonlySet<ActivityType> = new Set(['visit', 'call', 'meeting', 'email', 'wechat']);
const productsByCategory = new Map<string, string[]>();
for (const p of PRODUCTS)
  productsByCategory.set(p.category, [...(productsByCategory.get(p.category) ?? []), p.name]);

function direction(rng: Rng, type: ActivityType): ActivityRow['direction'] {
  switch (type) {
    case 'visit':
      return 'outbound';
    case 'call':
      return rng.chance(0.75) ? 'outbound' : 'inbound';
    case 'email':
      return rng.chance(0.6) ? 'outbound' : 'inbound';
    case 'letter':
      return rng.chance(0.9) ? 'outbound' : 'inbound';
    case 'web':
      return 'inbound';
    case 'wechat':
      return rng.chance(0.5) ? 'outbound' : 'inbound';
    default:
      return null;
  }
}

function duration(rng: Rng, type: ActivityType): number | null {
  switch (type) {
    case 'visit':
      return rng.int(3, 16) * 15;
    case 'call':
      return rng.int(2, 30);
    case 'meeting':
      return rng.int(2, 12) * 15;
    case 'wechat':
      return rng.chance(0.3) ? rng.int(5, 20) : null;
    default:
      return null;
  }
}

function authorOf(rng: Rng, ctx: GeneratorContext, plan: CustomerPlan): number {
  const r = rng.next();
  if (r < 0.72) return plan.core.ownerId;
  if (r < 0.92 && ctx.org.service.length > 0) return rng.pick(ctx.org.service).id;
  return plan.core.managerId ?? plan.core.ownerId;
}

/** Instants of a customer's activities, oldest first; weekdays mostly, office hours. */
function instants(rng: Rng, ctx: GeneratorContext, plan: CustomerPlan): number[] {
  const { core } = plan;
  const end =
    core.status === 'lost' ? core.orderTo + 60 : core.status === 'dormant' ? core.orderTo + 120 : ctx.today;
  const to = Math.min(ctx.today, end);
  const from = Math.min(to, Math.max(ctx.today - HISTORY_DAYS, core.createdDay));
  const latest = ctx.now.getTime() - 60_000;
  const out: number[] = [];
  for (let j = 0; j < plan.activityCount; j++) {
    let day = rng.int(from, to);
    if (weekday(day) % 6 === 0 && rng.chance(0.75)) day = rng.int(from, to);
    out.push(Math.min(latest, shanghaiInstant(day, rng.int(510, 1110)).getTime()));
  }
  return out.sort((a, b) => a - b);
}

export function* generateActivities(ctx: GeneratorContext): Generator<ActivityBundle> {
  const nowMs = ctx.now.getTime();
  const { workspaceId } = ctx.org;
  for (const plan of customerPlans(ctx)) {
    if (plan.activityCount === 0) continue;
    const { core } = plan;
    const rng = rngFor(ctx.seed, STREAM.activity, core.index);
    const contacts = customerContacts(ctx, plan).map((c) => ({ id: c.id, name: c.name }));
    const company = core.type === 'individual' ? (contacts[0]?.name ?? '客户') : core.brand[0];
    const categories = Object.keys(core.industry.buys) as ProductCategory[];
    for (const [j, at] of instants(rng, ctx, plan).entries()) {
      const id = plan.activityFirstId + j;
      const type = pickWeighted(rng, TYPES);
      const linked =
        contacts.length > 0 && type !== 'note' && rng.chance(type === 'web' ? 0.3 : 0.7)
          ? sample(rng, contacts, rng.chance(0.85) ? 1 : 2)
          : [];
      const category = rng.pick(categories);
      const vars: Vars = {
        company,
        category,
        product: rng.pick(productsByCategory.get(category) ?? ['产品']),
        contact: linked[0]?.name ?? contacts[0]?.name ?? '对方负责人',
        n: String(rng.int(2, 12)),
      };
      const texts = TEXTS[type];
      const day = Math.floor((at + 8 * HOUR_MS) / 86_400_000);
      const age = ctx.today - day;
      const followUp =
        age <= 14 && rng.chance(0.45)
          ? dayToIso(ctx.today + rng.int(1, 21))
          : age > 14 && age <= 60 && rng.chance(0.06)
            ? dayToIso(ctx.today - rng.int(1, 10))
            : null;
      const authorId = authorOf(rng, ctx, plan);
      const createdAt = new Date(Math.min(nowMs, at + rng.int(0, 120) * 60_000));
      yield {
        activity: {
          workspaceId,
          id,
          customerId: plan.id,
          type,
          direction: direction(rng, type),
          subject: fill(rng.pick(texts.subjects), vars),
          body: rng.chance(0.9) ? fill(rng.pick(texts.bodies), vars) : null,
          outcome: WITH_OUTCOME.has(type) && rng.chance(0.55) ? rng.pick(OUTCOMES) : null,
          occurredAt: new Date(at),
          durationMinutes: duration(rng, type),
          nextFollowUpOn: followUp,
          authorId,
          version: 1,
          createdAt,
          updatedAt: createdAt,
          createdBy: authorId,
        },
        contacts: linked.map((c) => ({ workspaceId, activityId: id, contactId: c.id })),
      };
    }
  }
}
