import { type CodeRuleParts, expandCodeRule } from '../customers/code-rule';

/** Generated order numbers: SO, the order date, a 4-digit counter that restarts every day. */
export const ORDER_NO_RULE = 'SO{yyyy}{mm}{dd}{seq:4}';

/** The rule filled in for an order date 'YYYY-MM-DD' (the business date, so no time zone applies). */
export function orderNoRule(orderedAt: string, rule: string = ORDER_NO_RULE): CodeRuleParts {
  const [year, month, day] = orderedAt.split('-').map(Number);
  return expandCodeRule(rule, { year: year!, month: month!, day: day! });
}
