/**
 * Numbers as people write them in a Chinese (or European) spreadsheet → exact decimal text, never a
 * float: `¥1,234.50`, `￥1,234.50`, `1 234,50`, `1.234,50`, `RMB 12`, `12元`, `(12.00)`, `-5`.
 * A comma alone is a decimal comma when one comma is followed by one or two digits (`12,5`), else a
 * thousands separator (`1,234`); with both comma and point the last one is the decimal mark.
 */
import type { ImportMessage } from '../import.contract';
import { normalized } from './fold';

export type NumberKind = 'money' | 'decimal' | 'integer';

type Limits = { decimals: number; digits: number };
/** numeric(14,2), numeric(14,3), and a 32-bit integer's digits (checked exactly below). */
const LIMITS: Record<NumberKind, Limits> = {
  money: { decimals: 2, digits: 12 },
  decimal: { decimals: 3, digits: 11 },
  integer: { decimals: 0, digits: 10 },
};
const INT_MAX = 2_147_483_647n;

export type Parsed = { ok: true; value: string } | { ok: false; issue: ImportMessage };
const fail = (code: string, params?: ImportMessage['params']): Parsed => ({
  ok: false,
  issue: params ? { code, params } : { code },
});

const CURRENCY_BEFORE = /^(?:¥|rmb|cny)\s*/i;
const CURRENCY_AFTER = /\s*(?:¥|rmb|cny|元)$/i;
const GROUPED = /^\d{1,3}(?:[.,]\d{3})+$/;

/** Splits `text` (already without sign and currency) into integer and fraction digits, or undefined. */
function digitsOf(text: string): { int: string; frac: string } | undefined {
  const s = text.replace(/[\s']/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastPoint = s.lastIndexOf('.');
  let decimalMark: ',' | '.' | undefined;
  if (lastComma >= 0 && lastPoint >= 0) decimalMark = lastComma > lastPoint ? ',' : '.';
  else if (lastPoint >= 0) decimalMark = s.indexOf('.') === lastPoint ? '.' : undefined;
  else if (lastComma >= 0) {
    const single = s.indexOf(',') === lastComma;
    decimalMark = single && s.length - lastComma - 1 !== 3 ? ',' : undefined;
  }
  const cut = decimalMark ? s.lastIndexOf(decimalMark) : -1;
  const intPart = cut >= 0 ? s.slice(0, cut) : s;
  const frac = cut >= 0 ? s.slice(cut + 1) : '';
  if (!/^\d*$/.test(frac)) return undefined;
  if (/[.,]/.test(intPart)) {
    // Thousands separators: one kind, groups of three.
    if (!GROUPED.test(intPart) || (intPart.includes(',') && intPart.includes('.'))) return undefined;
    if (decimalMark && intPart.includes(decimalMark)) return undefined;
  }
  const int = intPart.replace(/[.,]/g, '');
  if (int === '' && frac === '') return undefined;
  return { int, frac };
}

/** A number a spreadsheet cell holds, as the text Excel shows (15 significant digits, no float noise). */
export function numberCellText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const text = String(Number(n.toPrecision(15)));
  if (!/e/i.test(text)) return text;
  return Math.abs(n) < 1 ? n.toFixed(20).replace(/0+$/, '') : BigInt(Math.round(n)).toString();
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The common case (`1234.50`, `-5`, `007`) without the general path's work, or undefined for anything
 * else, errors included: the general path then gives the same value or says what is wrong.
 */
function plainNumber(text: string, kind: NumberKind, limits: Limits): Parsed | undefined {
  const m = PLAIN.exec(text);
  if (!m) return undefined;
  let frac = m[3] ?? '';
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  frac = frac.slice(0, end);
  if (frac.length > limits.decimals) return undefined;
  let int = m[2]!;
  let start = 0;
  while (start < int.length - 1 && int.charCodeAt(start) === 48) start++;
  int = int.slice(start);
  // A 10-digit integer may pass 2^31 - 1: the general path checks it exactly.
  if (int.length > limits.digits || (kind === 'integer' && int.length >= limits.digits)) return undefined;
  const minus = m[1] && !(int === '0' && frac === '') ? '-' : '';
  if (kind === 'integer') return { ok: true, value: minus + int };
  if (kind === 'money') return { ok: true, value: `${minus}${int}.${frac.padEnd(2, '0')}` };
  return { ok: true, value: frac ? `${minus}${int}.${frac}` : minus + int };
}

/** Text (or a number cell's value) → canonical decimal text for `kind`. */
export function parseNumber(input: string | number, kind: NumberKind): Parsed {
  const limits = LIMITS[kind];
  if (typeof input === 'string') {
    const plain = plainNumber(input, kind, limits);
    if (plain) return plain;
  }
  let s = typeof input === 'number' ? numberCellText(input) : normalized(input);
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  const sign = () => {
    const m = /^([+-])\s*(.*)$/.exec(s);
    if (m) {
      if (m[1] === '-') negative = !negative;
      s = m[2]!;
      return true;
    }
    return false;
  };
  sign();
  if (kind !== 'integer') {
    const stripped = s.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
    if (stripped !== s) {
      s = stripped;
      if (!paren) sign();
    }
  }
  const digits = digitsOf(s);
  if (!digits) return fail('not_a_number', { kind });
  const frac = digits.frac.replace(/0+$/, '');
  if (frac.length > limits.decimals) {
    return kind === 'integer' ? fail('not_an_integer') : fail('too_many_decimals', { max: limits.decimals });
  }
  const int = digits.int.replace(/^0+(?=\d)/, '') || '0';
  if (int.length > limits.digits || (kind === 'integer' && BigInt(int) > INT_MAX)) {
    return fail('number_too_large', { kind });
  }
  const zero = /^0*$/.test(int + frac);
  const minus = negative && !zero ? '-' : '';
  if (kind === 'integer') return { ok: true, value: minus + int };
  if (kind === 'money') return { ok: true, value: `${minus}${int}.${frac.padEnd(2, '0')}` };
  return { ok: true, value: frac ? `${minus}${int}.${frac}` : minus + int };
}
