/** The search box's text as the filters keep and match it: capped, collapsed, folded into words. */
import { fold } from '../geo/fold.js';

/**
 * Longest search kept, in characters: far more than anyone types, and short enough that a shared
 * link (`#sdi-q=` has no server limit) or an attribute cannot make every keystroke scan for
 * thousands of words. Longer searches keep their beginning.
 */
export const QUERY_MAX_LENGTH = 200;
/** Words of a search that are matched; the others are ignored (each costs a scan of the vocabulary). */
export const QUERY_MAX_WORDS = 12;

/** The search as kept: spaces collapsed, trimmed, at most QUERY_MAX_LENGTH characters. */
export function capQuery(q: string): string {
  // Cut before collapsing, so the work is bounded too; four times the cap leaves room for the
  // runs of spaces that collapsing removes.
  const collapsed = q
    .trimStart()
    .slice(0, 4 * QUERY_MAX_LENGTH)
    .replace(/\s+/g, ' ');
  let cut = collapsed.slice(0, QUERY_MAX_LENGTH);
  // Never leave half of a surrogate pair at the end.
  if (cut.length === QUERY_MAX_LENGTH && /[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trim();
}

/** Folded, de-duplicated query words, longest first: the rarest words reject soonest. */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  const unique = [...new Set(fold(capQuery(q)).split(' ').filter(Boolean))].slice(0, QUERY_MAX_WORDS);
  unique.sort((a, b) => b.length - a.length);
  // A word contained in a longer one ("soud" in "soudure") is already checked by it. At most
  // QUERY_MAX_WORDS² comparisons: this runs on every keystroke.
  return unique.filter((token, i) => !unique.slice(0, i).some((longer) => longer.includes(token)));
}
