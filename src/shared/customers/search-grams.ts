const HAN = /\p{Script=Han}/u;

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Search tokens for names pg_trgm handles badly: an unspaced Chinese name is one "word" to it, so a
 * 2-character fragment like 西湖 can neither reach its similarity threshold nor use its index.
 * We keep every 2-character window of each run of Han characters plus whole lower-cased words of
 * other scripts; a query matches when its own grams are all contained (GIN `@>`).
 */
export function searchGrams(...texts: (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const raw of texts) {
    if (!raw) continue;
    const chars = Array.from(normalize(raw));
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i] as string;
      const b = chars[i + 1] as string;
      if (HAN.test(a) && HAN.test(b)) grams.add(a + b);
    }
  }
  return [...grams].sort();
}

/** The grams a query must match: none when the query has no 2-character Han run. */
export function queryGrams(query: string): string[] {
  return searchGrams(query);
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
