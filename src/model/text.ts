/**
 * Multilingual text from the feed, reduced to the languages the widgets speak and cleaned of
 * characters that could spoof what a partner page displays.
 */
import { isRecord } from './guards.js';
import type { Lang, LocalText } from './types.js';

/** OpenAgenda caps titles at 140; the margin tolerates older data without letting a title swallow a card. */
export const TITLE_MAX_LENGTH = 300;
/** Long descriptions are capped at 10,000 by OpenAgenda; twice that still bounds a hostile feed. */
export const TEXT_MAX_LENGTH = 20_000;

const LANGS: readonly Lang[] = ['fr', 'en'];

// Bidi overrides and isolates can make text render in a different order than it reads (the
// "Trojan source" trick); C0/C1 controls have no business in display text. \n and \t survive
// because long descriptions are markdown.
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * One cleaned string: unsafe characters removed, trimmed, capped at `maxLength` characters with
 * an ellipsis. Undefined when nothing remains, so callers can omit the field.
 */
export function cleanText(value: unknown, maxLength: number = TEXT_MAX_LENGTH): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(UNSAFE_CHARS, '').trim();
  if (!cleaned) return undefined;
  return cleaned.length > maxLength ? truncate(cleaned, maxLength) : cleaned;
}

function truncate(text: string, maxLength: number): string {
  let cut = text.slice(0, Math.max(0, maxLength - 1));
  // Never leave half of a surrogate pair: it would render as a replacement glyph.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * The fr/en texts of a multilingual value. A plain string counts as French: that is what
 * `monolingual=fr` responses and older exports contain.
 */
export function localText(raw: unknown, maxLength: number = TEXT_MAX_LENGTH): LocalText {
  const result: LocalText = {};
  if (typeof raw === 'string') {
    const fr = cleanText(raw, maxLength);
    if (fr) result.fr = fr;
    return result;
  }
  if (!isRecord(raw)) return result;
  for (const lang of LANGS) {
    const text = cleanText(raw[lang], maxLength);
    if (text) result[lang] = text;
  }
  return result;
}

/** The text in `lang`, else in the other language, else ''. */
export function pickText(text: LocalText, lang: Lang): string {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return text[lang] || text[other] || '';
}

/** True when the text has neither language, e.g. to skip an untitled event. */
export function isEmptyText(text: LocalText): boolean {
  return !text.fr && !text.en;
}
