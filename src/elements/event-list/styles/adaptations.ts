import { css } from 'lit';

/**
 * Narrow containers and forced colours: they come last, so that they win over the rules above
 * at equal specificity.
 */
export const adaptationStyles = css`
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
