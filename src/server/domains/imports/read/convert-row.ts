/**
 * One file row → the fields' canonical values (see ImportFieldType) and the problems with its cells.
 * Pure: the same row, mapping and time zone give the same result.
 */
import { email, phone, taxId } from '../../../../shared/common/fields';
import type { ImportField } from '../../../../shared/imports/import-fields';
import type {
  Cell,
  ColumnMapping,
  ConvertedRow,
  ImportMessage,
  OpenedTable,
  RawRow,
  RowIssue,
} from '../import.contract';
import { parseDate, parseTimestamp } from './dates';
import { fold } from './fold';
import { numberCellText, parseNumber } from './numbers';

export type ConvertContext = {
  /** The workspace's IANA time zone: timestamps without an offset are its wall clock. */
  timeZone: string;
  /** The file's headers: issues name a column by its header, and cells past the last one are reported. */
  headers?: readonly string[];
};

type Value = string | readonly string[];
type Result = { ok: true; value: Value } | { ok: false; issue: ImportMessage };

const TRUE = new Set(['是', '对', 'y', 'yes', 'true', 't', '1', '√', '✓', '✔', '有效', '启用', '有', 'on']);
const FALSE = new Set([
  '否',
  '错',
  'n',
  'no',
  'false',
  'f',
  '0',
  '×',
  '✗',
  '✘',
  '无效',
  '停用',
  '禁用',
  '无',
  'off',
]);
const LIST_SEPARATORS = /[,，;；|、\r\n]+/;
/** Our CSV exports put an apostrophe before text a spreadsheet would run as a formula; it goes again. */
const DEFUSED = /^'(?=[=+\-@\t\r])/;

/** A cell as the user wrote it (for issues). */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString();
  if (typeof cell === 'number') return numberCellText(cell);
  return String(cell);
}

const isBlank = (cell: Cell | undefined): cell is null | undefined =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** Text a non-text cell stands for in a text field: a date cell's day (or instant), a number as shown. */
function textOf(cell: Exclude<Cell, null>): string {
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof cell === 'number') return numberCellText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const text = cell.indexOf('\r') < 0 ? cell.trim() : cell.replace(/\r\n?/g, '\n').trim();
  return text.charCodeAt(0) === 39 ? text.replace(DEFUSED, '') : text;
}

/** The API's own checks, so an import accepts exactly what a form would (and keeps it as it would). */
const FORMATS = { taxId, phone, email } as const;
const FORMAT_CODES = { taxId: 'invalid_tax_id', phone: 'invalid_phone', email: 'invalid_email' } as const;

const labelMaps = new WeakMap<ImportField, Map<string, string>>();

/** An enum field's values by their folded names and labels (the first value to claim a name keeps it). */
function enumLabels(field: ImportField): Map<string, string> {
  let map = labelMaps.get(field);
  if (!map) {
    map = new Map();
    for (const [value, labels] of Object.entries(field.values ?? {})) {
      for (const name of [value, ...labels]) if (!map.has(fold(name))) map.set(fold(name), value);
    }
    labelMaps.set(field, map);
  }
  return map;
}

function checkFormat(field: ImportField, result: Result): Result {
  if (!field.format || !result.ok) return result;
  const schema = FORMATS[field.format];
  const items = typeof result.value === 'string' ? [result.value] : result.value;
  const checked: string[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (!parsed.success)
      return { ok: false, issue: { code: FORMAT_CODES[field.format], params: { value: item } } };
    checked.push(parsed.data);
  }
  return { ok: true, value: typeof result.value === 'string' ? checked[0]! : checked };
}

function convertCell(field: ImportField, cell: Exclude<Cell, null>, timeZone: string): Result {
  return checkFormat(field, convertType(field, cell, timeZone));
}

function convertType(field: ImportField, cell: Exclude<Cell, null>, timeZone: string): Result {
  switch (field.type) {
    case 'text': {
      const value = textOf(cell);
      // Characters, not UTF-16 units: counted only when the units alone could be too many.
      const length = field.maxLength !== undefined && value.length > field.maxLength ? [...value].length : 0;
      if (field.maxLength !== undefined && length > field.maxLength) {
        return { ok: false, issue: { code: 'too_long', params: { max: field.maxLength, length } } };
      }
      return { ok: true, value };
    }
    case 'money':
    case 'decimal':
    case 'integer':
      if (typeof cell === 'boolean' || cell instanceof Date) {
        return { ok: false, issue: { code: 'not_a_number', params: { kind: field.type } } };
      }
      return parseNumber(typeof cell === 'number' ? cell : textOf(cell), field.type);
    case 'date':
      return parseDate(typeof cell === 'string' ? textOf(cell) : cell);
    case 'timestamp':
      return parseTimestamp(typeof cell === 'string' ? textOf(cell) : cell, timeZone);
    case 'boolean': {
      if (typeof cell === 'boolean') return { ok: true, value: cell ? 't' : 'f' };
      const folded = fold(textOf(cell));
      if (TRUE.has(folded)) return { ok: true, value: 't' };
      if (FALSE.has(folded)) return { ok: true, value: 'f' };
      return { ok: false, issue: { code: 'not_a_boolean' } };
    }
    case 'enum': {
      const value = enumLabels(field).get(fold(textOf(cell)));
      if (value !== undefined) return { ok: true, value };
      const values = Object.entries(field.values ?? {});
      const allowed = values.map(([value]) => value).join(', ');
      const labels = values.map(([value, names]) => names[0] ?? value).join('、');
      return { ok: false, issue: { code: 'unknown_value', params: { allowed, labels } } };
    }
    case 'list': {
      const items = textOf(cell)
        .split(LIST_SEPARATORS)
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return { ok: true, value: items };
    }
  }
}

/**
 * A converter for many rows of one file: the fields and mapping are looked at once. Every issue names
 * the row's line, the column's header, the cell as written, a code and its params.
 */
export function rowConverter(
  fields: readonly ImportField[],
  mapping: ColumnMapping,
  ctx: ConvertContext,
): (raw: RawRow) => ConvertedRow {
  const columns = fields.map((field) => {
    const index = mapping[field.key];
    const column = index === undefined ? field.key : (ctx.headers?.[index] ?? field.key);
    return { field, index, column };
  });
  const width = ctx.headers?.length;
  return (raw) => {
    const values: Record<string, Value | null> = {};
    const issues: RowIssue[] = [];
    for (const { field, index, column } of columns) {
      const cell = index === undefined ? null : raw.cells[index];
      if (isBlank(cell)) {
        values[field.key] = null;
        if (field.required) issues.push({ line: raw.line, column, value: null, code: 'required' });
        continue;
      }
      const result = convertCell(field, cell, ctx.timeZone);
      if (!result.ok) {
        values[field.key] = null;
        issues.push({ line: raw.line, column, value: cellText(cell), ...result.issue });
      } else if (Array.isArray(result.value) && result.value.length === 0) {
        // A list of separators only is no value.
        values[field.key] = null;
        if (field.required) issues.push({ line: raw.line, column, value: cellText(cell), code: 'required' });
      } else {
        values[field.key] = result.value;
      }
    }
    if (width !== undefined && raw.cells.length > width) {
      let found = raw.cells.length;
      while (found > width && isBlank(raw.cells[found - 1])) found--;
      const extra = raw.cells.slice(width, found);
      if (extra.length) {
        issues.push({
          line: raw.line,
          column: null,
          value: extra.map((c) => cellText(c) ?? '').join(' | '),
          code: 'extra_cells',
          params: { expected: width, found },
        });
      }
    }
    return { line: raw.line, values, issues };
  };
}

/** One row; see rowConverter (use that for a whole file). */
export function convertRow(
  fields: readonly ImportField[],
  mapping: ColumnMapping,
  raw: RawRow,
  ctx: ConvertContext,
): ConvertedRow {
  return rowConverter(fields, mapping, ctx)(raw);
}

/** An opened file's rows, converted as they stream (issues name the file's headers). */
export async function* convertedRows(
  table: Pick<OpenedTable, 'headers' | 'rows'>,
  fields: readonly ImportField[],
  mapping: ColumnMapping,
  ctx: Omit<ConvertContext, 'headers'>,
): AsyncGenerator<ConvertedRow> {
  const convert = rowConverter(fields, mapping, { ...ctx, headers: table.headers });
  for await (const raw of table.rows()) yield convert(raw);
}
