/**
 * Leaflet tests for inline SVG while its module is evaluated, with `div.innerHTML = '<svg/>'`. On
 * a page that enforces Trusted Types (`require-trusted-types-for 'script'`) that string
 * assignment throws, and the whole map chunk fails to load. For the span of that evaluation only,
 * divs answer this one probe with an <svg> made by DOM calls (the answer every supported browser
 * gives); any other value still goes to the browser's own setter, checks included. Module
 * evaluation is synchronous: no other script can run while the answer is in place.
 *
 * Imported by ./leaflet.ts before Leaflet itself, which ESM evaluation order guarantees.
 */
const prototype = globalThis.HTMLDivElement?.prototype;
const native = prototype && Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
let answering = false;

// Only where Trusted Types exist (elsewhere the probe works as written), and never over a
// definition someone else put on HTMLDivElement.prototype.
if (prototype && native?.set && 'trustedTypes' in globalThis && !Object.hasOwn(prototype, 'innerHTML')) {
  const set = native.set;
  Object.defineProperty(prototype, 'innerHTML', {
    configurable: true,
    get: native.get,
    set(this: HTMLDivElement, value: unknown) {
      if (value === '<svg/>') this.replaceChildren(this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'svg'));
      else set.call(this, value);
    },
  });
  answering = true;
  // Should Leaflet's evaluation throw, the page still gets its own innerHTML back right after.
  queueMicrotask(endLeafletSvgProbe);
}

/** Puts the browser's own innerHTML back; called once Leaflet has been evaluated. */
export function endLeafletSvgProbe(): void {
  if (answering) Reflect.deleteProperty(prototype as HTMLDivElement, 'innerHTML');
  answering = false;
}
