/**
 * Folds text for comparison: accents, case, apostrophes, dashes and spacing are ignored, so
 * "ILE DE FRANCE", "Île-de-France" and "ile de france" compare equal. Shared by the geography
 * lookups and the text search, which must agree on what "the same word" means.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’'`´\-‐‑‒–—_.,/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
