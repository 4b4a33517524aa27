import { css } from 'lit';

/**
 * The host (its container query and sizing properties), the list's grid and its buttons and
 * form controls, which every other part of the list builds on.
 */
export const rootStyles = css`
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
`;
