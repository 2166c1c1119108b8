/** Builders for value-engine tests: a customer input with every field defaulted. */
import type { CustomerValueInput } from './value.contract';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from './value-settings';

let nextId = 1;

export function customer(p: Partial<CustomerValueInput> & { code: string }): CustomerValueInput {
  const id = nextId++;
  return {
    customerId: id,
    orders: 1,
    purchaseDays: 1,
    firstOrderOn: '2026-01-15',
    lastOrderOn: '2026-01-15',
    revenueCents: 0,
    profitCents: 0,
    firstDayRevenueCents: 0,
    windowPurchaseDays: 1,
    windowRevenueCents: 0,
    windowLastOrderOn: '2026-01-15',
    revenue12mCents: 0,
    profit12mCents: 0,
    activities12m: {},
    monthlyRevenueCents: new Array(12).fill(0),
    budgetCents: null,
    futureOrders: 0,
    factors: {},
    ...p,
  };
}

/** A customer with no order at all. */
export const noOrders = (code: string, p: Partial<CustomerValueInput> = {}): CustomerValueInput =>
  customer({
    code,
    orders: 0,
    purchaseDays: 0,
    firstOrderOn: null,
    lastOrderOn: null,
    windowPurchaseDays: 0,
    windowLastOrderOn: null,
    ...p,
  });

export function settingsWith(p: {
  abc?: Partial<ValueSettings['abc']>;
  tiers?: Partial<ValueSettings['tiers']>;
  rfm?: Partial<ValueSettings['rfm']>;
  costs?: ValueSettings['costs'];
  industryGrowth?: ValueSettings['industryGrowth'];
}): ValueSettings {
  const d = DEFAULT_VALUE_SETTINGS;
  return {
    ...d,
    abc: { ...d.abc, ...p.abc },
    tiers: { ...d.tiers, ...p.tiers },
    rfm: { ...d.rfm, ...p.rfm },
    costs: p.costs ?? d.costs,
    industryGrowth: p.industryGrowth ?? d.industryGrowth,
  };
}
