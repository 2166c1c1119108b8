import { expandCodeRule, isValidCodeRule } from '../customers/code-rule';
import { localDay } from './local-day';

/** The longest customer code a rule may make (with its counter at its padded width). */
export const MAX_CUSTOMER_CODE_LENGTH = 40;

/**
 * A customer code rule the workspace may use: the shared rule grammar (exactly one {seq} or {seq:N},
 * date parts {yyyy} {yy} {mm} {dd}, no other braces), no spaces, and codes of a sensible length.
 */
export function isValidCustomerCodeRule(rule: string): boolean {
  if (rule.length === 0 || rule.length > 60 || /\s/.test(rule) || !isValidCodeRule(rule)) return false;
  const longest = expandCodeRule(rule, { year: 2099, month: 12, day: 31 }).format(1);
  return longest.length <= MAX_CUSTOMER_CODE_LENGTH;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/** An IANA time zone name (Asia/Shanghai, UTC, Etc/GMT-8); offsets such as +08:00 are not zones. */
export function isValidTimeZone(name: string): boolean {
  if (name.length > 64 || !ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone's name as the time zone database spells it (asia/shanghai → Asia/Shanghai). */
export function canonicalTimeZone(name: string): string {
  const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

/** Where the customer code counter of the saved rule stands: its period today, and the next number. */
export type CodeCounter = { period: string; next: number };

/**
 * The code the next new customer would get under `rule`, today in `timeZone`: the saved rule's counter
 * goes on where it stands; a rule with another period (other text or date parts) starts at 1. (A code
 * given by hand in the same shape is skipped at creation, so the real code can be a later one.)
 * Null for a rule or zone that is not valid.
 */
export function previewCustomerCode(
  rule: string,
  timeZone: string,
  counter: CodeCounter,
  at: Date = new Date(),
): string | null {
  if (!isValidCustomerCodeRule(rule) || !isValidTimeZone(timeZone)) return null;
  const parts = expandCodeRule(rule, localDay(at, timeZone));
  return parts.format(parts.period === counter.period ? counter.next : 1);
}
