/**
 * The contract between the import reader (a file → typed, canonical values per row; `read/`) and the
 * import engine (canonical rows → staging table → validated set-wise merge; `engine/`).
 */
import type { Readable } from 'node:stream';
import type { Locale } from '../../../shared/common/locale';
import type { ImportEntity, ImportField, ImportMapping } from '../../../shared/imports/import-fields';

/** A cell as a file gives it: CSV gives text; XLSX may give numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** A data row; `line` is the 1-based row number a spreadsheet shows for it (the header row is 1). */
export type RawRow = { line: number; cells: readonly Cell[] };

export type TableSource = { path: string } | { stream: Readable; fileName: string };

export type OpenOptions = {
  /** XLSX: the sheet to read (default: the only sheet; a workbook with several must name one). */
  sheet?: string;
  /** CSV: forced encoding; detected otherwise (BOM, then valid UTF-8, else GB18030). */
  encoding?: 'utf-8' | 'gb18030';
  /** CSV: forced delimiter; sniffed from the header line otherwise. */
  delimiter?: ',' | ';' | '\t';
};

export type OpenedTable = {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'gb18030';
  delimiter?: string;
  /** XLSX: every sheet's name, for the user to pick from. */
  sheets?: string[];
  sheet?: string;
  headers: string[];
  /** The data rows in file order, streamed (bounded memory); a structural fault throws ImportFileError. */
  rows(): AsyncIterable<RawRow>;
  close(): Promise<void>;
};

/** Which file column (0-based index) each field is read from. */
export type ColumnMapping = Readonly<Record<string, number>>;

export type MappingResult = {
  mapping: ColumnMapping;
  /** Required field keys with no column. */
  missing: string[];
  /** Headers no field reads (ignored and reported). */
  extra: string[];
};

/** A message the user reads, in their language, through the import message catalog. */
export type ImportMessage = { code: string; params?: Readonly<Record<string, string | number>> };

/** One problem with one cell (or a whole row when `column` is null). */
export type RowIssue = ImportMessage & {
  line: number;
  /** The header as written in the file (or the field key when the file has no such column). */
  column: string | null;
  value: string | null;
  /**
   * 'warning': worth telling, but the row stays valid and is written (a look-alike of an existing
   * customer, 查重); absent: a problem that makes the row invalid.
   */
  severity?: 'warning';
};

/** A row's values in canonical text (see ImportFieldType), keyed by field key; absent fields are null. */
export type ConvertedRow = {
  line: number;
  values: Readonly<Record<string, string | readonly string[] | null>>;
  /** Cell-level problems found while reading; a row with any is invalid. */
  issues: readonly RowIssue[];
};

/** A file that cannot be read at all (wrong encoding, unbalanced quote, no header …). */
export class ImportFileError extends Error {
  constructor(
    /** `sheets`: a workbook's sheets, when the problem is which one to read (for the user to pick). */
    readonly problem: ImportMessage & { line?: number; sheets?: readonly string[] },
    message = problem.code,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export type ImportMode = 'dry-run' | 'all-or-nothing' | 'skip-invalid';

export type ImportRequest = {
  workspaceId: number;
  /** The user the import acts as (audit, default owner/author, access). */
  actorId: number;
  entity: ImportEntity;
  mode: ImportMode;
  /** Merge rows that match an existing customer by duplicate detection instead of reporting them. */
  mergeDuplicates?: boolean;
  locale: Locale;
};

export type ImportCounts = {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  /** Valid rows reported as look-alikes of an existing customer or of another row (warnings), not merged. */
  duplicates: number;
  /** Rows merged into the existing customer they resemble (`mergeDuplicates`); counted in updated/unchanged too. */
  merged: number;
  /**
   * New customer rows whose names were not compared with the existing customers (a file with more than
   * NAME_CHECK_MAX_ROWS new customers is matched by tax ID only); 0 normally.
   */
  namesUnchecked: number;
};

export type ImportProgress = { phase: 'read' | 'validate' | 'write'; done: number; total?: number };

export type { ImportEntity, ImportField, ImportMapping };
