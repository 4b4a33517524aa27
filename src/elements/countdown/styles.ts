import { css } from 'lit';

/**
 * The box keeps one height whatever the phase (`--sdi-countdown-min-height`), so the page does not
 * jump when the countdown turns into "en cours". Numbers use tabular figures so ticking does not
 * make the row wobble. There is no animation, so reduced motion needs nothing here beyond the
 * element not ticking seconds.
 */
export const countdownStyles = css`
  :host {
    --_number-size: var(--sdi-countdown-number-size, 2.5rem);
    --_number-color: var(--sdi-countdown-number-color, var(--_primary));
    --_unit-background: var(--sdi-countdown-unit-background, var(--_surface-alt));
  }
  .countdown {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_gap) / 2);
  }
  .heading {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  /* Only the part that changes with the phase reserves its height: heading, notices and link
     are the same in every phase. The default fits the numbers and a one-line sentence. */
  .body {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: calc(var(--_gap) / 2);
    min-height: var(--sdi-countdown-min-height, 7rem);
  }
  .clock {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) / 2);
  }
  .unit {
    display: flex;
    flex-direction: column;
    align-items: center;
    min-width: 4.5em;
    padding: 0.25rem 0.5rem;
    border-radius: var(--_radius);
    background: var(--_unit-background);
  }
  .number {
    font-size: var(--_number-size);
    font-weight: 700;
    line-height: 1.1;
    color: var(--_number-color);
    font-variant-numeric: tabular-nums;
  }
  .label {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .message,
  .upcoming {
    margin: 0;
  }
  .phase-during .message,
  .phase-after .message {
    font-weight: 700;
  }
  sup {
    /* Keeps the line box stable: a raised suffix would otherwise push the line apart. */
    line-height: 0;
    font-size: 0.7em;
  }
  .notice {
    margin: 0;
  }
  .link {
    align-self: flex-start;
  }
`;
