/**
 * ISO calendar days (YYYY-MM-DD) as integers, for the value engine's date arithmetic: day numbers count
 * days since 1970-01-01, month numbers count months since January of year 0 (year × 12 + month − 1).
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO day, or NaN when the text is not a real calendar day. */
export function dayNumber(iso: string): number {
  const m = ISO_DAY.exec(iso);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || back.getUTCFullYear() !== year)
    return Number.NaN;
  return ms / 86_400_000;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The day number of a day already known to be a valid ISO day (from the database or dayNumber): no
 * regular expression, no Date, for per-customer use in the engine.
 */
export function trustedDayNumber(iso: string): number {
  // No helper closure here: the CLI runs through tsx, whose keepNames names every closure as it is made
  // (Object.defineProperty), which at a million calls cost more than the arithmetic.
  const year =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    iso.charCodeAt(3) -
    48;
  const month = (iso.charCodeAt(5) - 48) * 10 + iso.charCodeAt(6) - 48;
  return daysFromCivil(year, month, (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48);
}

export const isIsoDay = (text: string): boolean => !Number.isNaN(dayNumber(text));

/** The ISO day of a day number. */
export function isoDay(dayNo: number): string {
  return new Date(dayNo * 86_400_000).toISOString().slice(0, 10);
}

/** year × 12 + month − 1 of an ISO day (no validation: callers pass checked days). */
export function monthNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** The month number of a day number. */
export function monthOfDay(dayNo: number): number {
  const d = new Date(dayNo * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The day number of the first day of a month number. */
export function firstDayOfMonth(monthNo: number): number {
  return Date.UTC(Math.floor(monthNo / 12), monthNo % 12, 1) / 86_400_000;
}

/**
 * The first day of a rolling window of `months` whole calendar months ending with as-of's month
 * (months = 12 and as-of 2026-11-30 → 2025-12-01), the convention of customer_month_metrics.
 */
export function windowStartDay(asOfDay: number, months: number): number {
  return firstDayOfMonth(monthOfDay(asOfDay) - months + 1);
}
