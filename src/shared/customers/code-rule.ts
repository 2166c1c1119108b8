/**
 * Customer code rules such as `C{yyyy}{seq:6}`: literal text, date parts of the creation day
 * ({yyyy}, {yy}, {mm}, {dd}) and a counter ({seq:N}, zero-padded to N digits). The counter restarts
 * for each distinct "period" — the rule's text with the date parts filled in but no counter.
 */
const TOKEN = /\{(yyyy|yy|mm|dd|seq(?::(\d{1,2}))?)\}/g;

export type CodeRuleParts = { period: string; format(seq: number): string };

export function isValidCodeRule(rule: string): boolean {
  const seqs = [...rule.matchAll(TOKEN)].filter((m) => m[1]?.startsWith('seq'));
  return seqs.length === 1 && !/[{}]/.test(rule.replace(TOKEN, ''));
}

export function expandCodeRule(
  rule: string,
  day: { year: number; month: number; day: number },
): CodeRuleParts {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const fillDate = (token: string) =>
    token === 'yyyy'
      ? String(day.year)
      : token === 'yy'
        ? pad(day.year % 100, 2)
        : token === 'mm'
          ? pad(day.month, 2)
          : pad(day.day, 2);
  const period = rule.replace(TOKEN, (_m, token: string) =>
    token.startsWith('seq') ? '{seq}' : fillDate(token),
  );
  return {
    period,
    format: (seq) =>
      rule.replace(TOKEN, (_m, token: string, width?: string) =>
        token.startsWith('seq') ? pad(seq, Number(width ?? 1)) : fillDate(token),
      ),
  };
}
