/**
 * A CSV file as an OpenedTable: decoded a chunk at a time (decode.ts), split into records as the text
 * comes (csv-records.ts), the header read at open and the data rows streamed. A row's `line` is its record number (the
 * row a spreadsheet shows: blank lines count, a quoted line break does not start a new row).
 */
import type { Readable } from 'node:stream';
import { CsvError } from 'csv-parse';
import { ImportFileError, type OpenedTable, type OpenOptions, type RawRow } from '../import.contract';
import { csvRecords } from './csv-records';
import { decodeText } from './decode';
import { headerCells, isBlankRow } from './header';

/** The longest record (in characters) before the file is taken to have a runaway quoted field. */
export const MAX_RECORD_CHARS = 1_000_000;

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the header line uses most (outside quotes); a comma when it uses none. */
export function sniffDelimiter(head: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  let best: ',' | ';' | '\t' = ',';
  for (const d of DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}

/** A record and its number (blank lines are records too: csv-parse skips none). */
type Parsed = { record: string[]; line: number };

function fileErrorOf(error: unknown, lastRecord: number): unknown {
  if (!(error instanceof CsvError)) return error;
  // The parser reads ahead of the rows handed out: its own count names the record it failed in.
  const line = (typeof error.records === 'number' ? error.records : lastRecord) + 1;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError({ code: 'unbalanced_quote', line });
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError({ code: 'row_too_large', line, params: { max: MAX_RECORD_CHARS } });
    default:
      return new ImportFileError({ code: 'malformed_csv', line, params: { detail: error.message } });
  }
}

export async function openCsv(bytes: Readable, options: OpenOptions): Promise<OpenedTable> {
  let decoded: Awaited<ReturnType<typeof decodeText>>;
  try {
    decoded = await decodeText(bytes, options.encoding);
  } catch (error) {
    bytes.destroy();
    throw error;
  }
  if (decoded.head.trim() === '') {
    bytes.destroy();
    throw new ImportFileError({ code: 'empty_file' });
  }
  const delimiter = options.delimiter ?? sniffDelimiter(decoded.head);
  const source = csvRecords(decoded.chunks, {
    delimiter,
    relax_column_count: true,
    // A stray quote inside an unquoted field (5" pipe) is text, as spreadsheets read it.
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
  });

  let records = 0;
  let batch: string[][] = [];
  let index = 0;
  const next = async (): Promise<Parsed | undefined> => {
    try {
      while (index >= batch.length) {
        const r = await source.next();
        if (r.done) return undefined;
        batch = r.value;
        index = 0;
      }
      records++;
      return { record: batch[index++]!, line: records };
    } catch (error) {
      throw fileErrorOf(error, records);
    }
  };
  const close = async () => {
    bytes.destroy();
    await source.return(undefined).catch(() => {});
  };

  let header: Parsed | undefined;
  try {
    do header = await next();
    while (header && isBlankRow(header.record));
    if (!header) throw new ImportFileError({ code: 'empty_file' });
  } catch (error) {
    await close();
    throw error;
  }
  const headerLine = header.line;
  let headers: string[];
  try {
    headers = headerCells(header.record, headerLine);
  } catch (error) {
    await close();
    throw error;
  }

  let started = false;
  return {
    format: 'csv',
    get encoding() {
      return decoded.encoding;
    },
    delimiter,
    headers,
    rows(): AsyncIterable<RawRow> {
      if (started) throw new Error('rows() reads the file once');
      started = true;
      return (async function* () {
        try {
          for (let r = await next(); r; r = await next()) {
            if (isBlankRow(r.record)) continue;
            yield { line: r.line, cells: r.record };
          }
        } finally {
          await close();
        }
      })();
    },
    close,
  };
}
