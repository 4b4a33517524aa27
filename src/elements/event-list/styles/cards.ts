import { css } from 'lit';

/**
 * The results: the count, day headings and the cards with their thumbnails, badges and
 * accessibility icons, and the paging buttons under them.
 */
export const cardStyles = css`
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
  .status.status-past {
    color: var(--_muted);
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
`;
