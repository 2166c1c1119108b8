/**
 * What the reader tells the user, in zh-CN and en: file errors (ImportFileError), cell issues (RowIssue)
 * and the mapping's gaps. Texts take `{param}` placeholders from the message's params. The engine keeps
 * its own catalog of the same shape; `formatImportMessage` reads any number of catalogs, first wins.
 */
import type { Locale } from '../../../../shared/common/locale';
import type { ImportMessage, RowIssue } from '../import.contract';

export type ImportMessageText = { en: string; zh: string };
export type ImportMessageCatalog = Readonly<Record<string, ImportMessageText>>;

export const READ_MESSAGES = {
  // The file
  empty_file: { en: 'The file is empty: it has no header row.', zh: '文件为空：没有表头行。' },
  wrong_encoding: {
    en: 'The file is neither UTF-8 nor GB18030 (GBK) text (line {line}). Save it as “CSV UTF-8” and try again.',
    zh: '文件既不是 UTF-8 也不是 GB18030（GBK）编码（第 {line} 行）。请另存为“CSV UTF-8”后重试。',
  },
  unbalanced_quote: {
    en: 'Row {line} opens a quoted value that is never closed; the file may be cut off or have a stray quote mark.',
    zh: '第 {line} 行的引号没有闭合；文件可能不完整，或其中有多余的引号。',
  },
  row_too_large: {
    en: 'Row {line} is longer than {max} characters; most likely a quote mark is not closed there.',
    zh: '第 {line} 行超过 {max} 个字符；很可能是该处的引号没有闭合。',
  },
  malformed_csv: {
    en: 'Row {line} is not valid CSV: {detail}',
    zh: '第 {line} 行不是有效的 CSV：{detail}',
  },
  blank_header: {
    en: 'Column {column} of the header row (row {line}) has no name; give every column with data a header.',
    zh: '表头（第 {line} 行）的 {column} 列没有名称；请为每个有数据的列填写表头。',
  },
  duplicate_header: {
    en: 'The header “{header}” appears twice (columns {first} and {second}); rename or remove one.',
    zh: '表头“{header}”出现了两次（{first} 列和 {second} 列）；请改名或删除其中一列。',
  },
  choose_sheet: {
    en: 'The workbook has several sheets ({sheets}); choose the one to import.',
    zh: '工作簿有多个工作表（{sheets}），请选择要导入的工作表。',
  },
  unknown_sheet: {
    en: 'The workbook has no sheet “{sheet}”; its sheets are: {sheets}.',
    zh: '工作簿中没有工作表“{sheet}”；现有工作表：{sheets}。',
  },
  not_xlsx: {
    en: 'The file cannot be read as an Excel workbook (.xlsx); it may be damaged.',
    zh: '无法按 Excel 工作簿（.xlsx）读取该文件，文件可能已损坏。',
  },
  xls_not_supported: {
    en: 'Old Excel files (.xls) cannot be read; save it as .xlsx or CSV UTF-8 and try again.',
    zh: '不支持旧版 Excel 文件（.xls）；请另存为 .xlsx 或 CSV UTF-8 后重试。',
  },
  unsupported_format: {
    en: 'Files of type “{ext}” cannot be imported; use CSV or .xlsx.',
    zh: '不支持导入“{ext}”类型的文件；请使用 CSV 或 .xlsx。',
  },
  // The mapping
  missing_column: {
    en: 'No column for the required field “{field}” (a header such as {names}).',
    zh: '缺少必填字段“{field}”对应的列（表头可写作 {names}）。',
  },
  extra_column: {
    en: 'The column “{header}” is not imported.',
    zh: '列“{header}”不会被导入。',
  },
  // A cell
  required: { en: 'A value is required.', zh: '必须填写。' },
  too_long: {
    en: 'Too long: {length} characters, at most {max}.',
    zh: '内容过长：{length} 个字符，最多 {max} 个。',
  },
  not_a_number: { en: 'Not a number.', zh: '不是有效的数字。' },
  invalid_tax_id: {
    en: '“{value}” is not a valid unified social credit code (18 characters with a valid check character).',
    zh: '“{value}”不是有效的统一社会信用代码（18 位，校验位须正确）。',
  },
  invalid_phone: {
    en: '“{value}” is not a phone number (a mobile number, or a landline with its area code).',
    zh: '“{value}”不是有效的电话号码（手机号，或带区号的座机号）。',
  },
  invalid_email: { en: '“{value}” is not an e-mail address.', zh: '“{value}”不是有效的邮箱地址。' },
  not_an_integer: { en: 'Must be a whole number.', zh: '必须是整数。' },
  too_many_decimals: {
    en: 'Too many decimal places (at most {max}).',
    zh: '小数位数过多（最多 {max} 位）。',
  },
  number_too_large: { en: 'The number is too large.', zh: '数值过大。' },
  not_a_date: {
    en: 'Not a date; write it like 2024-03-05 (a time like 2024-03-05 14:30).',
    zh: '不是有效的日期；请写成 2024-03-05 这样的格式（含时间时如 2024-03-05 14:30）。',
  },
  invalid_date: { en: 'No such day in the calendar.', zh: '日历中没有这一天。' },
  invalid_time: { en: 'No such time of day.', zh: '时间无效。' },
  not_a_boolean: { en: 'Write yes or no (Y/N, true/false, 1/0).', zh: '请填写 是/否（或 Y/N、1/0）。' },
  unknown_value: {
    en: 'Not one of the allowed values: {allowed}.',
    zh: '不是允许的取值之一：{labels}（即 {allowed}）。',
  },
  extra_cells: {
    en: 'The row has {found} cells but the header only {expected}; a value may contain an unquoted delimiter.',
    zh: '该行有 {found} 个单元格，而表头只有 {expected} 列；可能有值中含有未加引号的分隔符。',
  },
} as const satisfies ImportMessageCatalog;

export type ReadMessageCode = keyof typeof READ_MESSAGES;

const fill = (text: string, params: ImportMessage['params'] & { line?: number }) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : String(value);
  });

/**
 * A message in the user's language. `line` (a file error's) is a param too. A code no catalog knows
 * shows as itself, so a new code is never a blank message.
 */
export function formatImportMessage(
  message: ImportMessage & { line?: number },
  locale: Locale,
  ...catalogs: ImportMessageCatalog[]
): string {
  const all: ImportMessageCatalog[] = catalogs.length ? catalogs : [READ_MESSAGES];
  const entry = all.map((c) => c[message.code]).find((e) => e !== undefined);
  if (!entry) return message.code;
  const params = { ...message.params, ...(message.line === undefined ? {} : { line: message.line }) };
  return fill(locale === 'en' ? entry.en : entry.zh, params);
}

/** A row issue as one line of a report: where, what was written, and what is wrong. */
export function formatRowIssue(issue: RowIssue, locale: Locale, ...catalogs: ImportMessageCatalog[]): string {
  const text = formatImportMessage(issue, locale, ...catalogs);
  const where =
    locale === 'en'
      ? `Row ${issue.line}${issue.column === null ? '' : `, column “${issue.column}”`}`
      : `第 ${issue.line} 行${issue.column === null ? '' : `，列“${issue.column}”`}`;
  const value = issue.value === null ? '' : locale === 'en' ? ` (“${issue.value}”)` : `（“${issue.value}”）`;
  return locale === 'en' ? `${where}${value}: ${text}` : `${where}${value}：${text}`;
}
