/**
 * Pictograms for the accessibility flags. Inline SVG rather than an icon font or image files: one
 * script tag is all a partner installs, and `currentColor` follows their theme. Each icon is
 * decorative (aria-hidden); the text alternative is rendered beside it by the caller.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { AccessibilityKey } from '../../filters/filter-state.js';

const PATHS: Record<AccessibilityKey, SVGTemplateResult> = {
  // An ear.
  hi: svg`<path d="M9 20c1.5 1.2 4 .8 4.6-1.4.5-1.8 1.6-2.6 2.7-3.8A6.5 6.5 0 1 0 5.5 9.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><path d="M9 10a3 3 0 1 1 5 2.3c-1 .8-1.5 1.4-1.5 2.7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  // An eye.
  vi: svg`<path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12Z" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="12" cy="12" r="3" fill="currentColor"/>`,
  // A head in profile with a mind (psychic).
  pi: svg`<path d="M14 21v-3h2.5a1.5 1.5 0 0 0 1.5-1.5V14l2-.6-2-3.9A7 7 0 1 0 7 15v6" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="11.5" cy="9" r="2" fill="currentColor"/>`,
  // The international wheelchair symbol.
  mi: svg`<circle cx="11" cy="4" r="2" fill="currentColor"/><path d="M11 7v6h6l2 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/><path d="M8.5 10.5a5.5 5.5 0 1 0 7.4 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  // A head with a light (intellectual).
  ii: svg`<circle cx="12" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2"/><path d="M9 21h6M12 7v4M12 13.5v.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
};

export function accessibilityIcon(key: AccessibilityKey): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${PATHS[key]}</svg>`;
}
