import { type Cell, ImportFileError } from '../import.contract';

const isBlank = (cell: Cell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A row with no value in any cell (a blank line, or only delimiters). */
export const isBlankRow = (cells: readonly Cell[]) => cells.every(isBlank);

/** The text a header cell shows. */
export const headerText = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();

/**
 * The header row's names, trimmed. Blank names are dropped at the end (spreadsheets leave empty columns
 * there); a blank one before a named one is `blank_header`, and a name given twice `duplicate_header`.
 */
export function headerCells(cells: readonly Cell[], line: number): string[] {
  const names = cells.map(headerText);
  while (names.length && names[names.length - 1] === '') names.pop();
  const seen = new Map<string, number>();
  for (const [index, name] of names.entries()) {
    if (name === '') {
      throw new ImportFileError({ code: 'blank_header', line, params: { column: columnLetter(index) } });
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new ImportFileError({
        code: 'duplicate_header',
        line,
        params: { header: name, first: columnLetter(earlier), second: columnLetter(index) },
      });
    }
    seen.set(name, index);
  }
  return names;
}

/** A 0-based column index as a spreadsheet names it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
