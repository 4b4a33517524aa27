/**
 * Sizes of the proportional symbols of the national view and of cluster markers. A count symbol's
 * AREA, not its radius, is proportional to the count, as readers compare areas: a region with four
 * times the events gets a circle twice as wide. Below a minimum the number written inside would
 * not fit, so small counts share the minimum size (their number still tells them apart).
 */

export interface SymbolScale {
  /** Radius in CSS pixels of the largest count. */
  maxRadius: number;
  /** Smallest radius, large enough for a three-digit number. */
  minRadius: number;
}

export const DEFAULT_SCALE: SymbolScale = { maxRadius: 34, minRadius: 14 };

/** Radius in CSS pixels of the symbol of `count` when the largest count shown is `max`. */
export function symbolRadius(count: number, max: number, scale: SymbolScale = DEFAULT_SCALE): number {
  if (!(count > 0) || !(max > 0)) return scale.minRadius;
  const radius = scale.maxRadius * Math.sqrt(Math.min(count, max) / max);
  return Math.max(scale.minRadius, Math.round(radius * 10) / 10);
}

/** Wider numbers need a little more room: four digits and "12 345" must not overflow the disc. */
export function minRadiusForText(text: string, fontPx = 12): number {
  // Digits of the usual UI fonts are about 0.6 em wide; 4 px of breathing room on each side.
  return Math.ceil((text.length * 0.6 * fontPx) / 2 + 4);
}

/**
 * Diameter of a cluster marker: grows with the logarithm of its count, so a cluster of 500 does
 * not hide a city while a cluster of 3 stays a comfortable touch target (at least 30 px).
 */
export function clusterDiameter(count: number): number {
  const n = Math.max(2, count);
  return Math.min(60, Math.round(30 + 7 * Math.log10(n) * 1.5));
}
