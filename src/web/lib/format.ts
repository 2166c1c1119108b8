import type { Locale } from '../../shared/common/locale';

/**
 * ¥1,234.50 from a decimal string (money travels as strings; formatting is display only), in yuan
 * unless another ISO 4217 currency is given.
 */
export function formatMoney(amount: string | null | undefined, locale: Locale, currency = 'CNY'): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  }).format(Number(amount));
}

export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '—';
  // A business date (yyyy-mm-dd) is a day, not an instant: shown as is, without a time-zone shift.
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00`)
      : new Date(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

export const formatNumber = (n: number, locale: Locale) => new Intl.NumberFormat(locale).format(n);
