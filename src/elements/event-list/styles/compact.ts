import { css } from 'lit';

/**
 * The compact layout: one line of facts per event, no images, no badges.
 */
export const compactStyles = css`
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
`;
