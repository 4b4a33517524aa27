/**
 * Edition ordinals, split into number and suffix so French can set the suffix in superscript
 * (15<sup>e</sup>) as typography wants, while plain text simply joins them.
 */
import type { Lang } from '../model/types.js';

export interface OrdinalParts {
  number: string;
  suffix: string;
}

function englishSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  switch (n % 10) {
    case 1:
      return 'st';
    case 2:
      return 'nd';
    case 3:
      return 'rd';
    default:
      return 'th';
  }
}

/**
 * French: "1re" (feminine: it qualifies "édition" / "Semaine"; "1er" would be masculine), then
 * "2e", "15e" — not "ème", which the Imprimerie nationale rules out. English: 1st, 2nd, 11th, 21st.
 */
export function editionOrdinal(n: number, lang: Lang): OrdinalParts {
  const number = String(n);
  if (lang === 'fr') return { number, suffix: n === 1 ? 're' : 'e' };
  return { number, suffix: englishSuffix(n) };
}

export function ordinalText(n: number, lang: Lang): string {
  const { number, suffix } = editionOrdinal(n, lang);
  return number + suffix;
}
