import { css } from 'lit';

/**
 * The filters: fields, date range, quick dates, accessibility choices, «near me», the extra
 * filters' disclosure.
 */
export const filterStyles = css`
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
`;
