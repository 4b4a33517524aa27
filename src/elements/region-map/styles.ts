import { css } from 'lit';

/** Styles of the light element (switcher, box, region list); Leaflet's come with the map chunk. */
export const regionMapStyles = css`
  :host {
    --_sea: var(--sdi-map-sea, #dbe7f0);
    --_land: var(--sdi-map-land, #f5f5f2);
    --_neighbour: var(--sdi-map-neighbour, #e4e4e0);
    --_coast: var(--sdi-map-coast, #aebbc4);
    --_symbol: var(--sdi-map-symbol, var(--_primary));
    --_on-symbol: var(--sdi-map-on-symbol, var(--_on-primary));
    --_symbol-border: var(--sdi-map-symbol-border, #fff);
    --_selected: var(--sdi-map-selected, #c9191e);
    --_height: var(--sdi-map-height, 28rem);
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .skip {
    position: absolute;
    left: -10000px;
    top: auto;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .skip:focus {
    position: static;
    width: auto;
    height: auto;
    align-self: flex-start;
    padding: 0.25rem 0.5rem;
    border: 0;
    background: var(--_surface);
    color: var(--_primary);
    text-decoration: underline;
  }
  .switcher {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  .switcher button {
    padding: 0.25rem 0.625rem;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.875em;
  }
  .switcher button[aria-pressed='true'] {
    border-color: var(--_primary);
    box-shadow: inset 0 -2px 0 var(--_primary);
    font-weight: 600;
  }
  .map-box {
    position: relative;
    flex: 1 1 auto;
    min-height: var(--_height);
    /* The height asked for is the map's own, without the frame. */
    box-sizing: content-box;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_sea);
  }
  .map {
    position: absolute;
    inset: 0;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    padding: 1rem;
    text-align: center;
    background: var(--_surface-alt);
    color: var(--_text);
    z-index: 1000;
  }
  .overlay p {
    margin: 0;
  }
  .retry,
  .all {
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
  }
  .status {
    margin: 0;
    min-height: 1.5em;
  }
  .muted {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .empty {
    margin: 0;
    font-weight: 600;
  }
  .regions:focus {
    outline: none;
  }
  .regions:focus-visible {
    outline: 2px solid var(--sdi-focus, var(--_primary));
    outline-offset: 2px;
  }
  /* The loading copy of the region list: its room, nothing to see, read or reach. */
  .regions-sizer,
  .sizer {
    visibility: hidden;
  }
  .list-title {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  .region-list {
    display: grid;
    /* Two columns from ~25rem: eighteen one-line buttons made the widget twice the map's height. */
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: 0.25rem;
    font-size: 0.875em;
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
  }
  .region-list button {
    width: 100%;
    height: 100%;
    text-align: start;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  .region-list button:hover,
  .switcher button:hover {
    border-color: var(--_primary);
  }
  .region-list button[aria-pressed='true'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
`;
