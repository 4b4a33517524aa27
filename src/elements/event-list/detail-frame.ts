/**
 * The `<dialog>` element of the detail, one template for the empty one the list renders before
 * the detail's chunk arrives and the one the detail fills: lit then keeps the same element, so a
 * reference the host page (or a test) took on the first click still points at the open dialog.
 */
import { html, nothing, type TemplateResult } from 'lit';

export function detailFrame(
  labelled: boolean,
  onClose: () => void,
  onClick: (event: MouseEvent) => void,
  content: TemplateResult | typeof nothing,
): TemplateResult {
  return html`<dialog part="detail" class="detail" aria-labelledby=${labelled ? 'detail-title' : nothing}
    @close=${onClose} @click=${onClick}>${content}</dialog>`;
}
