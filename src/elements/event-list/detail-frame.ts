/**
 * The `<dialog>` element of the detail, one template for the empty one the list renders before
 * the detail's chunk arrives and the one the detail fills: lit then keeps the same element, so a
 * reference the host page (or a test) took on the first click still points at the open dialog.
 */
import { html, nothing, type TemplateResult } from 'lit';

// A click on the backdrop closes the dialog; the keyboard's way out is the dialog's own Escape,
// so the click needs no key twin.
/* eslint-disable lit-a11y/click-events-have-key-events */

export function detailFrame(
  labelled: boolean,
  onClose: () => void,
  onClick: (event: MouseEvent) => void,
  content: TemplateResult | typeof nothing,
): TemplateResult {
  return html`<dialog part="detail" class="detail" aria-labelledby=${labelled ? 'detail-title' : nothing}
    @close=${onClose} @click=${onClick}>${content}</dialog>`;
}
