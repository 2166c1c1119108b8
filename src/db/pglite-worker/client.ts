import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import { deserializeError, type Reply, type Request } from './protocol';

type Op = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** What Kehu and Drizzle ask of PGlite while serving, COPY from a blob included; dumps use PGlite directly. */
export type PgliteWorkerClient = Pick<PGlite, 'query' | 'exec' | 'describeQuery' | 'transaction'> & {
  close(): Promise<void>;
};

/**
 * Opens the embedded database in `dataDir` on a worker thread and answers with a PGlite look-alike for
 * Drizzle (query with rowMode and Drizzle's raw date parsers, transactions) and for the plan cache
 * (exec, describeQuery). Calls keep PGlite's order: one statement at a time, a transaction excluding others.
 */
export async function startPgliteWorker(dataDir: string): Promise<PgliteWorkerClient> {
  const worker = new Worker(new URL('./boot.mjs', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  let nextId = 1;
  let failure: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });
  worker.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(deserializeError(m.error));
    else p.resolve(m.result);
  });
  const failAll = (err: Error) => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the embedded database thread stopped (exit code ${code})`)));

  const call = <T>(op: Op): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...op, id });
    });
  };

  const query =
    (tx?: number) =>
    <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> =>
      call({
        op: 'query',
        tx,
        text,
        params,
        rowMode: options?.rowMode,
        raw: options?.parsers !== undefined,
        blob: options?.blob,
      });
  const exec = (tx?: number) => (text: string) => call<Results[]>({ op: 'exec', tx, text });

  await ready;
  const client = {
    query: query(),
    exec: exec(),
    describeQuery: (text: string) => call({ op: 'describe', text }),
    async transaction<T>(fn: (tx: unknown) => Promise<T>): Promise<T> {
      const tx = await call<number>({ op: 'begin' });
      let result: T;
      try {
        result = await fn({ query: query(tx), exec: exec(tx), sql: undefined, closed: false });
      } catch (err) {
        await call({ op: 'end', tx, commit: false }).catch(() => {});
        throw err;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      await call({ op: 'close' }).catch(() => {});
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
  return client as unknown as PgliteWorkerClient;
}
