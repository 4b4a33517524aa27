/**
 * Host pages partners really have, as stylesheets and attributes the browser tests apply to the
 * test page: global resets gone wrong, right-to-left documents, narrow columns, zoomed text.
 */

/**
 * A theme that styles everything it can reach: the widgets' host elements (a reset that unsets
 * every property, box-sizing and spacing games), the page's own divs (hidden, as a "hide all" of a
 * cookie banner gone wrong), rem units (a 9px root), and what the shadow trees inherit from the
 * body: huge text, a line height that overlaps lines, no wrapping, uppercase, spacing, indents.
 */
export const AGGRESSIVE_CSS = `
* { all: unset !important; }
div { display: none !important; }
html, body, main, section, article { display: block !important; }
html { font-size: 9px !important; }
body {
  font-size: 40px !important;
  line-height: 0.8 !important;
  white-space: nowrap !important;
  letter-spacing: 0.2em !important;
  text-transform: uppercase !important;
  text-indent: 3em !important;
  text-align: justify !important;
  visibility: visible !important;
  overflow-wrap: normal !important;
  word-break: keep-all !important;
}
*, *::before, *::after {
  box-sizing: content-box !important;
  padding: 13px !important;
  margin: -3px !important;
  border: 7px solid red !important;
  min-width: 0 !important;
  max-width: none !important;
}
`;

/** A column as narrow as a phone's, with the text zoomed to 200 % (what browser zoom does to a column). */
export const NARROW_ZOOMED_STYLE = 'width:320px;font-size:200%';
