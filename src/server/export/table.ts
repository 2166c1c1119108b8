/**
 * A table to export, independent of the file format: typed columns with a header in the user's
 * language, and rows arriving batch by batch (the keyset pages of a list). `csv.ts` and `xlsx.ts` write
 * it; memory holds one batch, never the file.
 */
import type { Locale } from '../../shared/common/locale';

export { EXPORT_FORMATS, type ExportFormat } from '../../shared/exports/export.schema';

/**
 * What a column holds, so each format writes it as what it is:
 * - text: a string (a spreadsheet never reads it as a formula);
 * - integer: a whole number;
 * - money: an exact decimal string with 2 places (numeric(14,2)), a number cell in XLSX with `#,##0.00`;
 * - quantity: an exact decimal string with up to 3 places;
 * - date: a business day `YYYY-MM-DD`, a date cell in XLSX;
 * - datetime: an instant (Date), written as the workspace's local time (a date-time cell in XLSX).
 */
export type ColumnKind = 'text' | 'integer' | 'money' | 'quantity' | 'date' | 'datetime';
export type CellValue = string | number | Date | null | undefined;

export type TableColumn = { header: string; kind: ColumnKind; width?: number };

export type Table = {
  columns: readonly TableColumn[];
  /** Batches of rows, each row one value per column, in the columns' order. */
  batches: AsyncIterable<readonly (readonly CellValue[])[]>;
  /** The workspace's time zone: datetime cells are written as its wall clock. */
  timeZone: string;
  /** The worksheet's name (XLSX). */
  sheetName: string;
};

/** A column definition over some row type, with its header in both languages. */
export type ColumnDef<R, C = undefined> = {
  en: string;
  zh: string;
  kind: ColumnKind;
  width?: number;
  value: (row: R, ctx: C, locale: Locale) => CellValue;
};

/** The typed columns of `defs` with their header in `locale`. */
export const columnsIn = <R, C>(defs: readonly ColumnDef<R, C>[], locale: Locale): TableColumn[] =>
  defs.map((d) => ({ header: locale === 'en' ? d.en : d.zh, kind: d.kind, width: d.width }));

/** One row's values for `defs`. */
export const rowOf = <R, C>(defs: readonly ColumnDef<R, C>[], row: R, ctx: C, locale: Locale) =>
  defs.map((d) => d.value(row, ctx, locale));

/** A label in both languages, read in the user's. */
export type Label = { en: string; zh: string };
export const labelIn = (l: Label | undefined, locale: Locale) => (l ? (locale === 'en' ? l.en : l.zh) : null);

/** An exact decimal as the database prints numeric: optional minus, digits, optional fraction. */
export const DECIMAL = /^-?\d+(?:\.\d+)?$/;
