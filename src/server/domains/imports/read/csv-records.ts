/**
 * CSV text → records, in batches. Most exported files quote nothing: their lines are split here at
 * native speed (about ten times csv-parse's). From the first line that has a quote or a stray line-break
 * character (or is too long), the rest of the file goes to csv-parse with the line ending already found,
 * so every record is what csv-parse alone would have made of the file, errors included (their record
 * numbers count from the file's start).
 */
import { Readable } from 'node:stream';
import { CsvError, type Options, parse } from 'csv-parse';

/** csv-parse's `record_delimiter` as it discovers it: the first line break of the text. */
type LineEnd = '\n' | '\r\n' | '\r';

/** A line the fast path may split: no quote, no line-break character, not too long. */
const plain = (line: string, max: number) =>
  line.length <= max && line.indexOf('"') < 0 && line.indexOf('\r') < 0 && line.indexOf('\n') < 0;

/** The line end the text starts using, once it is known (undefined: not yet; null: a quote came first). */
function lineEndOf(text: string, ended: boolean): LineEnd | null | undefined {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  const at = n < 0 ? r : r < 0 ? n : Math.min(n, r);
  const quote = text.indexOf('"');
  if (quote >= 0 && (at < 0 || quote < at)) return null;
  if (at < 0) return undefined;
  if (text[at] === '\n') return '\n';
  if (at + 1 < text.length) return text[at + 1] === '\n' ? '\r\n' : '\r';
  return ended ? '\r' : undefined;
}

/**
 * The records of `chunks` (the text of a CSV file), a batch at a time. `options` are csv-parse's (the
 * delimiter among them); `maxRecordChars` its max_record_size.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  options: Options & { delimiter: string; max_record_size: number },
): AsyncGenerator<string[][]> {
  const iterator = chunks[Symbol.asyncIterator]();
  const { delimiter, max_record_size: max } = options;
  let lineEnd: LineEnd | null | undefined;
  let rest = '';
  let records = 0;
  let ended = false;
  try {
    while (!ended && lineEnd !== null) {
      const next = await iterator.next();
      if (next.done) ended = true;
      const text = next.done ? rest : rest + next.value;
      if (lineEnd === undefined) {
        lineEnd = lineEndOf(text, ended);
        if (lineEnd === undefined && text.length <= max && !ended) {
          rest = text;
          continue;
        }
        if (!lineEnd) {
          rest = text;
          lineEnd = null;
          break;
        }
      }
      const batch: string[][] = [];
      let start = 0;
      let slow = false;
      for (let end = text.indexOf(lineEnd, start); end >= 0; end = text.indexOf(lineEnd, start)) {
        const line = text.slice(start, end);
        if (!plain(line, max)) {
          slow = true;
          break;
        }
        batch.push(line.split(delimiter));
        start = end + lineEnd.length;
      }
      rest = text.slice(start);
      if (!slow && ended && rest !== '') {
        // The last line, without a line end.
        if (plain(rest, max)) {
          batch.push(rest.split(delimiter));
          rest = '';
        } else slow = true;
      }
      if (!slow && rest.length > max) slow = true;
      records += batch.length;
      if (batch.length > 0) yield batch;
      if (slow) break;
    }
    if (rest === '' && ended) return;
    // The rest of the file (from the start of the line that needs it) goes through csv-parse.
    const parser = parse({ ...options, ...(lineEnd ? { record_delimiter: lineEnd } : {}) });
    async function* remaining() {
      if (rest !== '') yield rest;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    }
    const text = Readable.from(remaining(), { objectMode: false });
    text.on('error', (error) => parser.destroy(error));
    text.pipe(parser);
    try {
      for await (const record of parser as AsyncIterable<string[]>) yield [record];
    } catch (error) {
      // csv-parse numbers the records it made: the ones before it started count too.
      if (error instanceof CsvError && typeof error.records === 'number') error.records += records;
      throw error;
    } finally {
      text.destroy();
      parser.destroy();
    }
  } finally {
    await iterator.return?.();
  }
}
