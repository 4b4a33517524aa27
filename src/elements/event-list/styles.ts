import { css } from 'lit';

export const listStyles = css`
  :host {
    container-type: inline-size;
    --_card-min: var(--sdi-card-min-width, 16rem);
    --_thumb: var(--sdi-thumbnail-width, 7.5rem);
  }
  .root {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    padding: 0.375rem 0.75rem;
    min-height: 2.5rem;
  }
  button:hover {
    background: var(--_surface-alt);
  }
  button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  /* Filters ----------------------------------------------------------------------------- */
  .filters {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: 0.75rem;
    align-items: end;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .field-wide,
  .dates,
  .access-field {
    grid-column: 1 / -1;
  }
  .field label,
  .field legend {
    font-weight: 600;
    font-size: 0.9375em;
    padding: 0;
  }
  select,
  input[type='search'],
  input[type='text'],
  input[type='date'],
  input[type='url'] {
    width: 100%;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-bottom: 2px solid var(--_text);
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface);
  }
  .date-inputs {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto minmax(0, 1fr);
    gap: 0.5rem;
    align-items: center;
  }
  .date-inputs label {
    font-weight: normal;
  }
  /* Keyboard focus lands in a date field's inner parts (day, month, year, picker button), where
     WebKit and Chromium do not match :focus-visible on the field: :focus is what shows the ring. */
  input[type='date']:focus {
    outline: 2px solid var(--sdi-focus, var(--_primary));
    outline-offset: 2px;
  }
  .quick-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .access-field {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .access-field legend {
    float: left;
    width: 100%;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: normal !important;
    min-height: 2.5rem;
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  .near-status {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .near-status:empty {
    display: none;
  }
  .near-status.problem {
    color: var(--_error);
  }
  .clear {
    justify-self: start;
  }
  .more-filters > summary {
    cursor: pointer;
    font-weight: 600;
    padding: 0.5rem 0;
    color: var(--_primary);
  }
  .more-filters[open] > summary {
    margin-bottom: 0.5rem;
  }

  /* Results ----------------------------------------------------------------------------- */
  .count {
    margin: 0;
    font-weight: 700;
    min-height: 1.5em;
  }
  .count.pending {
    color: var(--_muted);
    font-weight: normal;
  }
  .count:focus {
    outline: none;
  }
  .count:focus-visible {
    outline: 2px solid var(--sdi-focus, var(--_primary));
  }
  .results {
    display: grid;
    gap: 1rem;
    min-width: 0;
  }
  .day {
    display: grid;
    gap: 0.5rem;
  }
  .day-heading {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
    padding-bottom: 0.25rem;
    border-bottom: 1px solid var(--_border);
  }
  .day-heading::first-letter {
    text-transform: uppercase;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  .layout-grid .cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
  }
  .card {
    /* A card's layout never depends on the rest of the list: new cards are laid out alone, and
       those below the fold skip layout and paint until scrolled to. */
    contain: layout style;
    content-visibility: auto;
    contain-intrinsic-size: auto 9rem;
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  .card.has-thumb {
    grid-template-columns: var(--_thumb) minmax(0, 1fr);
  }
  .card:hover {
    border-color: var(--_primary);
  }
  .card:focus-within {
    border-color: var(--_primary);
    box-shadow: 0 0 0 1px var(--_primary);
  }
  .layout-grid .card.has-thumb {
    grid-template-columns: minmax(0, 1fr);
  }
  .thumb {
    /* A fixed box, so an image arriving never moves the text (no layout shift). */
    aspect-ratio: 4 / 3;
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .thumb img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .body {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    min-width: 0;
  }
  .card-title {
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.3;
  }
  .open {
    all: unset;
    cursor: pointer;
    color: var(--_primary);
    font-weight: 700;
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  .open:hover {
    text-decoration-thickness: 2px;
  }
  .open:focus-visible {
    outline: 2px solid var(--sdi-focus, var(--_primary));
    outline-offset: 2px;
  }
  /* The whole card opens the detail; only the title is announced as the button. */
  .open::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .status-cancelled .open,
  .status-cancelled .detail-title {
    text-decoration-line: line-through;
    color: var(--_muted);
  }
  .when,
  .where {
    margin: 0;
  }
  .where,
  .more-slots,
  .distance {
    color: var(--_muted);
  }
  .more-slots {
    font-size: 0.875em;
  }
  .badges,
  .access {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .badge,
  .status {
    display: inline-block;
    padding: 0 0.5rem;
    border-radius: 1em;
    font-size: 0.8125em;
    line-height: 1.6;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }
  .status {
    justify-self: start;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.02em;
    background: var(--_surface);
  }
  .status-cancelled > .status,
  .status.status-cancelled {
    color: var(--_error);
    border-color: var(--_error);
  }
  .status.status-full,
  .status.status-postponed {
    color: var(--sdi-warning, #716043);
    border-color: currentColor;
  }
  .access-item {
    display: inline-flex;
    color: var(--_text);
  }
  .icon {
    flex: none;
  }
  .more {
    justify-self: center;
  }
  .see-all {
    justify-self: start;
    font-weight: 600;
  }
  .skipped {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .empty {
    padding: 1rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .empty p {
    margin: 0;
  }
  .error {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .error p,
  .notice.stale {
    margin: 0;
  }
  .notice.stale {
    border-left-color: var(--_muted);
    font-size: 0.875em;
  }

  /* Loading placeholders, the size of real cards -------------------------------------------- */
  /* A card with its day heading: measured 135 + 36 px in a wide list, 230 to 410 px in a narrow
     one, where the picture goes above the text (test/browser/layout-shift.test.ts logs them). */
  .skeleton {
    min-height: 10rem;
  }
  @container (max-width: 30rem) {
    .skeleton {
      min-height: 18rem;
    }
  }
  .skeleton .bar {
    height: 1em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    margin: 0.25rem 0;
  }
  .skeleton .bar.title {
    width: 70%;
    height: 1.25em;
  }
  .skeleton .bar.short {
    width: 40%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton .bar {
      animation: pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  /* Compact layout: one line of facts per event, no images, no badges --------------------- */
  .layout-compact .card,
  .layout-compact .card.has-thumb {
    grid-template-columns: minmax(0, 1fr);
    padding: 0.5rem 0.75rem;
  }
  .layout-compact .thumb,
  .layout-compact .card .badges,
  .layout-compact .card .access {
    display: none;
  }
  .layout-compact .cards {
    gap: 0.5rem;
  }
  .layout-compact .skeleton {
    min-height: 4.5rem;
  }

  /* Detail dialog --------------------------------------------------------------------------- */
  .detail {
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    width: min(var(--sdi-detail-width, 42rem), calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    color: var(--_text);
    background: var(--_surface);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.3);
  }
  .detail::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .detail-inner {
    display: grid;
    gap: 0.75rem;
    padding: 1rem 1.25rem 1.25rem;
  }
  .detail-header {
    display: flex;
    gap: 1rem;
    align-items: start;
    justify-content: space-between;
  }
  .detail-title {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
  }
  .detail-title:focus {
    outline: none;
  }
  .detail-title:focus-visible {
    outline: 2px solid var(--sdi-focus, var(--_primary));
  }
  .close {
    flex: none;
  }
  .detail-section h3 {
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
  .detail-section p,
  .detail-inner > p {
    margin: 0;
  }
  .detail-image {
    margin: 0;
  }
  .detail-image img {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .detail-image figcaption {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .slots,
  .links {
    margin: 0;
    padding-left: 1.25rem;
  }
  .description :is(h4, h5, h6) {
    margin: 0.75rem 0 0.25rem;
    font-size: 1em;
  }
  .description p {
    margin: 0 0 0.5rem;
  }
  .description img {
    max-width: 100%;
    height: auto;
  }
  .description.plain,
  .conditions {
    white-space: pre-line;
  }
  .address,
  .loading-text {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .action-status {
    margin: 0;
    min-height: 1.5em;
    font-weight: 600;
  }

  @container (max-width: 30rem) {
    .card.has-thumb {
      grid-template-columns: minmax(0, 1fr);
    }
    .thumb {
      max-width: 12rem;
    }
    .date-inputs {
      grid-template-columns: auto minmax(0, 1fr);
    }
  }
  @media (forced-colors: active) {
    .status,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
