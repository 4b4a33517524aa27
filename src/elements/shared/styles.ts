import { css } from 'lit';

/**
 * Styles every widget starts from. Colours fall back to the DSFR tokens a State site defines
 * (without shipping any DSFR asset), then to sober defaults; the page's own font is inherited.
 * `all: initial` on the host is not used: partners expect the widget to blend with their text.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--sdi-primary, var(--blue-france-sun-113-625, #000091));
    --_on-primary: var(--sdi-on-primary, #fff);
    --_text: var(--sdi-text, var(--text-default-grey, #161616));
    --_muted: var(--sdi-muted, var(--text-mention-grey, #5b5b5b));
    --_surface: var(--sdi-surface, var(--background-default-grey, #fff));
    --_surface-alt: var(--sdi-surface-alt, var(--background-alt-grey, #f6f6f6));
    --_border: var(--sdi-border, var(--border-default-grey, #ddd));
    --_error: var(--sdi-error, var(--text-default-error, #ce0500));
    --_radius: var(--sdi-radius, 0.25rem);
    --_gap: var(--sdi-gap, 1rem);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--sdi-font-family, inherit);
    line-height: 1.5;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* The few inherited properties whose page value breaks the layout rather than styling it: a
     theme's white-space: nowrap, word-break: keep-all or text-indent on body, or an !important
     reset of every element (the host included), pushes titles wider than their card. Set again on
     the shadow tree's top-level elements, which no page rule reaches. */
  :host > * {
    white-space: normal;
    word-break: normal;
    overflow-wrap: anywhere;
    text-indent: 0;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .notice {
    border-left: 0.25rem solid var(--_error);
    background: var(--_surface-alt);
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
    color: var(--_text);
  }
  a {
    color: var(--_primary);
  }
  :focus-visible {
    outline: 2px solid var(--sdi-focus, var(--_primary));
    outline-offset: 2px;
  }
`;
