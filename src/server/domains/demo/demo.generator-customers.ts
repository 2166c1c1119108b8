/** Demo customers, with their budgets and account-team members. */

import { expandCodeRule } from '../../../shared/customers/code-rule';
import { REVENUE_BANDS } from '../../../shared/customers/customer.schema';
import { unifiedCreditCodeCheckChar } from '../../../shared/customers/tax-id';
import { CREDIT_RATINGS, DEALER_SUFFIXES, ENTERPRISE_SUFFIXES, SOURCES, TAGS } from './demo.catalog';
import { ROADS, ZONES } from './demo.catalog-places';
import type { ProductCategory } from './demo.catalog-products';
import {
  type CustomerBudgetRow,
  type CustomerBundle,
  type CustomerPlan,
  customerPlans,
  type GeneratorContext,
} from './demo.context';
import { centsToMoney, dayParts, shanghaiInstant } from './demo.format';
import { personName } from './demo.generator-contacts';
import { meanOrderCents } from './demo.generator-orders';
import { type CustomerCore, customerCore, HISTORY_DAYS, STREAM } from './demo.plan';
import { hash32, pickWeighted, type Rng, rngFor, sample, weighted } from './demo.random';

const enterpriseSuffixes = weighted(ENTERPRISE_SUFFIXES);
const dealerSuffixes = weighted(DEALER_SUFFIXES);
const sourceTable = weighted(SOURCES);
const OWNERSHIP = weighted([
  ['国企', 25],
  ['民企', 60],
  ['外资', 8],
  ['', 7],
] as const);
const OTHER_TAGS = TAGS.filter(([t]) => !['国企', '民企', '外资', '重点客户'].includes(t)).map(([t]) => t);
/** An 18-character 统一社会信用代码 with valid check characters, unique per customer index. */
function taxIdOf(ctx: GeneratorContext, core: CustomerCore): string {
  // index ↦ (a·index + b) mod 10^8 is a bijection (a is coprime to 10^8): unique for 10^8 customers.
  const scrambled =
    (core.index * 7_654_321 + (hash32(ctx.seed, STREAM.customer) % 100_000_000)) % 100_000_000;
  const org8 = String(scrambled).padStart(8, '0');
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(org8[i]) * (weights[i] as number);
  const c9 = 11 - (sum % 11);
  const org9 = org8 + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)); // GB 11714 organisation code
  const first17 = `91${core.city.code}${org9}`;
  return first17 + unifiedCreditCodeCheckChar(first17);
}

function companyName(rng: Rng, core: CustomerCore, parent: CustomerCore | null) {
  const word = rng.pick(core.industry.words);
  const place = core.city.short;
  const brand = core.brand[0];
  if (core.type === 'dealer') {
    return { name: `${place}${brand}${word}${pickWeighted(rng, dealerSuffixes)}`, short: `${brand}${word}` };
  }
  if (core.isGroupHead) {
    return {
      name: `${place}${brand}${word}${rng.chance(0.6) ? '集团有限公司' : '股份有限公司'}`,
      short: `${brand}集团`,
    };
  }
  if (parent) return { name: `${brand}${word}（${place}）有限公司`, short: `${brand}${place}` };
  return {
    name: `${place}${brand}${word}${pickWeighted(rng, enterpriseSuffixes)}`,
    short: `${brand}${word}`,
  };
}

function revenueBand(core: CustomerCore): string | null {
  if (core.type === 'individual') return null;
  const s = core.size * (core.type === 'dealer' ? 0.5 : 1);
  // The API's band keys (营收规模 lt_10m … gt_1b), which the size × credit matrix reads.
  const i = s < 0.3 ? 0 : s < 1 ? 1 : s < 4 ? 2 : s < 20 ? 3 : 4;
  return REVENUE_BANDS[i] as string;
}

function creditRating(rng: Rng, core: CustomerCore): string | null {
  if (core.type === 'individual') return null;
  const score =
    Math.log(core.size) * 0.8 + rng.normal() - (core.lossMaking ? 1 : 0) - (core.status === 'lost' ? 0.7 : 0);
  const i =
    score > 2
      ? 0
      : score > 1
        ? 1
        : score > 0
          ? 2
          : score > -0.8
            ? 3
            : score > -1.6
              ? 4
              : score > -2.4
                ? 5
                : 6;
  return CREDIT_RATINGS[i] as string;
}

function tagsOf(rng: Rng, core: CustomerCore): string[] {
  const tags: string[] = [];
  if (core.type === 'enterprise') {
    const ownership = pickWeighted(rng, OWNERSHIP);
    if (ownership) tags.push(ownership);
  }
  if (core.size > 6 && core.status === 'active') tags.push('重点客户');
  if (core.isGroupHead) tags.push('集团客户');
  tags.push(...sample(rng, OTHER_TAGS, rng.int(0, 2)));
  return tags;
}

function budgets(rng: Rng, ctx: GeneratorContext, plan: CustomerPlan): CustomerBudgetRow[] {
  const { core } = plan;
  if (core.type === 'individual' || core.status !== 'active' || !rng.chance(0.3)) return [];
  const years = Math.max(0.5, (core.orderTo - core.orderFrom) / 365);
  const annual = (Math.max(1, plan.orderCount) * meanOrderCents(core)) / years;
  const wallet = annual * (1.3 + rng.next() * 1.7);
  const entries = Object.entries(core.industry.buys) as [ProductCategory, number][];
  const chosen = sample(rng, entries, rng.int(2, Math.min(4, entries.length)));
  const weightSum = chosen.reduce((s, [, w]) => s + w, 0);
  return chosen.map(([category, w]) => ({
    workspaceId: ctx.org.workspaceId,
    customerId: plan.id,
    category,
    // Estimates are round numbers: whole thousands of yuan.
    amount: centsToMoney(Math.max(1, Math.round((wallet * w) / weightSum / 100_000)) * 100_000),
  }));
}

/** Customers in id order; `counters` receives the code counter per code-rule period as codes are given. */
export function* generateCustomers(
  ctx: GeneratorContext,
  counters = new Map<string, number>(),
): Generator<CustomerBundle> {
  const { workspaceId } = ctx.org;
  for (const plan of customerPlans(ctx)) {
    const { core } = plan;
    const rng = rngFor(ctx.seed, STREAM.customer, core.index);
    const person = core.type === 'individual' ? personName(rng) : null;
    const parent = core.parentIndex === null ? null : customerCore(ctx, core.parentIndex);
    const names = person ? { name: person.name, short: null } : companyName(rng, core, parent);
    const rule = expandCodeRule(ctx.codeRule, dayParts(core.createdDay));
    const seq = (counters.get(rule.period) ?? 0) + 1;
    counters.set(rule.period, seq);
    const code = rule.format(seq);
    const createdAt = shanghaiInstant(core.createdDay, rng.int(510, 1080));
    const updatedAt = new Date(
      Math.min(
        ctx.now.getTime(),
        createdAt.getTime() + rng.next() * (ctx.now.getTime() - createdAt.getTime()),
      ),
    );
    const employees =
      core.type === 'enterprise'
        ? Math.max(8, Math.min(200_000, Math.round(40 * core.size ** 0.8 * (0.6 + rng.next() * 0.8))))
        : core.type === 'dealer'
          ? rng.int(3, 80)
          : null;
    yield {
      customer: {
        workspaceId,
        id: plan.id,
        code,
        name: names.name,
        shortName: names.short,
        type: core.type,
        industry: core.type === 'individual' ? null : core.industry.zh,
        province: core.province.name,
        city: core.city.name,
        address: `${core.province.name}${core.city.name}${rng.pick(ZONES)}${rng.pick(ROADS)}${rng.int(1, 999)}号`,
        taxId: core.type === 'individual' ? null : taxIdOf(ctx, core),
        employees,
        revenueBand: revenueBand(core),
        creditRating: creditRating(rng, core),
        status: core.status,
        ownerId: core.ownerId,
        branchId: core.branchId,
        source: pickWeighted(rng, sourceTable),
        tags: tagsOf(rng, core),
        parentId: core.parentIndex === null ? null : ctx.idBase.customers + core.parentIndex + 1,
        version: 1,
        createdAt,
        updatedAt,
        createdBy: core.ownerId,
      },
      budgets: budgets(rng, ctx, plan),
      team: teamOf(rng, ctx, plan),
    };
  }
}

function teamOf(rng: Rng, ctx: GeneratorContext, plan: CustomerPlan) {
  const team: CustomerBundle['team'] = [];
  const { core } = plan;
  const { workspaceId } = ctx.org;
  const customerId = plan.id;
  const createdAt = shanghaiInstant(Math.max(core.createdDay, ctx.today - HISTORY_DAYS), 600);
  if (ctx.org.service.length > 0 && core.status !== 'prospect' && rng.chance(0.3)) {
    team.push({ workspaceId, customerId, userId: rng.pick(ctx.org.service).id, role: 'service', createdAt });
  }
  if (core.managerId !== null && core.managerId !== core.ownerId && core.size > 6) {
    team.push({ workspaceId, customerId, userId: core.managerId, role: 'manager', createdAt });
  }
  return team;
}
