/**
 * `kehu bench import`: 200,000 customers and 1,000,000 order lines (≈ 80 MB of CSV, generated once into
 * bench/data/import/) imported through `kehu import` (reader + engine, one transaction each) into a fresh
 * database, with rows/s and peak RSS; then the same order file loaded by a plain COPY into an
 * unconstrained table as the reference, and the ratio. Then the ceiling (import-copy.ts): that COPY plus
 * one INSERT … SELECT each into the real orders and order_lines, in a transaction rolled back — the best
 * any import into the indexed tables could do — and its ratio to the plain COPY. PGlite always;
 * PostgreSQL when DATABASE_URL is set (a fresh database `kehu_bench_import` on that server). Each step
 * runs in a process of its own (import-step.ts), as `kehu import` does: its peak RSS is that process's,
 * as the OS counts it. KEHU_BENCH_IMPORT_SCALE=0.02 scales customers and order lines (not products) for
 * a quick run, with its own data folder (bench/data/import-0.02/) and database (kehu_bench_import_0_02).
 * Results also go to bench/results/…Z-import-<driver>-<order lines>.json.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDefaultWorkspace } from '../src/db/bootstrap';
import { createDb, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import type { StepRequest, StepResult } from './import-step';

/** KEHU_BENCH_IMPORT_SCALE: a factor on customers and order lines (default 1, the full size). */
function scaleFromEnv(): number {
  const text = process.env.KEHU_BENCH_IMPORT_SCALE ?? '1';
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`KEHU_BENCH_IMPORT_SCALE=${text}: a number > 0`);
  return scale;
}
const SCALE = scaleFromEnv();
/** Each scale has its own data folder and PostgreSQL database: a small run never reuses a full one. */
const SUFFIX = SCALE === 1 ? '' : `-${SCALE}`;
const DATA = fileURLToPath(new URL(`./data/import${SUFFIX}`, import.meta.url));
const DATABASE = `kehu_bench_import${SUFFIX.replace(/[^0-9a-z]/gi, '_')}`;
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));
const CUSTOMERS = Math.max(1, Math.round(200_000 * SCALE));
const ORDER_LINES = Math.max(4, Math.round(1_000_000 * SCALE));
const PRODUCTS = 2_000;
const log = (line: string) => console.error(line);

/** A small deterministic generator (the same files every time). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

async function writeLines(path: string, header: string, count: number, line: (i: number) => string) {
  if (existsSync(`${path}.done`)) return;
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let buffer = '';
  for (let i = 0; i < count; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  createWriteStream(`${path}.done`).end();
}

async function generate() {
  mkdirSync(DATA, { recursive: true });
  const r = lcg(42);
  const cities = ['杭州', '宁波', '上海', '北京', '广州', '深圳', '成都', '武汉'];
  const trades = ['化工', '机械', '电子', '贸易', '建材', '纺织'];
  await writeLines(
    join(DATA, 'products.csv'),
    '产品编码,产品名称,单位,标准价',
    PRODUCTS,
    (i) => `P${i},产品${i},个,${(i % 900) + 10}.00`,
  );
  await writeLines(join(DATA, 'customers.csv'), '客户编码,客户名称,客户类型,状态,城市', CUSTOMERS, (i) => {
    const city = cities[i % cities.length];
    return `C${String(i).padStart(7, '0')},${city}${trades[r(trades.length)]}${i}有限公司,${i % 5 === 0 ? '经销商' : '企业'},活跃,${city}`;
  });
  await writeLines(
    join(DATA, 'orders.csv'),
    'order_no,customer_code,ordered_at,amount,cost,product_code,quantity,unit_price,currency',
    ORDER_LINES,
    (i) => {
      const order = Math.floor(i / 4);
      const customer = String((order * 7919) % CUSTOMERS).padStart(7, '0');
      const day = 1 + (order % 28);
      const qty = 1 + r(20);
      const price = 10 + r(990);
      return `SO${String(order).padStart(8, '0')},C${customer},2024-${String(1 + (order % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')},${qty * price}.00,${Math.floor(qty * price * 0.7)}.50,P${r(PRODUCTS)},${qty},${price}.00,CNY`;
    },
  );
}

const STEP = fileURLToPath(new URL('./import-step.ts', import.meta.url));

/** One step in a child process (stderr passed through); its JSON result line. */
async function inChild(request: StepRequest): Promise<StepResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', STEP, JSON.stringify(request)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const line = out.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`${request.step}: step failed (exit ${code})`);
  return JSON.parse(line) as StepResult;
}

async function freshPostgres(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${DATABASE}`;
  return target.toString();
}

type Figure = { step: string; rows: number; seconds: number; rowsPerS: number; peakRssMb: number };

async function benchDriver(driver: 'pglite' | 'postgres'): Promise<Figure[]> {
  let target: StepRequest['target'];
  let handle: DbHandle;
  if (driver === 'pglite') {
    const dir = join(DATA, 'pglite');
    rmSync(dir, { recursive: true, force: true });
    target = { dataDir: dir };
    handle = await createDb({ dataDir: dir });
  } else {
    target = { databaseUrl: await freshPostgres(process.env.DATABASE_URL as string) };
    handle = await createDb(target);
  }
  try {
    await migrate(handle);
    const workspaceId = await ensureDefaultWorkspace(handle.db);
    await handle.db.execute(
      `insert into users (workspace_id, email, name, role) values (${workspaceId}, 'bench-import@kehu.local', 'bench', 'admin')`,
    );
  } finally {
    await handle.close(); // the steps open the database themselves (PGlite: one process at a time)
  }
  const figures: Figure[] = [];
  const step = async (name: string, request: StepRequest) => {
    log(`${driver}: ${name}`);
    const r = await inChild(request);
    if (!r.ok) throw new Error(`${request.file}: ${request.step} failed`);
    figures.push({
      step: name,
      rows: r.rows,
      seconds: r.seconds,
      rowsPerS: r.rows / r.seconds,
      peakRssMb: r.maxRssMb,
    });
  };
  for (const entity of ['products', 'customers', 'orders'] as const) {
    await step(`import ${entity}`, { target, step: entity, file: join(DATA, `${entity}.csv`) });
  }
  await step('plain COPY orders.csv', { target, step: 'raw-copy', file: join(DATA, 'orders.csv') });
  await step('ceiling: COPY + INSERTs', { target, step: 'ceiling', file: join(DATA, 'orders.csv') });
  return figures;
}

/** rows/s of a ÷ rows/s of b, when both steps ran. */
function ratio(figures: Figure[], a: string, b: string): number | null {
  const x = figures.find((f) => f.step.startsWith(a));
  const y = figures.find((f) => f.step.startsWith(b));
  return x && y ? x.rowsPerS / y.rowsPerS : null;
}

export async function runImportBench(drivers: ('pglite' | 'postgres')[]): Promise<void> {
  await generate();
  const csvMb = statSync(join(DATA, 'orders.csv')).size / 2 ** 20;
  log(`orders.csv: ${csvMb.toFixed(1)} MB, ${ORDER_LINES.toLocaleString('en-US')} lines (scale ${SCALE})`);
  for (const driver of drivers) {
    if (driver === 'postgres' && !process.env.DATABASE_URL) {
      log('postgres: skipped (set DATABASE_URL to a server to benchmark it)');
      continue;
    }
    const startedAt = new Date();
    const load = loadavg();
    const figures = await benchDriver(driver);
    console.log(`\n${driver}`);
    console.log(
      `${'step'.padEnd(26)}${'rows'.padStart(12)}${'seconds'.padStart(10)}${'rows/s'.padStart(12)}${'peak RSS'.padStart(12)}`,
    );
    for (const f of figures) {
      console.log(
        `${f.step.padEnd(26)}${f.rows.toLocaleString('en-US').padStart(12)}${f.seconds.toFixed(1).padStart(10)}${Math.round(f.rowsPerS).toLocaleString('en-US').padStart(12)}${`${f.peakRssMb} MB`.padStart(12)}`,
      );
    }
    const ratios = {
      importVsCopy: ratio(figures, 'import orders', 'plain COPY'),
      ceilingVsCopy: ratio(figures, 'ceiling', 'plain COPY'),
      importVsCeiling: ratio(figures, 'import orders', 'ceiling'),
    };
    const ceilingFigure = figures.find((f) => f.step.startsWith('ceiling'));
    const fixed = (n: number | null) => (n === null ? '–' : n.toFixed(2));
    console.log(
      `import / plain COPY (rows/s): ${fixed(ratios.importVsCopy)}   ceiling: ${Math.round(ceilingFigure?.rowsPerS ?? 0).toLocaleString('en-US')} rows/s, ceiling / plain COPY: ${fixed(ratios.ceilingVsCopy)}   import / ceiling: ${fixed(ratios.importVsCeiling)}`,
    );
    mkdirSync(RESULTS, { recursive: true });
    const file = join(
      RESULTS,
      `${startedAt.toISOString().replace(/[:.]/g, '-').slice(0, 19)}Z-import-${driver}-${ORDER_LINES}.json`,
    );
    const sizes = { scale: SCALE, products: PRODUCTS, customers: CUSTOMERS, orderLines: ORDER_LINES, csvMb };
    const report = { benchmark: 'import', driver, startedAt, loadavg: load, sizes, figures, ratios };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`results: ${file}`);
  }
}
