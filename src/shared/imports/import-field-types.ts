/** The import's vocabulary: the importable entities and how a field of a file is described and read. */
export const IMPORT_ENTITIES = ['customers', 'contacts', 'products', 'orders', 'activities'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/**
 * How a cell is read. The reader turns what people write into one canonical text per type, which the
 * engine COPYs into a staging table:
 * - text: trimmed, inner line breaks kept; empty → null.
 * - money: '¥1,234.50', '1 234,50', 'RMB 12', '(12.00)', '-5' → '1234.50' (at most 2 decimals).
 * - decimal: like money with at most 3 decimals (quantities).
 * - integer: '1,200' → '1200'.
 * - date: '2024-03-05', '2024/3/5', '20240305', '2024年3月5日', an Excel serial or date cell → '2024-03-05'.
 * - timestamp: a date, or a date and time, in the workspace time zone → ISO 8601 with its offset.
 * - boolean: 是/否, Y/N, yes/no, true/false, 1/0 → 't' / 'f'.
 * - enum: a canonical value or one of its labels (`values`) → the canonical value.
 * - list: items separated by , ， ; ； | 、 or line breaks → string[] (empty items dropped).
 */
export type ImportFieldType =
  | 'text'
  | 'money'
  | 'decimal'
  | 'integer'
  | 'date'
  | 'timestamp'
  | 'boolean'
  | 'enum'
  | 'list';

export type ImportField = {
  /** The canonical English header, snake_case; also the staging table's column name. */
  key: string;
  type: ImportFieldType;
  required: boolean;
  /** Headers people write, matched after folding case, width, spaces and punctuation. */
  aliases: readonly string[];
  /** enum only: each canonical value with the labels that mean it (Chinese and English). */
  values?: Readonly<Record<string, readonly string[]>>;
  /** text only: the longest value accepted. */
  maxLength?: number;
  /** Checked as the API checks it (list items one by one); the value is kept as the API keeps it. */
  format?: 'taxId' | 'phone' | 'email';
};

/** A saved column mapping: field key → the header (as written in the file) it is read from. */
export type ImportMapping = Readonly<Record<string, string>>;
