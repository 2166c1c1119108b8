/**
 * Which file column each field is read from: a saved template (field key → header text) first, then the
 * fields' aliases (and the key itself), compared folded (fold.ts). A header feeds one field at most.
 */
import { IMPORT_FIELDS, type ImportEntity, type ImportField } from '../../../../shared/imports/import-fields';
import type { ColumnMapping, ImportMapping, ImportMessage, MappingResult } from '../import.contract';
import { fold } from './fold';

const fieldsOf = (entity: ImportEntity | readonly ImportField[]) =>
  typeof entity === 'string' ? IMPORT_FIELDS[entity] : entity;

/** The names a field answers to, folded: its key first, then its aliases. */
const namesOf = (field: ImportField) => [field.key, ...field.aliases].map(fold);

/** What a mapping leaves out: required fields with no column, headers no field reads. */
function resultOf(
  fields: readonly ImportField[],
  headers: readonly string[],
  mapping: Record<string, number>,
): MappingResult {
  const used = new Set(Object.values(mapping));
  return {
    mapping,
    missing: fields.filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.key),
    extra: headers.filter((_, i) => !used.has(i)),
  };
}

/**
 * The columns for an entity's fields in a file with these headers. A template's header (as written, or
 * folded alike) wins; a template header the file lacks falls back to the aliases.
 */
export function suggestMapping(
  entity: ImportEntity | readonly ImportField[],
  headers: readonly string[],
  template?: ImportMapping,
): MappingResult {
  const fields = fieldsOf(entity);
  const folded = headers.map(fold);
  const taken = new Set<number>();
  const mapping: Record<string, number> = {};
  const take = (key: string, index: number) => {
    mapping[key] = index;
    taken.add(index);
  };
  const free = (match: (i: number) => boolean) => headers.findIndex((_, i) => !taken.has(i) && match(i));

  const known = new Set(fields.map((f) => f.key));
  for (const [key, header] of Object.entries(template ?? {})) {
    if (!known.has(key) || mapping[key] !== undefined) continue;
    let index = free((i) => headers[i] === header);
    if (index < 0) index = free((i) => folded[i] === fold(header));
    if (index >= 0) take(key, index);
  }
  // Each field's own names first (a header that is exactly one field's key or alias), field by field.
  for (const field of fields) {
    if (mapping[field.key] !== undefined) continue;
    for (const name of namesOf(field)) {
      const index = free((i) => folded[i] === name && name !== '');
      if (index >= 0) {
        take(field.key, index);
        break;
      }
    }
  }
  return resultOf(fields, headers, mapping);
}

/**
 * A saved template applied strictly (no aliases): each field key's header must be in the file. Unknown
 * field keys and headers the file lacks are left out (the result's `missing` tells which required ones).
 */
export function mappingFromTemplate(
  entity: ImportEntity | readonly ImportField[],
  headers: readonly string[],
  template: ImportMapping,
): MappingResult {
  const fields = fieldsOf(entity);
  const mapping: Record<string, number> = {};
  for (const field of fields) {
    const header = template[field.key];
    if (header === undefined) continue;
    const index = headers.indexOf(header);
    if (index >= 0 && !Object.values(mapping).includes(index)) mapping[field.key] = index;
  }
  return resultOf(fields, headers, mapping);
}

/** A column mapping as a template to save: field key → the header text it was read from. */
export function templateFromMapping(headers: readonly string[], mapping: ColumnMapping): ImportMapping {
  const template: Record<string, string> = {};
  for (const [key, index] of Object.entries(mapping)) {
    const header = headers[index];
    if (header !== undefined) template[key] = header;
  }
  return template;
}

/**
 * A mapping's gaps as messages (catalog codes `missing_column`, `extra_column`): each required field
 * without a column, with a few headers that would name it, and each header that is not imported.
 */
export function mappingMessages(
  entity: ImportEntity | readonly ImportField[],
  result: Pick<MappingResult, 'missing' | 'extra'>,
): ImportMessage[] {
  const fields = fieldsOf(entity);
  return [
    ...result.missing.map((key) => {
      const field = fields.find((f) => f.key === key);
      const names = [key, ...(field?.aliases ?? []).filter((a) => /\p{Script=Han}/u.test(a)).slice(0, 2)];
      return { code: 'missing_column', params: { field: key, names: names.join(' / ') } };
    }),
    ...result.extra.map((header) => ({ code: 'extra_column', params: { header } })),
  ];
}
