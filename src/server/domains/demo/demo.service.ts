/**
 * seedDemo: the demo organisation and a deterministic data set, bulk-loaded into an empty workspace.
 *
 * Atomicity: the organisation (branches, teams, users) is created first and idempotently in ordinary
 * statements; all data (products … activity links, code counters, identity sequences) is loaded in ONE
 * transaction, so a failed or interrupted load leaves no customer, order or activity behind — only the
 * organisation, which a rerun reuses. Reserved identity values are not given back (gaps, never clashes).
 * Foreign keys are checked once per constraint after the COPYs rather than per row, and on a fresh
 * database the secondary indexes are built once after the load instead of row by row (demo.loader.ts).
 */

import { ensureDefaultWorkspace } from '../../../db/bootstrap';
import type { DbHandle } from '../../../db/client';
import { type DemoCounts, demoCounts, type IdTable } from './demo.context';
import { demoErrors } from './demo.errors';
import { createDemoGenerator } from './demo.generator';
import {
  bumpIdentity,
  dropSecondaryIndexes,
  type LoadProgress,
  loadGroup,
  recreateIndexes,
  reserveIds,
  skipForeignKeyTriggers,
  tablesEmpty,
  validateForeignKeys,
  withBulkSession,
} from './demo.loader';
import { DEMO_PASSWORD, type DemoUserInfo, defaultSalesPerBranch, ensureDemoOrg } from './demo.org';
import { demoRepository } from './demo.repository';
import {
  activityGroup,
  contactGroup,
  customerGroup,
  DEMO_TABLES,
  type DemoTable,
  orderGroup,
  productGroup,
} from './demo.tables';

export const DEMO_DEFAULT_CUSTOMERS = 2_000;
/** The seed of the published demo: same seed and date, same data. */
export const DEMO_DEFAULT_SEED = 20_240_601;

export type SeedDemoOptions = {
  /** Default 2,000. */
  customers?: number;
  /** Defaults: 3, 10 and 10 per customer. */
  contacts?: number;
  orders?: number;
  activities?: number;
  seed?: number;
  /** The end of the generated history; default the current time. */
  now?: Date;
  /** Default: the first (default) workspace, created when missing. */
  workspaceId?: number;
  /** Default: about one rep per 650 customers, 3 to 40 per branch. */
  salesPerBranch?: number;
  /**
   * Drop the plain secondary indexes during the load and build them afterwards. Default 'auto': only
   * when every demo table is empty in all workspaces (a fresh database), since it locks the tables
   * and the rebuild covers other workspaces' rows too.
   */
  rebuildIndexes?: boolean | 'auto';
  /** Rows per COPY chunk (memory bound); default 50,000. */
  chunkRows?: number;
  onProgress?: (progress: LoadProgress) => void;
};

export type SeedDemoResult = {
  workspaceId: number;
  counts: Record<DemoTable, number>;
  /** Every demo login shares DEMO_PASSWORD. */
  logins: DemoUserInfo[];
  password: string;
  elapsedMs: number;
};

const ID_TABLES: readonly IdTable[] = ['products', 'customers', 'contacts', 'orders', 'activities'];

/** Seeds an empty workspace; refuses (workspace_not_empty) when it already has customers or products. */
export async function seedDemo(handle: DbHandle, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = performance.now();
  const { db } = handle;
  const workspaceId = options.workspaceId ?? (await ensureDefaultWorkspace(db));
  if (await demoRepository.workspaceHasData(db, workspaceId)) {
    throw demoErrors.error('workspace_not_empty', { workspaceId });
  }
  const customers = options.customers ?? DEMO_DEFAULT_CUSTOMERS;
  const sizes = {
    customers,
    contacts: options.contacts,
    orders: options.orders,
    activities: options.activities,
  };
  const planned: DemoCounts = demoCounts(sizes);
  const org = await ensureDemoOrg(db, workspaceId, {
    salesPerBranch: options.salesPerBranch ?? defaultSalesPerBranch(customers),
  });
  const codeRule = await demoRepository.customerCodeRule(db, workspaceId);
  const now = options.now ?? new Date();
  const load = { chunkRows: options.chunkRows, onProgress: options.onProgress };

  const counts = await withBulkSession(handle, async (session) => {
    if (await demoRepository.lockedHasData(session, workspaceId)) {
      throw demoErrors.error('workspace_not_empty', { workspaceId });
    }
    // Per-row foreign-key triggers off (when allowed), then every key checked set-wise before commit.
    const checksDeferred = await skipForeignKeyTriggers(session);
    const rebuild = options.rebuildIndexes ?? 'auto';
    const dropped =
      rebuild === true || (rebuild === 'auto' && (await tablesEmpty(session, DEMO_TABLES)))
        ? await dropSecondaryIndexes(session, DEMO_TABLES)
        : [];
    const idBase: Partial<Record<IdTable, number>> = {};
    for (const table of ID_TABLES) idBase[table] = await reserveIds(session, table, planned[table]);
    const gen = createDemoGenerator({
      ...sizes,
      seed: options.seed ?? DEMO_DEFAULT_SEED,
      now,
      org: org.org,
      idBase,
      codeRule,
    });
    const codeCounters = new Map<string, number>();
    const orderCounters = new Map<string, number>();
    const [products = 0] = await loadGroup(session, productGroup(gen.products(), planned), load);
    const [custs = 0, budgets = 0, team = 0] = await loadGroup(
      session,
      customerGroup(gen.customers(codeCounters), planned),
      load,
    );
    const [contacts = 0] = await loadGroup(session, contactGroup(gen.contacts(), planned), load);
    const [orders = 0, lines = 0] = await loadGroup(
      session,
      orderGroup(gen.orders(orderCounters), planned),
      load,
    );
    const [acts = 0, links = 0] = await loadGroup(session, activityGroup(gen.activities(), planned), load);
    await demoRepository.raiseCodeSequences(session, workspaceId, 'customer', codeCounters);
    await demoRepository.raiseCodeSequences(session, workspaceId, 'order', orderCounters);
    await recreateIndexes(session, dropped, options.onProgress);
    if (checksDeferred) await validateForeignKeys(session, DEMO_TABLES, workspaceId);
    for (const table of ID_TABLES) await bumpIdentity(session, table);
    return {
      products,
      customers: custs,
      customer_budgets: budgets,
      customer_team_members: team,
      contacts,
      orders,
      order_lines: lines,
      activities: acts,
      activity_contacts: links,
    } satisfies Record<DemoTable, number>;
  });
  await demoRepository.analyze(db);
  return {
    workspaceId,
    counts,
    logins: org.users,
    password: DEMO_PASSWORD,
    elapsedMs: Math.round(performance.now() - started),
  };
}
