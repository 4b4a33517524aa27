/**
 * The map's presentation attributes (`tiles`, `attribution`, `height`, `regions-geojson`) read
 * into the view's configuration, each bad value reported (in the widget and the console) and left
 * at its default.
 */
import { readBaseMapOptions, type MapMode, type OverseasLayout } from '../../map/base-map-options.js';
import { parseHeight } from '../../map/height.js';
import { parseTiles, type TileChoice } from '../../map/tiles.js';
import { partnerLink } from '../../security/link-policy.js';
import type { Lang } from '../../model/types.js';
import type { AttributeProblems } from '../shared/attribute-problems.js';
import type { MapMessages } from './messages.js';

export interface ViewConfig {
  tiles: TileChoice;
  height?: string;
  regionsGeojson?: string;
  overseas: OverseasLayout;
  mode: MapMode;
}

export interface ViewAttributes {
  tiles?: string | undefined;
  attribution?: string | undefined;
  height?: string | undefined;
  regionsGeojson?: string | undefined;
  overseas?: string | undefined;
  mode?: string | undefined;
}

export function readViewConfig(
  attributes: ViewAttributes,
  problems: AttributeProblems,
  m: MapMessages,
  lang: Lang = 'fr',
): ViewConfig {
  for (const attribute of ['tiles', 'attribution', 'height', 'regions-geojson', 'overseas', 'mode'] as const)
    problems.clear(attribute);
  const tiles = parseTiles(attributes.tiles, attributes.attribution);
  for (const problem of tiles.problems) {
    problems.report({ attribute: problem.attribute, value: problem.value, message: m.tiles[problem.reason] });
  }
  const base = readBaseMapOptions(attributes, lang);
  for (const problem of base.problems) problems.report(problem);
  const config: ViewConfig = { tiles: tiles.choice, overseas: base.overseas, mode: base.mode };
  if (attributes.height?.trim()) {
    const height = parseHeight(attributes.height);
    if (height) config.height = height;
    else problems.report({ attribute: 'height', value: attributes.height, message: m.height(attributes.height) });
  }
  if (attributes.regionsGeojson?.trim()) {
    const url = partnerLink(attributes.regionsGeojson, document.baseURI);
    if (url) config.regionsGeojson = url;
    else problems.report({ attribute: 'regions-geojson', value: attributes.regionsGeojson, message: m.regionsGeojson });
  }
  return config;
}
