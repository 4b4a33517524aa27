/**
 * The region list folded into one native `<select>`, for narrow widgets (a phone's column, a
 * sidebar): eighteen buttons there pushed the page three screens down under the map. Rendered
 * beside the button list; the stylesheet shows one of the two by the widget's own width (a
 * container query, so the right one is painted first, with no script measuring), and the hidden
 * one is `display: none`, out of the accessibility tree. A native control because phones give it
 * their own picker, and keyboards and screen readers know it without any script of ours.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatCount } from '../../i18n/format.js';
import type { Region } from '../../geo/admin.js';
import type { PanelsContext } from './map-panels.js';

function total(counts: Record<string, number>): number {
  let sum = 0;
  for (const n of Object.values(counts)) sum += n;
  return sum;
}

/** The folded list: « Toute la France » first, then the regions shown, with their counts. */
export function renderRegionPicker(ctx: PanelsContext, shown: readonly Region[]): TemplateResult {
  const { m, lang, data } = ctx;
  const counts = data?.counts ?? {};
  const all = data?.total ?? total(counts);
  const choose = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    ctx.chooseRegion(value || undefined);
  };
  return html`<div class="picker">
    <label class="list-title" for="region-select">${m.listTitle}</label>
    <select id="region-select" part="region-select" @change=${choose}>
      <option value="" .selected=${live(!ctx.selection)}>${m.regionButton(m.all, formatCount(all, lang), all)}</option>
      ${shown.map((r) => {
        const n = counts[r.code] ?? 0;
        return html`<option value=${r.code} .selected=${live(ctx.selection === r.code)}>
          ${m.regionButton(r.name, formatCount(n, lang), n)}
        </option>`;
      })}
    </select>
  </div>`;
}

/** Its room while the data loads: the same box, disabled, unseen, unread. */
export function renderPickerSizer(ctx: PanelsContext, sample: string): TemplateResult {
  return html`<div class="picker">
    <span class="list-title">${ctx.m.listTitle}</span>
    <select disabled><option>${sample}</option></select>
  </div>`;
}
