import { css, unsafeCSS } from 'lit';
import { LEAFLET_CSS } from './leaflet-css.js';

/**
 * Styles of what Leaflet draws (land, symbols, clusters, markers, popups). They travel with
 * Leaflet in the lazily loaded chunk and are adopted by the shadow root there, never by the page.
 * Leaflet writes SVG fill colours as attributes; CSS properties win over presentation attributes,
 * which is what lets --sdi-map-* theme the land.
 */
export const mapViewStyles = css`
  .leaflet-container {
    background: var(--_sea);
    font: inherit;
    font-size: 0.875rem;
  }
  .leaflet-container .leaflet-control-attribution {
    font-size: 0.75rem;
    color: #3a3a3a;
    background: rgba(255, 255, 255, 0.92);
  }
  .leaflet-container .leaflet-control-attribution a {
    color: #2a2a2a;
  }
  .leaflet-container:focus-visible,
  .leaflet-marker-icon:focus-visible,
  .leaflet-bar a:focus-visible {
    outline: 3px solid var(--sdi-focus, var(--_primary));
    outline-offset: 2px;
  }
  .sdi-land {
    fill: var(--_land);
    fill-opacity: 1;
    stroke: var(--_coast);
    stroke-width: 0.75;
  }
  .sdi-neighbour {
    fill: var(--_neighbour);
    fill-opacity: 1;
    stroke: none;
  }
  .sdi-region {
    fill: none;
    stroke: var(--sdi-map-border, #8c8c8c);
    stroke-width: 1;
    stroke-linejoin: round;
  }
  .sdi-region.is-filled,
  .sdi-inset-region {
    fill: var(--_land);
    fill-opacity: 1;
  }
  .sdi-inset-region {
    stroke: var(--sdi-map-border, #8c8c8c);
    stroke-width: 0.75;
    cursor: pointer;
  }
  .sdi-region.is-selected,
  .sdi-inset-region.is-selected {
    stroke: var(--_selected);
    stroke-width: 2.5;
  }
  .sdi-department {
    fill: none;
    stroke: var(--sdi-map-department, #6f6f6f);
    stroke-width: 0.8;
    stroke-dasharray: 4 3;
  }
  .sdi-inset-frame {
    fill: var(--_sea);
    fill-opacity: 1;
    stroke: var(--sdi-map-border, #8c8c8c);
    stroke-width: 1;
    cursor: pointer;
  }
  /* Choropleth: one hue, lightness falling step by step, so the order reads in grey scale too.
     Two classes, as the filled land's, and after it: the shade wins. */
  .leaflet-overlay-pane .sdi-shade-none {
    fill: var(--_land);
  }
  .leaflet-overlay-pane .sdi-shade-0 {
    fill: #e3eaf6;
  }
  .leaflet-overlay-pane .sdi-shade-1 {
    fill: #b3c5e6;
  }
  .leaflet-overlay-pane .sdi-shade-2 {
    fill: #7c9bd2;
  }
  .leaflet-overlay-pane .sdi-shade-3 {
    fill: #4770b6;
  }
  .leaflet-overlay-pane .sdi-shade-4 {
    fill: #1f4488;
  }
  .sdi-department[class*='sdi-shade-'] {
    fill-opacity: 0.85;
  }
  .sdi-legend {
    background: rgba(255, 255, 255, 0.94);
    color: #1e1e1e;
    padding: 0.4rem 0.6rem;
    border-radius: 4px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);
    font-size: 0.75rem;
    line-height: 1.4;
  }
  .sdi-legend-title {
    margin: 0 0 0.2rem;
    font-weight: 700;
  }
  .sdi-legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .sdi-swatch {
    display: inline-block;
    width: 1rem;
    height: 0.7rem;
    margin-right: 0.4rem;
    vertical-align: -0.05rem;
    border: 1px solid #5a5a5a;
  }
  .sdi-swatch.sdi-shade-none {
    background: var(--_land);
  }
  .sdi-swatch.sdi-shade-0 {
    background: #e3eaf6;
  }
  .sdi-swatch.sdi-shade-1 {
    background: #b3c5e6;
  }
  .sdi-swatch.sdi-shade-2 {
    background: #7c9bd2;
  }
  .sdi-swatch.sdi-shade-3 {
    background: #4770b6;
  }
  .sdi-swatch.sdi-shade-4 {
    background: #1f4488;
  }
  .leaflet-sdiLabels-pane {
    z-index: 550;
    pointer-events: none;
  }
  .sdi-label-icon {
    background: none;
    border: 0;
  }
  /* Measured as drawn (map-labels.ts): 600 11px, one line. */
  .sdi-label {
    display: block;
    font-weight: 600;
    font-size: 11px;
    line-height: 15px;
    white-space: nowrap;
    text-align: center;
    color: #1e1e1e;
    text-shadow:
      0 0 2px #fff,
      0 0 2px #fff,
      0 0 3px #fff;
  }
  .sdi-symbol-icon.is-chip .sdi-symbol {
    background: #fff;
    color: #1e1e1e;
    border-color: var(--_symbol);
    opacity: 1;
  }
  .sdi-symbol-icon.is-chip.is-selected .sdi-symbol {
    background: var(--_selected);
    color: #fff;
  }
  .sdi-outline {
    fill: none;
    stroke: var(--sdi-map-outline, #8a8a8a);
    stroke-width: 1;
  }
  .sdi-symbol-icon,
  .sdi-cluster-icon,
  .sdi-marker-icon {
    background: none;
    border: 0;
  }
  .sdi-symbol,
  .sdi-cluster {
    display: flex;
    align-items: center;
    justify-content: center;
    width: 100%;
    height: 100%;
    border-radius: 50%;
    background: var(--_symbol);
    color: var(--_on-symbol);
    border: 2px solid var(--_symbol-border);
    font-weight: 700;
    font-size: 12px;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.35);
    cursor: pointer;
    opacity: var(--sdi-map-symbol-opacity, 0.92);
  }
  .sdi-symbol-icon.is-selected .sdi-symbol {
    background: var(--_selected);
    opacity: 1;
    box-shadow: 0 0 0 3px var(--_symbol-border), 0 0 0 5px var(--_selected);
  }
  .sdi-cluster {
    background: var(--sdi-map-cluster, var(--_symbol));
    opacity: 0.95;
  }
  .sdi-marker {
    display: block;
    width: 100%;
    height: 100%;
    border-radius: 50% 50% 50% 0;
    transform: rotate(-45deg);
    background: var(--sdi-map-marker, var(--_symbol));
    border: 2px solid var(--_symbol-border);
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4);
    cursor: pointer;
  }
  .sdi-marker-icon.is-in-selection .sdi-marker {
    background: var(--_selected);
  }
  .sdi-popup {
    font: inherit;
    color: var(--_text);
    outline: none;
  }
  .sdi-popup p {
    margin: 0 0 0.25rem;
  }
  .sdi-popup-title {
    font-weight: 700;
  }
  .sdi-popup-date,
  .sdi-popup-place,
  .sdi-popup-status,
  .sdi-popup-more {
    color: var(--_muted);
  }
  .sdi-popup-link {
    color: var(--_primary);
    font-weight: 600;
  }
  .sdi-popup-list {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 14rem;
    overflow: auto;
  }
  .sdi-popup-item + .sdi-popup-item {
    border-top: 1px solid var(--_border);
    margin-top: 0.5rem;
    padding-top: 0.5rem;
  }
  @media (prefers-reduced-motion: reduce) {
    .leaflet-fade-anim .leaflet-popup,
    .leaflet-zoom-anim .leaflet-zoom-animated {
      transition: none !important;
    }
  }
`;

const leafletSheet = unsafeCSS(LEAFLET_CSS);

/**
 * Leaflet's CSS goes into this shadow root only: on the host page it would restyle any other
 * Leaflet map, and outside the shadow root it would not reach the map at all.
 */
export function adoptStyles(root: ShadowRoot): void {
  const results = [leafletSheet, mapViewStyles];
  const sheets = results.map((r) => r.styleSheet);
  if (sheets.every((s): s is CSSStyleSheet => s instanceof CSSStyleSheet) && 'adoptedStyleSheets' in root) {
    const missing = sheets.filter((s) => !root.adoptedStyleSheets.includes(s));
    if (missing.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
    return;
  }
  if (!root.querySelector('style[data-sdi-map]')) {
    const style = document.createElement('style');
    style.setAttribute('data-sdi-map', '');
    style.textContent = results.map((r) => r.cssText).join('\n');
    root.append(style);
  }
}
