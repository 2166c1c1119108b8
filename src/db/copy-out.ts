/**
 * COPY (query) TO STDOUT on the PostgreSQL server, streamed line by line: a million rows arrive as a
 * byte stream that PostgreSQL writes while the caller reads, with none of the driver's per-row message and
 * per-field work (for a 20-column row, more than the query itself). Text format: one line per row,
 * columns split by tabs, NULL as \N, and backslash escapes that unescapeCopyText undoes.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One field of COPY's text format as it was (the caller handles \N, which stands for NULL). */
export function unescapeCopyText(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

/**
 * Calls `onLine` with every line (escapes still in place; split by tab first, then unescape each field)
 * of `copy (sql) to stdout`. A multi-byte character cut between two chunks is kept whole.
 */
export async function copyOutLines(
  client: pg.PoolClient,
  sql: string,
  onLine: (line: string) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let rest = '';
  const take = (text: string) => {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      onLine(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  };
  await pipeline(
    client.query(copyStreams.to(`copy (${sql}) to stdout`)),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        try {
          take(rest + decoder.decode(chunk, { stream: true }));
          done();
        } catch (err) {
          done(err as Error);
        }
      },
      final(done) {
        take(rest + decoder.decode());
        if (rest) onLine(rest);
        done();
      },
    }),
  );
}
