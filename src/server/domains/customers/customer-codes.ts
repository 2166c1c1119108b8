import { expandCodeRule } from '../../../shared/customers/code-rule';

/** The calendar day in the workspace's time zone: a code made at 23:30 in Shanghai carries that day. */
export function localDay(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

export function codeRuleFor(rule: string, at: Date, timeZone: string) {
  return expandCodeRule(rule, localDay(at, timeZone));
}
