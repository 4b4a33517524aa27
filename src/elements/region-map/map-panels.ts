/**
 * What the map shows around the Leaflet view, as templates: the territory switcher above it, the
 * status lines below it, and the list of regions (the map's keyboard and screen-reader twin).
 * While the data loads, invisible copies keep the room of what is to come, so the page below does
 * not jump when it arrives.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { regionOf, regions } from '../../geo/admin.js';
import { formatCount } from '../../i18n/format.js';
import { intlLocale } from '../../i18n/locale.js';
import type { MapData } from '../../map/map-data.js';
import { REGION_PLACES, TERRITORIES } from '../../map/regions.js';
import type { Lang } from '../../model/types.js';
import type { MapMessages } from './messages.js';
import { renderPickerSizer, renderRegionPicker } from './region-picker.js';
import { unplacedCount } from './unplaced.js';

/** As wide as a region's count in a national edition (three digits, plural). */
const SIZER_COUNT = 888;

export interface PanelsContext {
  m: MapMessages;
  lang: Lang;
  data: MapData | undefined;
  /** The data could not be loaded. */
  failed: boolean;
  selection: string | undefined;
  territory: string;
  viewReady: boolean;
  liveMessage: string;
  stale: boolean;
  outlinesFailed: boolean;
  showTerritory: (id: string) => void;
  chooseRegion: (code: string | undefined) => void;
}

/**
 * Until the view is ready the buttons are aria-disabled, not disabled: in a phone's column the row
 * scrolls sideways, and a scrolling row with nothing focusable in it is out of keyboards' reach.
 */
export function renderSwitcher(ctx: PanelsContext): TemplateResult {
  const { m } = ctx;
  return html`<div class="switcher" part="switcher" role="group" aria-label=${m.switcher}>
    ${TERRITORIES.map((t) => {
      const label = t.id === 'metropole' ? m.metropole : (regionOf(t.id)?.name ?? t.id);
      return html`<button
        type="button"
        part="territory-button"
        aria-pressed=${String(ctx.territory === t.id)}
        aria-disabled=${ctx.viewReady ? 'false' : 'true'}
        @click=${() => ctx.viewReady && ctx.showTerritory(t.id)}
      >${label}</button>`;
    })}
  </div>`;
}

export function renderRegions(ctx: PanelsContext): TemplateResult | typeof nothing {
  const { m, lang, data } = ctx;
  const collator = new Intl.Collator(intlLocale(lang));
  const placed = regions.filter((r) => REGION_PLACES.has(r.code)).sort((a, b) => collator.compare(a.name, b.name));
  if (!data) {
    if (ctx.failed) return nothing;
    // While the points load, an invisible copy of the list to come keeps its room: the page
    // below the map does not jump by its height (about 750 px in a phone's column) when it comes.
    const sample = (name: string) => m.regionButton(name, formatCount(SIZER_COUNT, lang), SIZER_COUNT);
    return html`<div class="regions-sizer" aria-hidden="true">
      <div class="sizer-list">
        <p class="list-title">${m.listTitle}</p>
        <ul class="region-list">
          ${placed.map((r) => html`<li><button type="button" disabled>${sample(r.name)}</button></li>`)}
        </ul>
        <button type="button" class="all" disabled>${m.all}</button>
      </div>
      ${renderPickerSizer(ctx, sample(m.all))}
    </div>`;
  }
  const shown = placed.filter((r) => (data.counts[r.code] ?? 0) > 0 || r.code === ctx.selection);
  return html`${renderRegionPicker(ctx, shown)}
    <div class="regions" id="regions" role="group" tabindex="-1" aria-labelledby="regions-title">
    <p class="list-title" id="regions-title">${m.listTitle}</p>
    <ul class="region-list" part="region-list" aria-labelledby="regions-title">
      ${shown.map((r) => {
        const n = data.counts[r.code] ?? 0;
        return html`<li>
          <button
            type="button"
            part="region-button"
            data-region=${r.code}
            aria-pressed=${String(ctx.selection === r.code)}
            @click=${() => ctx.chooseRegion(r.code)}
          >${m.regionButton(r.name, formatCount(n, lang), n)}</button>
        </li>`;
      })}
    </ul>
    <button type="button" class="all" part="all-button" ?disabled=${!ctx.selection} @click=${() => ctx.chooseRegion(undefined)}>
      ${m.all}
    </button>
  </div>`;
}

export function renderStatus(ctx: PanelsContext): TemplateResult {
  const { m, lang, data } = ctx;
  const unplaced = data ? unplacedCount(data, ctx.selection) : 0;
  return html`<div class="status-box" part="status">
    <p class="status" role="status">${ctx.liveMessage}</p>
    ${data && data.points.length === 0 ? html`<p class="empty">${m.empty}</p>` : nothing}
    ${unplaced > 0 ? html`<p class="muted">${m.unplaced(formatCount(unplaced, lang), unplaced)}</p>` : nothing}
    ${
      !data && !ctx.failed
        ? // An edition always has online events: their note's room is kept while loading, as the list's.
          html`<p class="muted sizer" aria-hidden="true">${m.unplaced(formatCount(SIZER_COUNT, lang), SIZER_COUNT)}</p>`
        : nothing
    }
    ${ctx.stale ? html`<p class="muted">${m.stale}</p>` : nothing}
    ${ctx.outlinesFailed ? html`<p class="muted">${m.regionsGeojsonFailed}</p>` : nothing}
  </div>`;
}
