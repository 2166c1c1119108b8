// The legal form says nothing about the company: people type, and compare, the distinctive part of a name.
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团', '公司'];

/**
 * Legal forms stripped from the end of a name's key for 查重 (`nameKey` in src/shared/duplicates and the
 * SQL function `kehu_name_key`, which spells the same lists: a test checks that both agree). Chinese
 * forms may follow the name directly; Latin forms must be whole words (`co` ends "Acme Co", not "Costco").
 * Several may follow each other ("集团股份有限公司", "Co., Ltd."). A branch (…有限公司福清分公司) loses only
 * its final 公司 and keeps the words that tell it from its head office.
 */
export const HAN_LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '总公司',
  '集团',
  '公司',
  '股份',
] as const;
export const LATIN_LEGAL_FORMS = [
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'lp',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'pte',
  'pty',
  'kk',
  'group',
  'holdings',
] as const;

/** The name without its legal form (有限公司 …); null when less than 2 characters would be left. */
export function distinctivePart(name: string): string | null {
  const form = LEGAL_FORMS.find((f) => name.endsWith(f));
  const rest = form ? name.slice(0, -form.length) : name;
  return [...rest].length >= 2 ? rest : null;
}

/** The name without its legal form (有限公司 …), unless that would leave less than 2 characters. */
export function stripLegalForm(name: string): string {
  return distinctivePart(name) ?? name;
}
