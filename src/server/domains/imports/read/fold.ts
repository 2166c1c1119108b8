/**
 * Folding for matching what people write against the names we know (headers, enum labels, yes/no):
 * NFKC (full-width letters, digits and brackets become their ASCII forms, a no-break space a space),
 * lower case, and no spaces, underscores, hyphens, brackets, quotes or punctuation (Chinese or ASCII),
 * nor the asterisk templates put on required columns. `客户编码*`, `Customer_Code` and
 * `ＣＵＳＴＯＭＥＲ　ＣＯＤＥ` all fold to the same text.
 */
const IGNORED = /[\s_\-‐‑–—()[\]{}<>（）【】〔〕《》〈〉「」『』"'“”‘’.,，。:：;；!！?？/\\、·・*＊~～`#]/gu;

export const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(IGNORED, '');

/** Text as a person meant it: NFKC (full-width digits and signs become ASCII), trimmed. */
export const normalized = (text: string): string => text.normalize('NFKC').trim();
