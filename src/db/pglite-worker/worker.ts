/**
 * The embedded database on a thread of its own. PGlite runs every query on the thread that owns it; on the
 * server's event loop that meant HTTP, JSON and Drizzle waited for the database and the other way round.
 * Here the two overlap on two cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type Reply, type Request, serializeError } from './protocol';

const port = parentPort!;
const identity = (value: string) => value;
// What Drizzle asks for: dates, times and intervals (and their arrays, and numeric[]) as the text PostgreSQL sent.
const RAW_PARSERS = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((t) => [
    t,
    identity,
  ]),
);

const pglite = await PGlite.create({
  dataDir: (workerData as { dataDir: string }).dataDir,
  extensions: { pg_trgm },
});

type OpenTx = { tx: Transaction; end(commit: boolean): void; finished: Promise<void> };
const open = new Map<number, OpenTx>();
let nextTx = 1;

class Rollback extends Error {}

function target(tx: number | undefined): PGlite | Transaction {
  if (tx === undefined) return pglite;
  const t = open.get(tx);
  if (!t) throw new Error(`transaction ${tx} is not open`);
  return t.tx;
}

async function begin(): Promise<number> {
  const id = nextTx++;
  return new Promise((started, failed) => {
    let end!: (commit: boolean) => void;
    const decided = new Promise<boolean>((resolve) => {
      end = resolve;
    });
    const finished = pglite
      .transaction(async (tx) => {
        open.set(id, { tx, end, finished });
        started(id);
        if (!(await decided)) throw new Rollback('rollback');
      })
      .then(
        () => undefined,
        (err) => {
          if (!(err instanceof Rollback)) throw err;
        },
      )
      .finally(() => open.delete(id));
    finished.catch(failed);
  });
}

async function handle(m: Request): Promise<unknown> {
  switch (m.op) {
    case 'query': {
      const res = await target(m.tx).query(m.text, m.params, {
        rowMode: m.rowMode,
        ...(m.blob ? { blob: m.blob } : {}),
        ...(m.raw ? { parsers: RAW_PARSERS } : {}),
      });
      return { rows: res.rows, fields: res.fields, affectedRows: res.affectedRows };
    }
    case 'exec': {
      const res = await target(m.tx).exec(m.text);
      return res.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case 'describe': {
      const d = await pglite.describeQuery(m.text);
      return {
        queryParams: d.queryParams.map((p) => ({ dataTypeID: p.dataTypeID })),
        resultFields: d.resultFields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
      };
    }
    case 'begin':
      return begin();
    case 'end': {
      const t = open.get(m.tx);
      if (!t) throw new Error(`transaction ${m.tx} is not open`);
      t.end(m.commit);
      await t.finished;
      return null;
    }
    case 'close':
      await pglite.close();
      return null;
  }
}

port.on('message', (m: Request) => {
  handle(m).then(
    (result) => port.postMessage({ id: m.id, result } satisfies Reply),
    (err: unknown) => port.postMessage({ id: m.id, error: serializeError(err) } satisfies Reply),
  );
});
port.postMessage({ id: 0, result: 'ready' } satisfies Reply);
