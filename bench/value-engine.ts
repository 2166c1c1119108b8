/**
 * Times the pure value engine (classifyCustomers) on synthetic customers, without a database:
 *   npx tsx bench/value-engine.ts [customers=1000000] [--shuffled]
 * --shuffled gives the customers their codes in random order (the engine then sorts the codes once;
 * the objects stay in allocation order, as rows read from a database do).
 * Needs about 1.5 GB of heap for a million customers: node --max-old-space-size=3072 --import tsx ….
 * On a shared machine compare the CPU time (all threads, GC helpers included) with the wall time.
 */
import { BUILTIN_MATRICES } from '../src/shared/analytics/builtin-matrices';
import { classifyCustomers } from '../src/shared/analytics/classify';
import { isoDay, trustedDayNumber } from '../src/shared/analytics/days';
import type { CustomerValueInput } from '../src/shared/analytics/value.contract';
import { DEFAULT_VALUE_SETTINGS } from '../src/shared/analytics/value-settings';

const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const shuffled = process.argv.includes('--shuffled');
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const asOf = '2026-11-30';
const asOfDay = trustedDayNumber(asOf);
const bands = ['lt_10m', '10m_50m', '50m_200m', '200m_1b', 'gt_1b'];
const ratings = ['C', 'B', 'BB', 'BBB', 'A', 'AA', 'AAA'];

function makeInputs(): CustomerValueInput[] {
  const codeNo = Int32Array.from({ length: n }, (_, i) => i + 1);
  if (shuffled)
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [codeNo[i], codeNo[j]] = [codeNo[j]!, codeNo[i]!];
    }
  const inputs: CustomerValueInput[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const hasOrders = rand() < 0.85;
    const revenue = hasOrders ? Math.round(rand() ** 3 * 50_000_000) : 0;
    const profit = Math.round(revenue * (rand() * 0.4 - 0.05));
    const last = hasOrders ? asOfDay - Math.floor(rand() * 900) : null;
    const inWindow = last !== null && asOfDay - last < 730;
    const monthly = Array.from({ length: 12 }, () => (hasOrders ? Math.round(rand() * revenue * 0.05) : 0));
    inputs[i] = {
      customerId: i + 1,
      code: `C${String(codeNo[i]).padStart(8, '0')}`,
      orders: hasOrders ? 1 + Math.floor(rand() * 30) : 0,
      purchaseDays: hasOrders ? 1 + Math.floor(rand() * 20) : 0,
      firstOrderOn: last === null ? null : isoDay(last - 400),
      lastOrderOn: last === null ? null : isoDay(last),
      revenueCents: revenue,
      profitCents: profit,
      firstDayRevenueCents: hasOrders ? Math.round(revenue / 10) : 0,
      windowPurchaseDays: inWindow ? 1 + Math.floor(rand() * 20) : 0,
      windowRevenueCents: inWindow ? Math.round(revenue * 0.6) : 0,
      windowLastOrderOn: inWindow && last !== null ? isoDay(last) : null,
      revenue12mCents: Math.round(revenue * 0.3),
      profit12mCents: Math.round(profit * 0.3),
      activities12m: rand() < 0.5 ? { visit: Math.floor(rand() * 3), call: Math.floor(rand() * 10) } : {},
      monthlyRevenueCents: monthly,
      budgetCents: rand() < 0.2 ? revenue : null,
      futureOrders: 0,
      factors: {
        revenue_band: bands[Math.floor(rand() * 5)]!,
        credit_rating: rand() < 0.9 ? ratings[Math.floor(rand() * 7)]! : null,
        product_prospects: 1 + Math.floor(rand() * 5),
      },
    };
  }
  return inputs;
}

const inputs = makeInputs();
for (let round = 1; round <= 3; round++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { summary } = classifyCustomers(inputs, DEFAULT_VALUE_SETTINGS, BUILTIN_MATRICES, asOf);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `round ${round}: ${n.toLocaleString('en')} customers${shuffled ? ' (shuffled codes)' : ''} in ${ms.toFixed(0)} ms` +
      ` (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, all threads)` +
      ` — A ${summary.abc.A.count}, MVC ${summary.tiers.MVC.count}, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
}
