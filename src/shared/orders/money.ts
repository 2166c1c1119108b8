/**
 * Exact decimal arithmetic for money and quantities: a decimal string becomes a scaled BigInt
 * (`{ units: 12345n, scale: 2 }` is 123.45), so products and sums never pass through a float.
 * Rounding is half-up in the commercial sense — halves round away from zero — which is what
 * PostgreSQL's round() does for numeric (round(-0.125, 2) = -0.13).
 */
export type Decimal = { units: bigint; scale: number };

export const MONEY_SCALE = 2;
export const QUANTITY_SCALE = 3;
/** The largest absolute value numeric(14,2) holds, in cents: 999 999 999 999.99. */
export const MONEY_MAX_CENTS = 10n ** 14n - 1n;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses "123.45", "-0.5" or "7"; throws on anything else or on more than `maxScale` decimals. */
export function parseDecimal(text: string, maxScale = 6): Decimal {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ''] = m;
  if (fraction.length > maxScale) throw new RangeError(`more than ${maxScale} decimals: ${text}`);
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, scale: fraction.length };
}

/** The exact product; its scale is the sum of the scales. */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** The value in units of 10^-scale, rounding halves away from zero when decimals are dropped. */
export function rescale(d: Decimal, scale: number): bigint {
  if (d.scale <= scale) return d.units * 10n ** BigInt(scale - d.scale);
  const divisor = 10n ** BigInt(d.scale - scale);
  const negative = d.units < 0n;
  const abs = negative ? -d.units : d.units;
  const quotient = abs / divisor;
  const rounded = (abs % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** Formats units of 10^-scale with exactly `scale` decimals ("-0.50"); never "-0.00". */
export function formatDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const text = scale > 0 ? `${whole}.${digits.slice(digits.length - scale)}` : whole;
  return negative ? `-${text}` : text;
}

export const toCents = (money: string): bigint => rescale(parseDecimal(money, MONEY_SCALE), MONEY_SCALE);
export const formatCents = (cents: bigint): string => formatDecimal(cents, MONEY_SCALE);

/** quantity × unit price (or cost), rounded half-up to cents, in cents. */
export function lineCents(quantity: string, unitPrice: string): bigint {
  return rescale(
    multiply(parseDecimal(quantity, QUANTITY_SCALE), parseDecimal(unitPrice, MONEY_SCALE)),
    MONEY_SCALE,
  );
}

/** quantity × unit price as a money string with two decimals. */
export const lineAmount = (quantity: string, unitPrice: string): string =>
  formatCents(lineCents(quantity, unitPrice));

/** The exact sum of money strings, with two decimals. */
export function sumMoney(values: readonly string[]): string {
  return formatCents(values.reduce((acc, v) => acc + toCents(v), 0n));
}

/** Does the amount fit numeric(14,2)? */
export const fitsMoney = (cents: bigint): boolean => cents <= MONEY_MAX_CENTS && cents >= -MONEY_MAX_CENTS;
