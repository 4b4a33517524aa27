import { css } from 'lit';

export const bannerStyles = css`
  /* Flex wrapping rather than a container query: the link moves under the text whenever both do
     not fit, whatever the reason (a narrow column, zoomed text, a theme's 40px body), and a host
     page that resets every element's properties, the host's container-type included, cannot
     switch it off. */
  .banner {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    align-items: center;
    padding: var(--sdi-banner-padding, 1rem 1.25rem);
    background: var(--sdi-banner-background, var(--_surface-alt));
    color: var(--sdi-banner-color, var(--_text));
    border-left: 0.375rem solid var(--_primary);
    border-radius: var(--_radius);
  }
  .text {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
    flex: 1 1 20em;
  }
  .edition {
    margin: 0;
    font-size: 0.875em;
    font-weight: 700;
    /* No uppercase: it would turn the ordinal's superscript « e » into « E ». */
    letter-spacing: 0.02em;
    color: var(--_primary);
  }
  .title {
    margin: 0;
    font-size: var(--sdi-banner-title-size, 1.5em);
    line-height: 1.2;
  }
  .theme {
    margin: 0;
    font-style: italic;
  }
  .dates {
    margin: 0;
    font-weight: 600;
  }
  .count {
    margin: 0;
    /* One fixed line box whatever the content, so the figure arriving never moves the page. */
    line-height: 1.75rem;
    min-height: 1.75rem;
  }
  .count strong {
    line-height: 1;
    font-size: 1.25em;
    color: var(--_primary);
    font-variant-numeric: tabular-nums;
  }
  .count.pending {
    color: var(--_muted);
    display: grid;
  }
  /* The message and the invisible sentence to come share one cell: the taller sets the height. */
  .count.pending > * {
    grid-area: 1 / 1;
  }
  .count .sizer,
  .count.pending.inline {
    visibility: hidden;
  }
  .count.pending.inline {
    display: inline;
  }
  .next {
    margin: 0;
  }
  .stale {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .cta {
    display: inline-block;
    padding: 0.5rem 1rem;
    background: var(--_primary);
    color: var(--_on-primary);
    text-decoration: none;
    border-radius: var(--_radius);
    font-weight: 600;
    max-width: 100%;
  }
  .cta:hover {
    text-decoration: underline;
  }
`;
