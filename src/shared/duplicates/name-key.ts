import { HAN_LEGAL_FORMS, LATIN_LEGAL_FORMS } from '../customers/legal-form';

/**
 * The characters a name key keeps, as one regular-expression class body that JavaScript (`u` flag) and
 * PostgreSQL (ARE) read alike: ASCII digits and lower-case letters, Latin-1/Latin Extended letters,
 * kana, Hangul and the Han ranges of name-windows.ts. Everything else (spaces, punctuation, brackets,
 * symbols) separates words. Explicit ranges rather than [[:alnum:]]: the server's locale must not decide.
 */
export const NAME_KEY_KEEP =
  '0-9a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u3041-\\u3096\\u30a1-\\u30fa\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af';
/** Supplementary Han (extension B onwards): JS writes it \u{…}, PostgreSQL \U000…; same range. */
const SUPPLEMENTARY_JS = '\\u{20000}-\\u{2ffff}';
export const SUPPLEMENTARY_SQL = '\\U00020000-\\U0002ffff';

/** The legal forms at the end of a cleaned name (words separated by one space), one or more of them. */
export const LEGAL_TAIL = `(( (${LATIN_LEGAL_FORMS.join('|')}))|( ?(${HAN_LEGAL_FORMS.join('|')})))+$`;

const SEPARATORS = new RegExp(`[^${NAME_KEY_KEEP}${SUPPLEMENTARY_JS}]+`, 'gu');
const TAIL = new RegExp(LEGAL_TAIL, 'u');
const ASCII_UPPER = /[A-Z]/g;

/**
 * The key two records of one company share (查重), the JavaScript twin of the SQL function
 * `kehu_name_key` behind the generated column `customers.name_key`:
 * 1. NFKC (full-width letters, digits and brackets become half-width), ASCII lower case (only ASCII, so
 *    that no locale's case tables can make the two disagree);
 * 2. every run of other characters (spaces, punctuation, brackets) becomes one space;
 * 3. legal forms at the end are dropped (有限公司, 股份有限公司, Co., Ltd., Inc. …) unless fewer than 2
 *    characters would be left;
 * 4. the spaces are dropped.
 * Leading regions (厦门, 北京市 …) are kept on purpose: without them 北京银行 and 上海银行 would share a key.
 * Trigram similarity of the keys already scores 厦门鹭岛精密机械 against 鹭岛精密机械 well.
 */
export function nameKey(name: string): string {
  const cleaned = name
    .normalize('NFKC')
    .replace(ASCII_UPPER, (c) => c.toLowerCase())
    .replace(SEPARATORS, ' ')
    .trim();
  const stripped = cleaned.replace(TAIL, '').replaceAll(' ', '');
  return [...stripped].length >= 2 ? stripped : cleaned.replaceAll(' ', '');
}
