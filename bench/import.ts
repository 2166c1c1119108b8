/**
 * `kehu bench import`: 200,000 customers and 1,000,000 order lines (≈ 80 MB of CSV, generated once into
 * bench/data/import/) imported through `kehu import` (reader + engine, one transaction each) into a fresh
 * database, with rows/s and peak RSS; then the same order file loaded by a plain COPY into an
 * unconstrained table as the reference, and the ratio. PGlite always; PostgreSQL when DATABASE_URL is
 * set (a fresh database `kehu_bench_import` on that server). Each step runs in a process of its own
 * (import-step.ts), as `kehu import` does: its peak RSS is that process's, as the OS counts it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDefaultWorkspace } from '../src/db/bootstrap';
import { createDb, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import type { StepRequest, StepResult } from './import-step';

const DATA = fileURLToPath(new URL('./data/import', import.meta.url));
const CUSTOMERS = 200_000;
const ORDER_LINES = 1_000_000;
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
    await admin.query('drop database if exists kehu_bench_import with (force)');
    await admin.query('create database kehu_bench_import');
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = '/kehu_bench_import';
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
    if (!r.ok) throw new Error(`${request.file}: import failed`);
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
  return figures;
}

export async function runImportBench(drivers: ('pglite' | 'postgres')[]): Promise<void> {
  await generate();
  log(
    `orders.csv: ${(statSync(join(DATA, 'orders.csv')).size / 2 ** 20).toFixed(1)} MB, ${ORDER_LINES.toLocaleString('en-US')} lines`,
  );
  for (const driver of drivers) {
    if (driver === 'postgres' && !process.env.DATABASE_URL) {
      log('postgres: skipped (set DATABASE_URL to a server to benchmark it)');
      continue;
    }
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
    const orders = figures.find((f) => f.step === 'import orders');
    const raw = figures.find((f) => f.step.startsWith('plain COPY'));
    if (orders && raw)
      console.log(`import / plain COPY (rows/s): ${(orders.rowsPerS / raw.rowsPerS).toFixed(2)}`);
  }
}
