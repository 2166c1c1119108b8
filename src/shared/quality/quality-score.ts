import { customFieldKey, type ProfileField, type RequiredField } from './quality-fields';

/** What scoring needs to know of one customer (the profile's values and its live contacts). */
export type CustomerFacts = {
  shortName: string | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  taxId: string | null;
  employees: number | null;
  revenueBand: string | null;
  creditRating: string | null;
  source: string | null;
  ownerId: number | null;
  branchId: number | null;
  customFields: Record<string, unknown>;
  contacts: { phones: readonly string[]; email: string | null }[];
  /** The day the customer was created, in the workspace's time zone (YYYY-MM-DD). */
  createdDay: string;
  /** The day of the latest activity or order, in the workspace's time zone; null when none. */
  lastTouchDay: string | null;
};

/** Why a customer is suspected (the duplicates engine's signs): shared tax ID, phone, e-mail; similar name. */
export const DUPLICATE_REASONS = ['taxId', 'phone', 'email', 'name'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
export type Problem = 'incomplete' | 'stale' | 'duplicate';

export type QualityRules = { requiredFields: readonly RequiredField[]; staleDays: number };

export type CustomerScore = {
  required: number;
  filled: number;
  /** filled / required, 1 when nothing is required. */
  completeness: number;
  missing: RequiredField[];
  stale: boolean;
  lastTouchDay: string | null;
  /** Whole days from the last touch (or creation, when never touched) to today. */
  daysSinceTouch: number;
  duplicate: boolean;
  duplicateReasons: DuplicateReason[];
  problems: Problem[];
};

/**
 * Text counts as filled when it holds a character other than white space (ASCII, or the ideographic
 * space U+3000 a Chinese keyboard types); the SQL twin uses the same class (quality.fields.sql.ts).
 */
const NOT_BLANK = /[^ \t\n\r\f\v\u3000]/;
const hasText = (v: string | null | undefined) => typeof v === 'string' && NOT_BLANK.test(v);

const PROFILE_RULES: Record<ProfileField, (f: CustomerFacts) => boolean> = {
  shortName: (f) => hasText(f.shortName),
  industry: (f) => hasText(f.industry),
  province: (f) => hasText(f.province),
  city: (f) => hasText(f.city),
  address: (f) => hasText(f.address),
  taxId: (f) => hasText(f.taxId),
  employees: (f) => f.employees !== null,
  revenueBand: (f) => hasText(f.revenueBand),
  creditRating: (f) => hasText(f.creditRating),
  source: (f) => hasText(f.source),
  owner: (f) => f.ownerId !== null,
  branch: (f) => f.branchId !== null,
  contact: (f) => f.contacts.length > 0,
  contactPhone: (f) => f.contacts.some((c) => c.phones.some(hasText)),
  contactEmail: (f) => f.contacts.some((c) => hasText(c.email)),
};

export function isFilled(field: RequiredField, facts: CustomerFacts): boolean {
  const key = customFieldKey(field);
  if (key !== null) {
    const v = facts.customFields[key];
    return v !== null && v !== undefined && (typeof v !== 'string' || hasText(v));
  }
  return PROFILE_RULES[field as ProfileField](facts);
}

/** Days from `from` to `to` (both YYYY-MM-DD calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar day `days` before `day` (YYYY-MM-DD). */
export function dayMinus(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The first day that still counts as recent: a customer touched (or created) on it or later is not
 * stale. With N = 90 and today 2026-04-30, a touch on 2026-01-31 (89 days ago) keeps it fresh and one on
 * 2026-01-30 (90 days ago) does not: "no touch in N days".
 */
export const staleCutoffDay = (today: string, staleDays: number) => dayMinus(today, staleDays - 1);

/**
 * A customer's data quality: completeness against the required fields, staleness (no activity or
 * order in N days of the workspace's calendar; a new customer counts from its creation) and the
 * duplicate suspicion found for it.
 */
export function scoreCustomer(
  facts: CustomerFacts,
  rules: QualityRules,
  today: string,
  duplicateReasons: readonly DuplicateReason[] = [],
): CustomerScore {
  const missing = rules.requiredFields.filter((f) => !isFilled(f, facts));
  const required = rules.requiredFields.length;
  const filled = required - missing.length;
  const since =
    facts.lastTouchDay && facts.lastTouchDay > facts.createdDay ? facts.lastTouchDay : facts.createdDay;
  const stale = since < staleCutoffDay(today, rules.staleDays);
  const reasons = DUPLICATE_REASONS.filter((r) => duplicateReasons.includes(r));
  const problems: Problem[] = [];
  if (missing.length > 0) problems.push('incomplete');
  if (stale) problems.push('stale');
  if (reasons.length > 0) problems.push('duplicate');
  return {
    required,
    filled,
    completeness: required === 0 ? 1 : filled / required,
    missing,
    stale,
    lastTouchDay: facts.lastTouchDay,
    daysSinceTouch: daysBetween(since, today),
    duplicate: reasons.length > 0,
    duplicateReasons: reasons,
    problems,
  };
}
