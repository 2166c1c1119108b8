/** The import reader: a CSV or XLSX file → headers, a column mapping and canonical rows with issues. */
export { type ConvertContext, cellText, convertRow, rowConverter } from './convert-row';
export { fromExcelSerial, instantOfWall, parseDate, parseTimestamp } from './dates';
export { detectEncoding } from './decode';
export { fold } from './fold';
export { columnLetter } from './header';
export { mappingFromTemplate, suggestMapping, templateFromMapping } from './mapping';
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
