/**
 * The staging side of an import: a TEMP table per import (dropped at commit) with one typed column per
 * field of the entity, filled by COPY in bounded chunks, and a TEMP table of issues. Cell checks that
 * need no database (canonical form, required, length) happen here while the rows stream by; every
 * other check is set-wise SQL over the staging table (validate-*.ts).
 */
import { type BulkSession, type CopyTable, csvField, pgTextArray } from '../../../../db/bulk';
import type { ImportField } from '../../../../shared/imports/import-fields';
import type { ConvertedRow, RowIssue } from '../import.contract';

export const ROWS = 'imp_rows';
export const ISSUES = 'imp_issues';

const SQL_TYPES: Record<ImportField['type'], string> = {
  text: 'text',
  enum: 'text',
  money: 'numeric(14,2)',
  decimal: 'numeric(14,3)',
  integer: 'integer',
  date: 'date',
  timestamp: 'timestamptz',
  boolean: 'boolean',
  list: 'text[]',
};

/** Columns the validation fills in (ids resolved from codes, flags), beside the file's fields. */
export type ExtraColumn = { name: string; type: string; default?: string };

export async function createStaging(
  session: BulkSession,
  fields: readonly ImportField[],
  extra: readonly ExtraColumn[],
): Promise<{ rows: CopyTable; issues: CopyTable }> {
  const columns = [
    'line integer not null',
    'has_issue boolean not null default false',
    // An exact repeat of an earlier row (same key, same contents): not invalid, written once.
    'repeat boolean not null default false',
    ...fields.map((f) => `"${f.key}" ${SQL_TYPES[f.type]}`),
    ...extra.map((c) => `"${c.name}" ${c.type}${c.default ? ` default ${c.default}` : ''}`),
  ];
  await session.query(`create temp table ${ROWS} (${columns.join(', ')}) on commit drop`);
  await session.query(
    `create temp table ${ISSUES} (seq bigserial, line integer not null, col text, code text not null,
       value text, params jsonb, warning boolean not null default false) on commit drop`,
  );
  const keys = ['line', 'has_issue', ...fields.map((f) => f.key)];
  return {
    rows: { name: ROWS, keys, columns: keys },
    issues: { name: ISSUES, keys: [], columns: ['line', 'col', 'code', 'value', 'params'] },
  };
}

// --- canonical values ------------------------------------------------------------------------------

const MONEY = /^-?\d{1,12}(\.\d{1,2})?$/;
const DECIMAL = /^-?\d{1,11}(\.\d{1,3})?$/;
const INTEGER = /^-?\d{1,10}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // From year 100 on, as before (Date.UTC read years below 100 as 19xx, so they never matched).
  return y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap(y) ? 29 : DAYS[mo - 1]!);
}

/** The COPY text of a canonical value, or undefined when the value is not canonical for its type. */
export function stagedValue(field: ImportField, value: string | readonly string[]): string | undefined {
  if (field.type === 'list') {
    const items = Array.isArray(value) ? value : [value as string];
    return pgTextArray(items);
  }
  if (typeof value !== 'string') return undefined;
  switch (field.type) {
    case 'text':
      return value;
    case 'money':
      return MONEY.test(value) ? value : undefined;
    case 'decimal':
      return DECIMAL.test(value) ? value : undefined;
    case 'integer':
      return INTEGER.test(value) && Math.abs(Number(value)) <= 2_147_483_647 ? value : undefined;
    case 'date':
      return validDate(value) ? value : undefined;
    case 'timestamp':
      return TIMESTAMP.test(value) && validDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value))
        ? value
        : undefined;
    case 'boolean':
      if (value === 't' || value === 'true') return 't';
      if (value === 'f' || value === 'false') return 'f';
      return undefined;
    case 'enum':
      return field.values && Object.hasOwn(field.values, value) ? value : undefined;
  }
}

const issueLine = (i: RowIssue) =>
  `${i.line},${csvField(i.column)},${csvField(i.code)},${csvField(i.value)},${csvField(i.params ?? {})}\n`;

/** UTF-8 text of COPY lines, in one growing buffer. */
class CopyBuffer {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  rows = 0;

  add(text: string) {
    const need = this.length + text.length * 3; // at most 3 bytes per UTF-16 unit
    if (need > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length);
    this.rows++;
  }

  /** The bytes so far; the buffer starts again empty (a new one: the bytes taken stay as they are). */
  take(): Uint8Array {
    const bytes = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.length = 0;
    this.rows = 0;
    return bytes;
  }
}

export type StageResult = { rows: number; invalid: number };

/**
 * Streams the rows into staging, `chunkRows` at a time. Reader issues and the cell checks made here
 * land in the issues table (emitted, sorted by line, once validation is done).
 */
export async function stageRows(
  session: BulkSession,
  tables: { rows: CopyTable; issues: CopyTable },
  fields: readonly ImportField[],
  source: AsyncIterable<ConvertedRow>,
  options: { chunkRows: number; columnName(key: string): string; onRows(done: number): void },
): Promise<StageResult> {
  // The chunk's COPY text goes straight into a byte buffer: a line dies young instead of being kept
  // (and so promoted to the old heap) until its chunk has been copied.
  const lines = new CopyBuffer();
  let issues: string[] = [];
  let rows = 0;
  let invalid = 0;
  // One COPY in flight while the next chunk is read and converted: on the PostgreSQL server the two
  // overlap (on PGlite, one thread, they simply alternate).
  let inflight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const [chunk, chunkIssues] = [lines.take(), issues];
    issues = [];
    await inflight;
    inflight = (async () => {
      if (chunk.byteLength > 0) await session.copy(tables.rows, [chunk]);
      if (chunkIssues.length > 0) await session.copy(tables.issues, chunkIssues);
    })();
    inflight.catch(() => {}); // awaited at the next flush or at the end
    options.onRows(rows);
  };
  const columns = fields.map((field) => ({ field, column: options.columnName(field.key) }));
  for await (const row of source) {
    rows++;
    let bad = row.issues.length > 0;
    for (const issue of row.issues) issues.push(issueLine(issue));
    const flagged = bad ? new Set(row.issues.map((i) => i.column)) : undefined;
    let line = '';
    for (const { field, column } of columns) {
      const raw = row.values[field.key];
      let out = '';
      const empty = raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0);
      if (flagged && (flagged.has(column) || flagged.has(field.key))) {
        // The reader has said what is wrong with this cell already.
      } else if (empty) {
        if (field.required) {
          bad = true;
          issues.push(issueLine({ line: row.line, column, value: null, code: 'value_required' }));
        }
      } else {
        const staged = stagedValue(field, raw as string | readonly string[]);
        const text = Array.isArray(raw) ? raw.join(', ') : (raw as string);
        if (staged === undefined) {
          bad = true;
          const params = { type: field.type };
          issues.push(issueLine({ line: row.line, column, value: text, code: 'invalid_value', params }));
        } else if (field.maxLength !== undefined && text.length > field.maxLength) {
          bad = true;
          const params = { max: field.maxLength };
          issues.push(issueLine({ line: row.line, column, value: text, code: 'value_too_long', params }));
        } else {
          out = csvField(staged);
        }
      }
      line += `,${out}`;
    }
    if (bad) invalid++;
    lines.add(`${row.line},${bad ? 't' : 'f'}${line}\n`);
    if (lines.rows >= options.chunkRows) await flush();
  }
  await flush();
  await inflight;
  return { rows, invalid };
}

/**
 * Adds an issue for every staged row `where` holds (SQL over alias s). A `warning` leaves the row valid
 * (flagIssueRows passes it by).
 */
export async function addIssues(
  session: BulkSession,
  spec: {
    col: string | null;
    code: string;
    value: string;
    params?: string;
    from?: string;
    where: string;
    warning?: boolean;
  },
): Promise<void> {
  const params = spec.params ?? `jsonb_build_object('value', ${spec.value})`;
  await session.query(
    `insert into ${ISSUES} (line, col, code, value, params, warning)
     select s.line, ${spec.col === null ? 'null' : `'${spec.col}'`}, '${spec.code}', ${spec.value}, ${params},
            ${spec.warning ? 'true' : 'false'}
       from ${spec.from ?? `${ROWS} s`} where ${spec.where}`,
  );
}

/** Marks every staged row that has an issue (not a mere warning) as invalid. */
export async function flagIssueRows(session: BulkSession): Promise<void> {
  await session.query(
    `update ${ROWS} s set has_issue = true
      where not s.has_issue and s.line in (select i.line from ${ISSUES} i where not i.warning)`,
  );
}

/** Streams the issues to `emit` in line order, a bounded page at a time. */
export async function emitIssues(
  session: BulkSession,
  columnName: (key: string) => string,
  emit: (issue: RowIssue) => void,
  page = 5000,
): Promise<void> {
  let after = { line: -1, seq: '0' };
  for (;;) {
    const batch = await session.query<{
      line: number;
      seq: string;
      col: string | null;
      code: string;
      value: string | null;
      params: Record<string, string | number> | null;
      warning: boolean;
    }>(
      `select line, seq::text as seq, col, code, value, params, warning from ${ISSUES}
        where (line, seq) > ($1::int, $2::bigint) order by line, seq limit ${page}`,
      [after.line, after.seq],
    );
    for (const r of batch) {
      emit({
        line: r.line,
        column: r.col === null ? null : columnName(r.col),
        value: r.value,
        code: r.code,
        ...(r.params && Object.keys(r.params).length > 0 ? { params: r.params } : {}),
        ...(r.warning ? { severity: 'warning' as const } : {}),
      });
    }
    if (batch.length < page) return;
    const last = batch[batch.length - 1]!;
    after = { line: last.line, seq: last.seq };
  }
}
