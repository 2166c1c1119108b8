// The legal form says nothing about the company: people type, and compare, the distinctive part of a name.
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团', '公司'];

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
