import { css } from 'lit';

/**
 * What the list shows instead of (or before) results: no match, a load error, a stale-data
 * notice, and the loading placeholders, the size of real cards.
 */
export const stateStyles = css`
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
  /* The edition over or its programme coming (#13): the reason first, then the one action. */
  .empty .edition-state {
    font-weight: 600;
  }
  /* After the week, above the few events still ahead: the edition is over, its events one action away. */
  .edition-over {
    margin: 0 0 0.75rem;
    padding: 0.75rem 1rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .edition-over p {
    margin: 0;
    font-weight: 600;
  }
  /* Whose past events these are, above them: nobody takes them for what is ahead. */
  .past-note {
    margin: 0 0 0.5rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_muted);
    background: var(--_surface-alt);
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
`;
