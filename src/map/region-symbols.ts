/**
 * The national view's count symbols, one per region with events (in its inset for an overseas
 * region when insets are drawn), and the names that go beside them. Proportional discs by
 * default; with the choropleth, where the shade tells the amount, plain counts of one size.
 */
import { L } from './leaflet.js';
import { departmentOf, regionOf } from '../geo/admin.js';
import { formatCount } from '../i18n/format.js';
import type { Lang } from '../model/types.js';
import type { MapMode, OverseasLayout } from './admin-layers.js';
import { insetOf } from './insets.js';
import { isActivation, textSpan } from './leaflet-dom.js';
import { maxRegionCount } from './map-data.js';
import type { NameToPlace } from './map-labels.js';
import type { Outline } from './outlines.js';
import { REGION_PLACES } from './regions.js';
import { minRadiusForText, symbolRadius } from './symbols.js';

export interface SymbolsContext {
  counts: Record<string, number>;
  selection: string | undefined;
  lang: Lang;
  /** The symbol's accessible name: the region, its count, what it counts. */
  symbolLabel(name: string, count: string, n: number): string;
  mode: MapMode;
  overseas: OverseasLayout;
  /** The region whose symbol had focus before the redraw: it gets it back. */
  focusedRegion: string | undefined;
  choose(code: string): void;
}

/** Where a region's symbol stands: in its inset for an overseas region when insets are drawn. */
export function symbolPlace(code: string, label: readonly [number, number], overseas: OverseasLayout): [number, number] {
  const inset = overseas === 'insets' ? insetOf(code) : undefined;
  return inset ? inset.place(label[0], label[1]) : [label[0], label[1]];
}

export function regionSymbols(ctx: SymbolsContext): Map<string, L.Marker> {
  const markers = new Map<string, L.Marker>();
  const max = maxRegionCount(ctx.counts);
  const chip = ctx.mode === 'choropleth';
  for (const place of REGION_PLACES.values()) {
    const n = ctx.counts[place.code] ?? 0;
    if (n <= 0) continue;
    const name = regionOf(place.code)?.name ?? place.code;
    const text = formatCount(n, ctx.lang);
    const radius = chip ? minRadiusForText(text) : Math.max(symbolRadius(n, max), minRadiusForText(text));
    const selected = place.code === ctx.selection;
    const label = ctx.symbolLabel(name, text, n);
    const marker = L.marker(symbolPlace(place.code, place.label, ctx.overseas), {
      icon: L.divIcon({
        html: textSpan('sdi-symbol', text),
        className: `sdi-symbol-icon${selected ? ' is-selected' : ''}${chip ? ' is-chip' : ''}`,
        iconSize: [radius * 2, radius * 2],
      }),
      keyboard: true,
      title: label,
      riseOnHover: true,
      // Small discs above large ones, so no count hides behind a neighbour's.
      zIndexOffset: Math.round(1000 - radius * 10),
      autoPanOnFocus: false,
    });
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute('aria-label', label);
      element.setAttribute('aria-pressed', String(selected));
      element.dataset.region = place.code;
      if (ctx.focusedRegion === place.code) element.focus({ preventScroll: true });
    });
    const choose = () => ctx.choose(place.code);
    marker.on('click', choose);
    marker.on('keydown', (event) => {
      if (isActivation(event as L.LeafletKeyboardEvent)) {
        (event as L.LeafletKeyboardEvent).originalEvent.preventDefault();
        choose();
      }
    });
    markers.set(place.code, marker);
  }
  return markers;
}

/** Region names, largest counts first (they win a contested place), each by its symbol if it has one. */
export function regionNames(
  counts: Record<string, number>,
  markers: ReadonlyMap<string, L.Marker>,
  overseas: OverseasLayout,
): NameToPlace[] {
  const order = [...REGION_PLACES.values()].sort((a, b) => (counts[b.code] ?? 0) - (counts[a.code] ?? 0));
  return order.map((place) => {
    const marker = markers.get(place.code);
    const symbol = marker?.getElement();
    const at = symbolPlace(place.code, place.label, overseas);
    return { key: `r${place.code}`, text: regionOf(place.code)?.name ?? place.code, at, ...(symbol ? { symbol } : {}) };
  });
}

/**
 * What names the view shows: the departments' when a region is chosen, the regions' on the
 * national view (not once clusters replace the symbols), none otherwise.
 */
export function namesToPlace(
  departments: readonly Outline[] | undefined,
  national: boolean,
  counts: Record<string, number>,
  markers: ReadonlyMap<string, L.Marker>,
  overseas: OverseasLayout,
): NameToPlace[] {
  if (departments) {
    return departments.flatMap((d) =>
      d.label ? [{ key: `d${d.code}`, text: departmentOf(d.code)?.name ?? d.code, at: d.label }] : [],
    );
  }
  return national ? regionNames(counts, markers, overseas) : [];
}
