/**
 * The demo workspace's value-engine setup: product prospects for the demo catalogue's categories (so
 * the product × market matrix has something to show) and a policy per tier, the way a supplier would
 * start: MVCs visited monthly with a dedicated manager, STCs grown by cross-selling, BZs served cheaply.
 * Written only where the workspace has none of its own.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from '../../../shared/analytics/value-settings';
import type { ProductCategory } from './demo.catalog-products';

const PROSPECTS: Record<ProductCategory, number> = {
  阀门: 4,
  泵: 4,
  仪器仪表: 5,
  管道管件: 2,
  电气设备: 4,
  密封件: 3,
  轴承传动: 3,
  化工原料: 2,
  安全防护: 5,
  工业耗材: 1,
};

type DemoPolicy = {
  kind: 'tier' | 'segment';
  key: string;
  visitDays: number | null;
  responseHours: number | null;
  dedicated: boolean;
  maxDiscount: string | null;
  strategy: 'retain' | 'cross_sell' | 'reduce_cost';
};

const POLICIES: readonly DemoPolicy[] = [
  {
    kind: 'tier',
    key: 'MVC',
    visitDays: 30,
    responseHours: 4,
    dedicated: true,
    maxDiscount: '15.00',
    strategy: 'retain',
  },
  {
    kind: 'tier',
    key: 'STC',
    visitDays: 60,
    responseHours: 24,
    dedicated: false,
    maxDiscount: '10.00',
    strategy: 'cross_sell',
  },
  {
    kind: 'tier',
    key: 'BZ',
    visitDays: null,
    responseHours: 72,
    dedicated: false,
    maxDiscount: '0.00',
    strategy: 'reduce_cost',
  },
  {
    kind: 'segment',
    key: 'cant_lose_them',
    visitDays: 14,
    responseHours: 4,
    dedicated: true,
    maxDiscount: null,
    strategy: 'retain',
  },
];

export async function seedDemoValue(db: Db, workspaceId: number): Promise<void> {
  const settings: ValueSettings = { ...DEFAULT_VALUE_SETTINGS, productProspects: PROSPECTS };
  await db.execute(sql`insert into value_settings (workspace_id, settings)
    values (${workspaceId}, ${JSON.stringify(settings)}::jsonb) on conflict (workspace_id) do nothing`);
  for (const p of POLICIES) {
    await db.execute(sql`insert into value_policies (workspace_id, target_kind, target_key, visit_interval_days,
        response_hours, dedicated_manager, max_discount, strategy)
      values (${workspaceId}, ${p.kind}, ${p.key}, ${p.visitDays}, ${p.responseHours}, ${p.dedicated},
        ${p.maxDiscount}, ${p.strategy})
      on conflict (workspace_id, target_kind, target_key) do nothing`);
  }
}
