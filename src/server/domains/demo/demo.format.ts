/** Exact money and quantity strings, and Asia/Shanghai business days as integers. Pure. */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has had no daylight saving time since 1991

/** Integer cents → "1234.05" (numeric(14,2)); exact, never through floating-point division. */
export function centsToMoney(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`cents must be a safe integer: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const frac = abs % 100;
  return `${sign}${(abs - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

/** Yuan with at most 2 decimals → integer cents. */
export function yuanToCents(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Thousandths of a unit → "12.500" (numeric(14,3)). */
export function milliToQuantity(milli: number): string {
  if (!Number.isSafeInteger(milli) || milli < 0) throw new Error(`bad quantity: ${milli}`);
  const frac = milli % 1000;
  return `${(milli - frac) / 1000}.${String(frac).padStart(3, '0')}`;
}

/** The calendar day in Shanghai of an instant, as days since 1970-01-01. */
export function shanghaiDay(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

type DayInfo = { iso: string; year: number; month: number; day: number };
// Generators ask about the same few thousand days millions of times.
const dayCache = new Map<number, DayInfo>();

function dayInfo(dayNumber: number): DayInfo {
  let info = dayCache.get(dayNumber);
  if (!info) {
    const d = new Date(dayNumber * DAY_MS);
    info = {
      iso: d.toISOString().slice(0, 10),
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
    };
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(dayNumber, info);
  }
  return info;
}

/** A day number → "YYYY-MM-DD". */
export function dayToIso(day: number): string {
  return dayInfo(day).iso;
}

/** Calendar parts of a day number (for code rules and seasonality). */
export function dayParts(day: number): { year: number; month: number; day: number } {
  return dayInfo(day);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** A Shanghai wall-clock time on a day → the instant. */
export function shanghaiInstant(day: number, minuteOfDay: number): Date {
  return new Date(day * DAY_MS + minuteOfDay * 60_000 - SHANGHAI_OFFSET_MS);
}
