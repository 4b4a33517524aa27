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
  'countdown[href][heading] 11.1|region-map 32.6 34.75|event-list 56.8 71.2|event-list[layout=compact] 39.3 29.7|' +
  'event-list[layout=grid] 34.8 71.2|event-list[limit],event-list[filters=none] 34.3 58.3';

/** A map's `height` attribute as the map reads it (pixels or a CSS length); anything else is left out. */
const LENGTH = /^\d+(\.\d+)?(px|r?em|vh)?$/;

export function reserveSpace(doc: Document): void {
  const wide: string[] = [];
  const narrow: string[] = [];
  const maps: string[] = [];
  for (const entry of HEIGHTS.split('|')) {
    const [selectors = '', high, low = high] = entry.split(' ');
    const selector = selectors.split(',').map((s) => `sdi-${s}:not(:defined)`).join();
    wide.push(`${selector}{min-height:${high}rem}`);
    narrow.push(`${selector}{min-height:${low}rem}`);
  }
  // The map adds its switcher and status line to the height it is given.
  for (const map of doc.querySelectorAll('sdi-region-map[height]')) {
    const height = map.getAttribute('height')!.trim();
    if (LENGTH.test(height)) {
      maps.push(`sdi-region-map[height="${height}"]:not(:defined){min-height:calc(${height}${/\d$/.test(height) ? 'px' : ''} + 5rem)}`);
    }
  }
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@layer sdi-widgets-reserve{:is(sdi-edition-banner,sdi-countdown,sdi-event-list,sdi-region-map):not(:defined){display:block}` +
        `${wide.join('')}@media(max-width:36rem){${narrow.join('')}}${maps.join('')}}`,
    );
    // Appended: the partner's own adopted sheets stay.
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // No adoptable sheets (before Safari 16.4, where the widgets do not run anyway) or a patched
    // document: the widgets still load, only without the reservation.
  }
}
