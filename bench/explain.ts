/**
 * Why is an endpoint slow? Serves it in-process against a benchmark data set (the server must NOT be
 * running: the embedded database's folder is locked while it runs), records every SQL statement the
 * request runs with its time, and prints EXPLAIN (ANALYZE, BUFFERS) of the slowest reads.
 *
 *   node --import tsx bench/explain.ts --driver pglite --customers 100000 '/api/v1/customers?q=化工&limit=20'
 */
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { buildApp } from '../src/server/app';
import { openTarget, resolveTarget } from './dataset';
import type { BenchDriver } from './report';
import { adminToken } from './workload';

type Statement = { text: string; params: unknown[]; ms: number };
type QueryFn = (query: unknown, params?: unknown[], ...rest: unknown[]) => Promise<unknown>;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    driver: { type: 'string', default: 'pglite' },
    customers: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    plans: { type: 'string', default: '3' },
  },
});
const driver = values.driver as BenchDriver;
const target = await resolveTarget(driver, Number(values.customers));
const ctx = await openTarget(target);
const { handle } = ctx;

let captured: Statement[] | null = null;
const client = (handle.pglite ?? handle.pool) as unknown as { query: QueryFn };
const original = client.query.bind(client) as QueryFn;
client.query = async (query, params, ...rest) => {
  const started = performance.now();
  try {
    return await original(query, params, ...rest);
  } finally {
    // node-postgres takes a config object ({ text, values, name }) as well as (text, values).
    const config =
      typeof query === 'string'
        ? { text: query, values: params }
        : (query as { text: string; values?: unknown[] });
    captured?.push({
      text: config.text,
      params: params ?? config.values ?? [],
      ms: performance.now() - started,
    });
  }
};

async function explain(s: Statement): Promise<string> {
  const text = `explain (analyze, buffers) ${s.text}`;
  const rows = handle.pglite
    ? (await (handle.pglite as PGlite).query<Record<string, string>>(text, s.params)).rows
    : ((await (handle.pool as pg.Pool).query(text, s.params)).rows as Record<string, string>[]);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

const app = await buildApp({ db: handle });
try {
  const token = await adminToken(ctx);
  for (const url of positionals) {
    let statements: Statement[] = [];
    let total = 0;
    let status = 0;
    for (let run = 0; run < Number(values.runs); run++) {
      captured = [];
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      total = performance.now() - started;
      status = res.statusCode;
      statements = captured;
      captured = null;
    }
    console.log(`\n### GET ${url} → ${status} in ${total.toFixed(1)} ms (last of ${values.runs} runs)`);
    for (const s of statements)
      console.log(`  ${s.ms.toFixed(1).padStart(8)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    const slowest = statements
      .filter((s) => /^\s*(select|with)\b/i.test(s.text))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, Number(values.plans));
    for (const s of slowest) {
      console.log(`\n-- ${s.ms.toFixed(1)} ms; params ${JSON.stringify(s.params)}\n${s.text}\n`);
      console.log(await explain(s));
    }
  }
} finally {
  await app.close();
  await ctx.close();
}
