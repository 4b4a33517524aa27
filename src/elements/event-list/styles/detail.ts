import { css } from 'lit';

/**
 * The detail dialog and its content.
 */
export const detailStyles = css`
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
`;
