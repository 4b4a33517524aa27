/**
 * Space for the widgets before their code arrives. An undefined `<sdi-…>` tag is an empty inline
 * box, 0 px high; when its chunk arrives it becomes a block hundreds of pixels high and pushes the
 * partner's content down (Lighthouse counted a CLS of 0.2 to 0.35 on the demo page, "poor"). The
 * loader gives each undefined tag about the height of its loading render, which the elements keep
 * until their data arrives.
 *
 * A constructable stylesheet adopted by the document: no `<style>` element, so a
 * Content-Security-Policy without 'unsafe-inline' in style-src allows it. In a cascade layer, so
 * any unlayered rule of the partner's (`sdi-event-list { min-height: 30rem }`) wins whatever its
 * specificity. `:not(:defined)`: once an element is defined, the rules no longer apply.
 */

/**
 * `selector wide narrow`, the heights in rem of the loading renders, measured on the built widgets
 * at 1000 and 360 px wide (test/browser/layout-shift.test.ts logs them); narrow is the viewport
 * under 36rem, where the list folds its filters and the banner's link goes under its text. Later
 * entries are more specific: they win. Kept as one string, not as CSS: the loader is the one file
 * every partner page downloads first.
 */
const HEIGHTS =
  'edition-banner 9.3 11.1|edition-banner[region],edition-banner[department] 9.3 12.9|edition-banner[href] 9.3 13.9|' +
  'edition-banner[href][region],edition-banner[href][department] 9.3 15.6|countdown 7|countdown[href],countdown[heading] 9|' +
  'countdown[href][heading] 11.1|region-map 54.47 44.45|event-list 56.8 71.2|event-list[layout=compact] 39.3 29.7|' +
  'event-list[layout=grid] 34.8 71.2|event-list[limit],event-list[filters=none] 34.3 58.3';

/** A map's `height` attribute as the map reads it (pixels or a CSS length); anything else is left out. */
const LENGTH = /^\d+(\.\d+)?(px|r?em|vh)?$/;

/**
 * The rules that need nothing from the page: every tag's default loading height, wide and narrow.
 * `extra` goes inside the same layer. The build writes this, bare, to dist/sdi-widgets.css, the
 * stylesheet partners may link so that the space is kept from the first paint, before the loader
 * runs (scripts/build/reserve-css.mjs): one table for both, so they cannot drift apart.
 */
export function reserveCss(extra = ''): string {
  const wide: string[] = [];
  const narrow: string[] = [];
  for (const entry of HEIGHTS.split('|')) {
    const [selectors = '', high, low = high] = entry.split(' ');
    const selector = selectors
      .split(',')
      .map((s) => `sdi-${s}:not(:defined)`)
      .join();
    wide.push(`${selector}{min-height:${high}rem}`);
    narrow.push(`${selector}{min-height:${low}rem}`);
  }
  return (
    `@layer sdi-widgets-reserve{:is(sdi-edition-banner,sdi-countdown,sdi-event-list,sdi-region-map):not(:defined){display:block}` +
    `${wide.join('')}@media(max-width:36rem){${narrow.join('')}}${extra}}`
  );
}

export function reserveSpace(doc: Document): void {
  const wide: string[] = [];
  const narrow: string[] = [];
  // The map adds its caption, switcher, status lines and region list to the height it is given
  // (measured like HEIGHTS: in a phone's width the list is folded into one control). Static CSS
  // cannot read an attribute as a length, so the linked stylesheet keeps the default height and
  // this does the rest.
  for (const map of doc.querySelectorAll('sdi-region-map[height]')) {
    const height = map.getAttribute('height')!.trim();
    if (LENGTH.test(height)) {
      const rule = (extra: number) =>
        `sdi-region-map[height="${height}"]:not(:defined){min-height:calc(${height}${/\d$/.test(height) ? 'px' : ''} + ${extra}rem)}`;
      wide.push(rule(26.47));
      narrow.push(rule(16.45));
    }
  }
  const maps = wide.length > 0 ? `${wide.join('')}@media(max-width:36rem){${narrow.join('')}}` : '';
  try {
    const sheet = new CSSStyleSheet();
    // Also when the page links dist/sdi-widgets.css: adopted sheets come after the page's in the
    // cascade, so this version's heights win over a linked copy from another (cached) version.
    sheet.replaceSync(reserveCss(maps));
    // Appended: the partner's own adopted sheets stay.
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // No adoptable sheets (before Safari 16.4, where the widgets do not run anyway) or a patched
    // document: the widgets still load, only without the reservation.
  }
}
