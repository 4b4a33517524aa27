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
  }
  /* The container the phone layout is decided on: the widget's own width, not the viewport's (a
     sidebar on a desktop is as narrow as a phone). Inside the shadow root, where no host-page rule
     resetting every element's properties can switch it off. */
  .frame {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    flex: 1 1 auto;
    container-type: inline-size;
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
  /* The edition the counts belong to: one line kept even while it is unknown (no jump). */
  .caption {
    margin: 0;
    min-height: 1.4em;
    line-height: 1.4;
    font-size: 0.875em;
  }
  .caption sup {
    font-size: 0.7em;
    line-height: 0;
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
  .switcher button[aria-disabled='true'] {
    color: var(--_muted);
    cursor: default;
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
  /* The folded region list (region-picker.ts): shown instead of the buttons in a narrow widget. */
  .picker {
    display: none;
    flex-direction: column;
    margin: 0 0 0.5rem;
  }
  .picker .list-title {
    display: block;
  }
  .picker select {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    /* Below 16px, iOS zooms the page in when the control is focused. */
    font-size: max(1rem, 16px);
  }
  .picker select:focus-visible {
    outline: 2px solid var(--sdi-focus, var(--_primary));
    outline-offset: 2px;
  }
  /* A phone's column: one control for eighteen buttons, and every target a finger's size (44 px,
     WCAG 2.5.5), Leaflet's zoom buttons included (30 px by default). */
  @container (width < 600px) {
    .regions,
    .sizer-list {
      display: none;
    }
    .picker {
      display: flex;
    }
    /* Two lines: an edition over, with its dates and figure, wraps in a phone's column. */
    .caption {
      min-height: 2.8em;
    }
    .switcher button,
    .retry,
    .skip:focus {
      min-width: 44px;
      min-height: 44px;
    }
    /* One row that scrolls sideways, as phones' tab strips: wrapped, the six territories took two
       rows of 44 px from the map's share of the height. */
    .switcher {
      flex-wrap: nowrap;
      overflow-x: auto;
      scrollbar-width: thin;
    }
    .switcher button {
      flex: none;
      white-space: nowrap;
    }
    .map .leaflet-control-zoom.leaflet-bar a {
      width: 44px;
      height: 44px;
      line-height: 44px;
    }
    /* Symbols are as small as their count (28 px): a transparent disc around them takes the
       finger, without changing what is drawn or where. */
    .map .sdi-symbol-icon::before,
    .map .sdi-cluster-icon::before,
    .map .sdi-marker-icon::before {
      content: '';
      position: absolute;
      left: 50%;
      top: 50%;
      width: 44px;
      height: 44px;
      border-radius: 50%;
      transform: translate(-50%, -50%);
    }
    /* The credit's link grows upwards into the map, transparently: below it is the map's edge. */
    .map .leaflet-control-attribution a {
      display: inline-block;
      min-width: 44px;
      padding-top: 30px;
      margin-top: -30px;
      text-align: center;
    }
  }
`;
