/**
 * The reader's rows (BatchRow: one customer's metrics, money in cents) from the text forms it reads them
 * in: node-pg's columns come as they are; PGlite's compact text (parseCompactRow) and the server's COPY
 * lines (parseCopyRow) are parsed here, by hand, because at a million rows the parsing is the read's cost.
 */
import { unescapeCopyText } from '../../../db/copy-out';

export type BatchRow = {
  id: number;
  code: string;
  industry: string | null;
  credit_rating: string | null;
  revenue_band: string | null;
  employees: number | null;
  orders: number;
  purchase_days: number;
  revenue: number;
  cost: number;
  /** Revenue of the first order day, cents. */
  first_day: number;
  first_order_on: string | null;
  last_order_on: string | null;
  w_days: number;
  w_rev: number;
  rev12: number;
  cost12: number;
  /** Days from the first of the 12 months to each month with a row, and its revenue (cents). */
  m_at: number[] | null;
  m_rev: number[] | null;
  /** The 12 months' activity objects (type → count), summed here. */
  acts: Record<string, number>[] | null;
  /** From the window rows instead (anchored read): the 12 monthly revenues in yuan, the summed activities. */
  monthly?: number[] | null;
  /** The same 12 monthly revenues in cents (the COPY read). */
  monthly_cents?: number[] | null;
  acts12?: Record<string, number> | null;
  budget: number | null;
};

const yuanToCents = (s: string | undefined) => (s ? Math.round(Number(s) * 100) : 0);

/** One row of windowInputsCompactSql. */
export function parseCompactRow(text: string): BatchRow {
  const a = text.indexOf('|');
  const b = text.indexOf('|', a + 1);
  const f = text.slice(0, a).split(',');
  const [code, industry, credit, band, acts] = JSON.parse(text.slice(b + 1)) as [
    string,
    string | null,
    string | null,
    string | null,
    Record<string, number> | null,
  ];
  const monthly = text.slice(a + 2, b - 1);
  return {
    id: Number(f[0]),
    code,
    industry,
    credit_rating: credit,
    revenue_band: band,
    employees: f[12] ? Number(f[12]) : null,
    orders: Number(f[1]),
    purchase_days: Number(f[2]),
    revenue: yuanToCents(f[3]),
    cost: yuanToCents(f[4]),
    first_day: yuanToCents(f[13]),
    first_order_on: f[5] || null,
    last_order_on: f[6] || null,
    w_days: Number(f[7]),
    w_rev: yuanToCents(f[8]),
    rev12: yuanToCents(f[9]),
    cost12: yuanToCents(f[10]),
    m_at: null,
    m_rev: null,
    acts: null,
    monthly: monthly ? monthly.split(',').map(Number) : null,
    acts12: acts && Object.keys(acts).length > 0 ? acts : null,
    budget: f[11] ? yuanToCents(f[11]) : null,
  };
}

/**
 * One line of windowInputsCopySql's COPY (text format): tab-separated `id, orders, purchase_days, revenue,
 * cost, first_day_revenue, first_order_on, last_order_on, rfm_days, rfm_revenue, revenue_12m, cost_12m, budget, employees,
 * monthly_revenue, activities_12m, code, industry, credit_rating, revenue_band`, NULL as \N. Numbers are
 * read digit by digit (decimals straight to integer cents, exactly); only text fields are unescaped.
 */
export function parseCopyRow(line: string, into?: BatchRow): BatchRow {
  const at = new CopyLine(line);
  const r = into ?? emptyRow();
  r.id = at.int() ?? 0;
  r.orders = at.int() ?? 0;
  r.purchase_days = at.int() ?? 0;
  r.revenue = at.cents() ?? 0;
  r.cost = at.cents() ?? 0;
  r.first_day = at.cents() ?? 0;
  r.first_order_on = at.text();
  r.last_order_on = at.text();
  r.w_days = at.int() ?? 0;
  r.w_rev = at.cents() ?? 0;
  r.rev12 = at.cents() ?? 0;
  r.cost12 = at.cents() ?? 0;
  r.budget = at.cents();
  r.employees = at.int();
  r.monthly_cents = at.centsArray(r.monthly_cents ?? undefined);
  const acts = at.text();
  r.acts12 = acts === null ? null : (JSON.parse(acts) as Record<string, number>);
  r.code = at.text() ?? '';
  r.industry = at.text();
  r.credit_rating = at.text();
  r.revenue_band = at.text();
  return r;
}

/**
 * A row to parse into (parseCopyRow's `into`): the reader reuses one for a million lines, as toInput
 * keeps none of it but the strings and the activity object, which are new for every line.
 */
export function emptyRow(): BatchRow {
  return {
    id: 0,
    orders: 0,
    purchase_days: 0,
    revenue: 0,
    cost: 0,
    first_day: 0,
    first_order_on: null,
    last_order_on: null,
    w_days: 0,
    w_rev: 0,
    rev12: 0,
    cost12: 0,
    budget: null,
    employees: null,
    monthly_cents: null,
    acts12: null,
    code: '',
    industry: null,
    credit_rating: null,
    revenue_band: null,
    m_at: null,
    m_rev: null,
    acts: null,
  };
}

const TAB = 9;
const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const COMMA = 44;
const CLOSE_BRACE = 125;

/** A cursor over one COPY text line: each call reads the next field and steps past its tab. */
class CopyLine {
  private i = 0;
  constructor(private readonly s: string) {}

  private isNull(): boolean {
    const { s, i } = this;
    if (s.charCodeAt(i) === BACKSLASH && s.charCodeAt(i + 1) === 78 /* N */) {
      this.i = i + 3;
      return true;
    }
    return false;
  }

  private end(): number {
    const tab = this.s.indexOf('\t', this.i);
    return tab < 0 ? this.s.length : tab;
  }

  int(): number | null {
    if (this.isNull()) return null;
    const { s } = this;
    let i = this.i;
    const negative = s.charCodeAt(i) === MINUS;
    if (negative) i++;
    let v = 0;
    for (let c = s.charCodeAt(i); c >= ZERO && c <= ZERO + 9; c = s.charCodeAt(++i)) v = v * 10 + c - ZERO;
    if (i < s.length && s.charCodeAt(i) !== TAB) throw new Error(`not an integer at ${this.i}: ${s}`);
    this.i = i + 1;
    return negative ? -v : v;
  }

  /** A decimal (a numeric's text) as integer cents; more than two places are rounded as Number would. */
  cents(): number | null {
    if (this.isNull()) return null;
    const v = this.decimalAt(this.end());
    this.i++;
    return v;
  }

  /** Reads a decimal from this.i up to `stop`, leaves this.i at `stop`. */
  private decimalAt(stop: number): number {
    const { s } = this;
    const from = this.i;
    let i = from;
    const negative = s.charCodeAt(i) === MINUS;
    if (negative) i++;
    let v = 0;
    let places = -1;
    for (; i < stop; i++) {
      const c = s.charCodeAt(i);
      if (c === DOT && places < 0) places = 0;
      else if (c >= ZERO && c <= ZERO + 9) {
        if (places >= 2) return this.slowCents(from, stop);
        v = v * 10 + c - ZERO;
        if (places >= 0) places++;
      } else return this.slowCents(from, stop);
    }
    for (let p = Math.max(places, 0); p < 2; p++) v *= 10;
    this.i = stop;
    return negative ? -v : v;
  }

  private slowCents(from: number, stop: number): number {
    const v = Number(this.s.slice(from, stop));
    if (Number.isNaN(v)) throw new Error(`not a number at ${from}: ${this.s}`);
    this.i = stop;
    return Math.round(v * 100);
  }

  /** A numeric[] such as {1.00,-2.50,0.00}, as cents (into `reuse` when given). */
  centsArray(reuse?: number[]): number[] | null {
    if (this.isNull()) return null;
    const { s } = this;
    const close = s.indexOf('}', this.i);
    const out = reuse ?? [];
    out.length = 0;
    this.i++; // {
    while (this.i < close) {
      let stop = this.i;
      for (let c = s.charCodeAt(stop); c !== COMMA && c !== CLOSE_BRACE; c = s.charCodeAt(++stop));
      out.push(this.decimalAt(stop));
      this.i = stop + 1;
    }
    this.i = close + 2;
    return out;
  }

  text(): string | null {
    if (this.isNull()) return null;
    const stop = this.end();
    const field = this.s.slice(this.i, stop);
    this.i = stop + 1;
    return unescapeCopyText(field);
  }
}
