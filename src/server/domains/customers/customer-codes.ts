import { expandCodeRule } from '../../../shared/customers/code-rule';
import { localDay } from '../../../shared/workspace/local-day';

export { localDay };

export function codeRuleFor(rule: string, at: Date, timeZone: string) {
  return expandCodeRule(rule, localDay(at, timeZone));
}
