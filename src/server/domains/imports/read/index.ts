/**
 * The import reader: a CSV or XLSX file → headers, a column mapping, and rows of canonical values with
 * their issues. No SQL; the engine (`../engine/`) stages and merges what this hands over.
 *
 *   const table = await openTable({ path }, { sheet });            // ImportFileError if unreadable
 *   const { mapping, missing, extra } = suggestMapping(entity, table.headers, savedTemplate);
 *   for await (const row of convertedRows(table, IMPORT_FIELDS[entity], mapping, { timeZone })) …
 *   formatImportMessage(problemOrIssue, locale, READ_MESSAGES, ENGINE_MESSAGES);
 */
export { type ConvertContext, cellText, convertedRows, convertRow, rowConverter } from './convert-row';
export { fromExcelSerial, instantOfWall, parseDate, parseTimestamp } from './dates';
export { detectEncoding } from './decode';
export { fold } from './fold';
export { columnLetter } from './header';
export { mappingFromTemplate, mappingMessages, suggestMapping, templateFromMapping } from './mapping';
export { type NumberKind, parseNumber } from './numbers';
export { formatOf, openTable, type TableFormat } from './open-table';
export {
  formatImportMessage,
  formatRowIssue,
  type ImportMessageCatalog,
  type ImportMessageText,
  READ_MESSAGES,
  type ReadMessageCode,
} from './read.messages';
