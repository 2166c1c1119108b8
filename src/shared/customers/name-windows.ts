/**
 * The query side of the name windows (table customer_name_windows, kept in SQL by the function
 * kehu_name_windows of migration 0002): a Han fragment of 2–4 characters occurs in a name exactly when
 * it is a prefix of one of the name's windows, so finding it is one prefix range of an index.
 */

/** The Han characters of the windows: keep in step with the character class of kehu_name_windows. */
const HAN_CHAR = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FFFF}]/u;
const HAN_RUN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FFFF}]{2,}/gu;

/** How many characters a window holds (kehu_name_windows). */
export const WINDOW_CHARS = 4;

export type HanProbe = {
  /** The prefix to look up: the longest Han run of the query, cut to a window's length. */
  key: string;
  /** Every Han run of 2+ characters in the query; a name matching them all is a fragment match. */
  runs: string[];
};

/** Normalised as the windows are: NFKC, lower case. */
export const normalizeForWindows = (text: string) => text.normalize('NFKC').toLowerCase();

/** The index probe for a query, or none when it has no run of 2+ Han characters. */
export function hanProbe(query: string): HanProbe | undefined {
  const runs = normalizeForWindows(query).match(HAN_RUN) ?? [];
  if (runs.length === 0) return undefined;
  const length = (run: string) => Array.from(run).length;
  const longest = runs.reduce((a, b) => (length(b) > length(a) ? b : a));
  return { key: [...longest].slice(0, WINDOW_CHARS).join(''), runs };
}

/** The windows of texts, as kehu_name_windows computes them in SQL (used to test that they agree). */
export function nameWindows(...texts: (string | null | undefined)[]): string[] {
  const windows = new Set<string>();
  for (const raw of texts) {
    if (!raw) continue;
    const chars = [...normalizeForWindows(raw)];
    for (let i = 0; i + 1 < chars.length; i++) {
      let end = i;
      while (end < chars.length && end - i < WINDOW_CHARS && HAN_CHAR.test(chars[end]!)) end++;
      if (end - i >= 2) windows.add(chars.slice(i, end).join(''));
    }
  }
  return [...windows].sort();
}
