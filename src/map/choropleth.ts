/**
 * Classes of the choropleth option: counts of events shaded in a few steps of one hue whose
 * lightness falls steadily, so the order still reads when printed or seen in grey scale (the
 * legend's swatches carry the same order, lightest = fewest).
 */

/** Light to dark; each step darker in luminance than the one before (checked by a test). */
export const CHOROPLETH_COLOURS = ['#e3eaf6', '#b3c5e6', '#7c9bd2', '#4770b6', '#1f4488'] as const;

export interface ChoroplethClass {
  /** Smallest count of the class (≥ 1). */
  from: number;
  /** Largest count of the class. */
  to: number;
  colour: string;
}

/**
 * Up to five classes over the non-zero counts, by quantiles so each step holds about as many
 * areas; bounds are counts that occur, and a class never repeats one.
 */
export function choroplethClasses(counts: readonly number[]): ChoroplethClass[] {
  const values = counts.filter((n) => n > 0).sort((a, b) => a - b);
  if (values.length === 0) return [];
  const steps = Math.min(CHOROPLETH_COLOURS.length, new Set(values).size);
  const classes: ChoroplethClass[] = [];
  let from = values[0] as number;
  for (let i = 1; i <= steps; i++) {
    const to =
      i === steps ? (values[values.length - 1] as number) : (values[Math.ceil((values.length * i) / steps) - 1] as number);
    if (to < from) continue;
    classes.push({ from, to, colour: '' });
    const next = values.find((v) => v > to);
    if (next === undefined) break;
    from = next;
  }
  // Colours spread over the ramp, darkest for the top class, whatever the number of classes.
  return classes.map((c, i) => ({
    ...c,
    colour: CHOROPLETH_COLOURS[
      classes.length === 1
        ? CHOROPLETH_COLOURS.length - 1
        : Math.round((i * (CHOROPLETH_COLOURS.length - 1)) / (classes.length - 1))
    ] as string,
  }));
}

/** The class colour of a count; undefined for none. */
export function colourOf(classes: readonly ChoroplethClass[], n: number): string | undefined {
  if (!(n > 0)) return undefined;
  return classes.find((c) => n >= c.from && n <= c.to)?.colour;
}

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
