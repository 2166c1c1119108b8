/**
 * The load generator: `concurrency` clients, each sending one request after another over keep-alive
 * connections (Node's fetch, undici), first for a warm-up whose samples are dropped, then for a fixed
 * duration or a bounded number of requests, whichever ends first.
 */
import type { Sample } from './stats';

export type Call = {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown /** Default: the scenario */;
  label?: string;
};
export type Answer = { status: number; body: unknown };
export type Send = (call: Call) => Promise<Answer>;

/** One iteration of a client: one or more calls through `send`. */
export type Scenario = { name: string; maxRequests?: number; step(send: Send): Promise<void> };

export type LoadOptions = {
  baseUrl: string;
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  maxRequests: number;
  signal?: AbortSignal;
};

/** The samples of each label (the scenario's name unless a call names another) and the window. */
export type LoadResult = { samples: Map<string, Sample[]>; elapsedMs: number };

const REQUEST_TIMEOUT_MS = 30_000;

async function request(options: LoadOptions, call: Call): Promise<Answer & { ms: number }> {
  const headers = { accept: 'application/json', ...options.headers };
  const init: RequestInit = { method: call.method, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  if (call.body !== undefined) {
    init.body = JSON.stringify(call.body);
    init.headers = { ...headers, 'content-type': 'application/json' };
  }
  const started = performance.now();
  let status = 0;
  let text = '';
  try {
    const res = await fetch(`${options.baseUrl}${call.path}`, init);
    text = await res.text();
    status = res.status;
  } catch {
    status = 0; // refused, reset or timed out
  }
  const ms = performance.now() - started;
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status, body, ms };
}

/** Runs the clients until `until()` says stop; `record` gets every sample. */
async function drive(
  scenario: Scenario,
  options: LoadOptions,
  until: () => boolean,
  record: (label: string, sample: Sample) => void,
): Promise<void> {
  const send: Send = async (call) => {
    const { status, body, ms } = await request(options, call);
    record(call.label ?? scenario.name, { ms, status });
    return { status, body };
  };
  const client = async () => {
    while (!until()) await scenario.step(send);
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
}

export async function runLoad(scenario: Scenario, options: LoadOptions): Promise<LoadResult> {
  const aborted = () => options.signal?.aborted === true;
  const warmupEnd = performance.now() + options.warmupMs;
  await drive(
    scenario,
    options,
    () => aborted() || performance.now() >= warmupEnd,
    () => {},
  );

  const samples = new Map<string, Sample[]>();
  const max = Math.min(options.maxRequests, scenario.maxRequests ?? Number.POSITIVE_INFINITY);
  let sent = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  let last = started;
  await drive(
    scenario,
    options,
    () => aborted() || sent >= max || performance.now() >= end,
    (label, sample) => {
      sent++;
      last = performance.now();
      const list = samples.get(label) ?? [];
      list.push(sample);
      samples.set(label, list);
    },
  );
  return { samples, elapsedMs: last - started };
}
