/**
 * Dates and times as spreadsheets and people write them → `YYYY-MM-DD`, or for a timestamp ISO 8601 with
 * the offset of the workspace's time zone. Text: `2024-03-05`, `2024/3/5`, `2024.3.5`, `20240305`,
 * `2024年3月5日`, each optionally followed by a time `14:30`, `14:30:15` (or `T14:30`) and an offset
 * (`Z`, `+08:00`, `+0800`). A date cell from exceljs is a Date whose UTC fields are the wall clock the
 * sheet shows; a number is an Excel serial (1900 system, with its phantom 1900-02-29).
 */
import { isoInZone } from '../../../export/zoned-time';
import type { Cell, ImportMessage } from '../import.contract';
import { normalized } from './fold';

export type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };
type Parsed<T> = { ok: true; value: T } | { ok: false; issue: ImportMessage };
const fail = <T>(code: string, params?: ImportMessage['params']): Parsed<T> => ({
  ok: false,
  issue: params ? { code, params } : { code },
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const dayText = (w: Pick<Wall, 'year' | 'month' | 'day'>) =>
  `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const realDay = (y: number, m: number, d: number) =>
  y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/** The largest serial we read: 9999-12-31. */
const MAX_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;

/**
 * An Excel serial (1900 date system) → wall clock. Excel counts 1900-02-29, which never was: serial 60
 * is no day, and serials after it are one day ahead of a plain count from 1899-12-31.
 */
export function fromExcelSerial(serial: number): Parsed<Wall> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) {
    return fail('not_a_date');
  }
  const whole = Math.floor(serial);
  if (whole === 60) return fail('invalid_date', { reason: 'excel_1900_02_29' });
  const epoch = Date.UTC(1899, 11, whole < 60 ? 31 : 30);
  const seconds = Math.round((serial - whole) * 86_400);
  return { ok: true, value: wallOfUtc(new Date(epoch + whole * DAY_MS + seconds * 1000)) };
}

const wallOfUtc = (d: Date): Wall => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
  second: d.getUTCSeconds(),
});

const DATE_PART =
  /^(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})[日号]?|(\d{4})(\d{2})(\d{2}))/;
const TIME_PART = /^(?:[T\s]+)(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})(?:\.\d+)?秒?)?分?/;
const OFFSET_PART = /^\s*(?:(Z)|(?:UTC|GMT)?([+-])(\d{2}):?(\d{2}))$/i;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

type ParsedText = { wall: Wall; hasTime: boolean; offsetMinutes?: number };

/** Text → wall clock (and an offset when it names one). */
function parseText(raw: string): Parsed<ParsedText> {
  const s = normalized(raw);
  if (SERIAL_TEXT.test(s)) {
    const r = fromExcelSerial(Number(s));
    return r.ok ? { ok: true, value: { wall: r.value, hasTime: !Number.isInteger(Number(s)) } } : r;
  }
  const d = DATE_PART.exec(s);
  if (!d) return fail('not_a_date');
  const [y, m, day] = (d[1] ? d.slice(1, 4) : d[4] ? d.slice(4, 7) : d.slice(7, 10)).map(Number) as [
    number,
    number,
    number,
  ];
  let rest = s.slice(d[0].length);
  const wall: Wall = { year: y, month: m, day, hour: 0, minute: 0, second: 0 };
  let hasTime = false;
  const t = TIME_PART.exec(rest);
  if (t) {
    hasTime = true;
    wall.hour = Number(t[1]);
    wall.minute = Number(t[2]);
    wall.second = Number(t[3] ?? 0);
    rest = rest.slice(t[0].length);
  }
  let offsetMinutes: number | undefined;
  if (rest.trim() !== '') {
    const o = hasTime ? OFFSET_PART.exec(rest) : undefined;
    if (!o) return fail('not_a_date');
    offsetMinutes = o[1] ? 0 : (o[2] === '-' ? -1 : 1) * (Number(o[3]) * 60 + Number(o[4]));
  }
  if (!realDay(y, m, day)) return fail('invalid_date');
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return fail('invalid_time');
  return { ok: true, value: { wall, hasTime, offsetMinutes } };
}

function wallOfCell(cell: Exclude<Cell, null>): Parsed<ParsedText> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('not_a_date');
    const wall = wallOfUtc(cell);
    if (!realDay(wall.year, wall.month, wall.day)) return fail('invalid_date');
    return { ok: true, value: { wall, hasTime: true } };
  }
  if (typeof cell === 'number') {
    const r = fromExcelSerial(cell);
    return r.ok ? { ok: true, value: { wall: r.value, hasTime: true } } : r;
  }
  if (typeof cell === 'boolean') return fail('not_a_date');
  return parseText(cell);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date cell → `YYYY-MM-DD` (a time of day, if any, is dropped). */
export function parseDate(cell: Exclude<Cell, null>): Parsed<string> {
  if (typeof cell === 'string') {
    // The common case, already canonical (anything else, errors included, takes the general path).
    const m = ISO_DAY.exec(cell);
    if (m && realDay(Number(m[1]), Number(m[2]), Number(m[3]))) return { ok: true, value: cell };
  }
  const r = wallOfCell(cell);
  // The day as written, also when the text names a time and an offset.
  return r.ok ? { ok: true, value: dayText(r.value.wall) } : r;
}

/** The UTC offset (minutes) of `timeZone` at an instant. */
function offsetAt(instantMs: number, timeZone: string): number {
  const iso = isoInZone(new Date(instantMs), timeZone);
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * The instant a wall clock shows in `timeZone`. In an overlap (clocks put back) the earlier instant is
 * taken; in a gap (clocks put forward) the time moves on by the gap, as the clock on the wall would.
 */
export function instantOfWall(w: Wall, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const before = asUtc - offsetAt(asUtc - DAY_MS, timeZone) * 60_000;
  const after = asUtc - offsetAt(asUtc + DAY_MS, timeZone) * 60_000;
  const fits = (at: number) => at + offsetAt(at, timeZone) * 60_000 === asUtc;
  const valid = [before, after].filter(fits).sort((x, y) => x - y);
  return new Date(valid[0] ?? before);
}

/** A timestamp cell → ISO 8601 in `timeZone` with its offset; a date alone is that day's midnight there. */
export function parseTimestamp(cell: Exclude<Cell, null>, timeZone: string): Parsed<string> {
  const r = wallOfCell(cell);
  if (!r.ok) return r;
  const { wall, offsetMinutes } = r.value;
  const instant =
    offsetMinutes === undefined
      ? instantOfWall(wall, timeZone)
      : new Date(
          Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) -
            offsetMinutes * 60_000,
        );
  return { ok: true, value: isoInZone(instant, timeZone) };
}
