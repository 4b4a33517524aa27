/**
 * The `height` attribute of the map: a number of pixels ("480") or a CSS length ("30rem",
 * "60vh"). Percentages are refused on purpose: inside a parent without an explicit height they
 * compute to zero and the map silently disappears; CSS on the element does that job better.
 */

const LENGTH = /^(\d+(?:\.\d+)?)(px|rem|em|vh|svh|lvh|dvh)?$/i;
/** Below this a map cannot show France legibly; above it the attribute is surely a typo. */
const MIN_PX = 120;
const MAX_PX = 4000;

/** A CSS length, or undefined when the value is not one the map accepts. */
export function parseHeight(value: string | null | undefined): string | undefined {
  const text = value?.trim().toLowerCase() ?? '';
  const match = LENGTH.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  const unit = match[2] ?? 'px';
  if (!(n > 0)) return undefined;
  if (unit === 'px' && (n < MIN_PX || n > MAX_PX)) return undefined;
  if ((unit === 'rem' || unit === 'em') && (n < MIN_PX / 16 || n > MAX_PX / 16)) return undefined;
  if (unit.endsWith('vh') && n > 100) return undefined;
  return `${match[1]}${unit}`;
}
