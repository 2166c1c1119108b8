/** A small hand-made base for the value tests, entered through the API (metrics kept by triggers). */
import { and, eq } from 'drizzle-orm';
import { customers } from '../../../db/schema';
import type { TestApp, TestUser } from '../../testing';

export const AS_OF = '2026-06-30';

export type Base = { big: number; small: number; loss: number; idle: number };

/**
 *   big    sales       10 orders of 10,000 (cost 6,000) in 2026; one visit on 2026-05-01   → A, MVC
 *   small  sales2      one order of 1,000 (cost 900)                                    → STC
 *   loss   salesNorth  one order of 500 (cost 800), then no owner                        → BZ
 *   idle   sales       no orders                                                         → STC, no_orders
 */
export async function makeBase(t: TestApp): Promise<Base> {
  const { sales, sales2, salesNorth } = t.fx.users;
  const post = async (user: TestUser, url: string, payload: object) => {
    const res = await t.as(user, { method: 'POST', url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json().id as number;
  };
  const order = (user: TestUser, customerId: number, day: string, price: string, cost: string) =>
    post(user, '/api/v1/orders', {
      customerId,
      orderedAt: day,
      lines: [{ description: '货品', quantity: '1', unitPrice: price, unitCost: cost }],
    });
  const base: Base = {
    big: await post(sales, '/api/v1/customers', { name: '甲大客户', code: 'V-BIG' }),
    small: await post(sales2, '/api/v1/customers', { name: '乙小客户', code: 'V-SMALL' }),
    loss: await post(salesNorth, '/api/v1/customers', { name: '丙亏损客户', code: 'V-LOSS' }),
    idle: await post(sales, '/api/v1/customers', { name: '丁沉睡客户', code: 'V-IDLE' }),
  };
  for (let m = 1; m <= 10; m++)
    await order(sales, base.big, `2026-0${m <= 6 ? m : 6}-${String(m).padStart(2, '0')}`, '10000', '6000');
  await order(sales2, base.small, '2026-04-10', '1000', '900');
  await order(salesNorth, base.loss, '2026-05-10', '500', '800');
  await post(sales, '/api/v1/activities', {
    customerId: base.big,
    type: 'visit',
    subject: '拜访',
    occurredAt: '2026-05-01T10:00:00+08:00',
  });
  await t.db.db
    .update(customers)
    .set({ ownerId: null })
    .where(and(eq(customers.workspaceId, t.fx.workspaceId), eq(customers.id, base.loss)));
  return base;
}
