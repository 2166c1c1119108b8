import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../../db/schema';

/**
 * Not data worth keeping: sessions expire anyway (after a restore everyone signs in again), and derived
 * tables: the customers' name windows (the triggers on customers rebuild them as the customers are
 * restored) and the per-customer metrics (the triggers on orders and activities rebuild them likewise).
 */
export const SKIPPED_TABLES: readonly string[] = [
  'sessions',
  'customer_name_windows',
  'customer_metrics',
  'customer_order_days',
  'customer_month_metrics',
];

export type TablePlan = {
  name: string;
  /** Columns written to the backup (generated columns are left out: the database computes them). */
  columns: string[];
  /** The primary key: the order rows are dumped in and the keyset the dump is chunked by. */
  key: string[];
  /**
   * Columns of foreign keys that point back into the same table (customers.parent_id). They are
   * restored after every row is in, so a parent may come later than its child.
   */
  selfRefs: string[];
  /** The identity column whose sequence is bumped after a restore. */
  identity: string | null;
  /** Tables this one references (foreign keys), other than itself. */
  deps: string[];
};

function planOf(table: PgTable): TablePlan {
  const cfg = getTableConfig(table);
  const columns = cfg.columns.filter((c) => !c.generated).map((c) => c.name);
  const key =
    cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? cfg.columns.filter((c) => c.primary).map((c) => c.name);
  if (key.length === 0) throw new Error(`Table ${cfg.name} has no primary key; the backup cannot chunk it`);
  const deps = new Set<string>();
  const selfRefs = new Set<string>();
  for (const fk of cfg.foreignKeys) {
    const ref = fk.reference();
    const target = getTableConfig(ref.foreignTable).name;
    if (target !== cfg.name) deps.add(target);
    else for (const c of ref.columns) if (!key.includes(c.name)) selfRefs.add(c.name);
  }
  const identity = cfg.columns.find((c) => c.generatedIdentity)?.name ?? null;
  return { name: cfg.name, columns, key, selfRefs: [...selfRefs], identity, deps: [...deps].sort() };
}

/** Every Drizzle table, in an order where each comes after the tables it references. */
export function allTablePlans(): TablePlan[] {
  const plans = new Map<string, TablePlan>();
  for (const value of Object.values(schema)) {
    if (is(value, PgTable)) {
      const plan = planOf(value);
      plans.set(plan.name, plan);
    }
  }
  const ordered: TablePlan[] = [];
  const placed = new Set<string>();
  const remaining = [...plans.values()].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const i = remaining.findIndex((p) => p.deps.every((d) => placed.has(d) || !plans.has(d)));
    if (i < 0) throw new Error(`Foreign keys form a cycle among ${remaining.map((p) => p.name).join(', ')}`);
    const [next] = remaining.splice(i, 1);
    ordered.push(next!);
    placed.add(next!.name);
  }
  return ordered;
}

/** The tables a backup holds, in foreign-key order. */
export function backupTablePlans(): TablePlan[] {
  return allTablePlans().filter((p) => !SKIPPED_TABLES.includes(p.name));
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const identList = (names: readonly string[]) => names.map(ident).join(', ');
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
