/**
 * The base map's two presentation attributes, read and checked in the light element (this module
 * carries no Leaflet): `overseas` (insets beside the mainland, or tabs) and `mode` (proportional
 * symbols, or a choropleth). A bad value keeps the default and says why, in the widget's language.
 */
import type { Lang } from '../model/types.js';

export type OverseasLayout = 'insets' | 'tabs';
export type MapMode = 'symbols' | 'choropleth';

const OVERSEAS: readonly OverseasLayout[] = ['insets', 'tabs'];
const MODES: readonly MapMode[] = ['symbols', 'choropleth'];

export interface OptionProblem {
  attribute: 'overseas' | 'mode';
  value: string;
  message: string;
}

const MESSAGES: Record<Lang, Record<OptionProblem['attribute'], (value: string) => string>> = {
  fr: {
    overseas: (value) =>
      `« ${value} » n’est pas une présentation des outre-mer : « insets » (encarts, par défaut) ou « tabs » (onglets).`,
    mode: (value) => `« ${value} » n’est pas un mode de carte : « symbols » (par défaut) ou « choropleth » (aplats de couleur).`,
  },
  en: {
    overseas: (value) => `"${value}" is not an overseas layout: "insets" (the default) or "tabs".`,
    mode: (value) => `"${value}" is not a map mode: "symbols" (the default) or "choropleth".`,
  },
};

export interface BaseMapOptions {
  overseas: OverseasLayout;
  mode: MapMode;
  problems: OptionProblem[];
}

function pick<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  const folded = value?.trim().toLowerCase();
  return allowed.find((v) => v === folded);
}

export function readBaseMapOptions(
  attributes: { overseas?: string | undefined; mode?: string | undefined },
  lang: Lang,
): BaseMapOptions {
  const problems: OptionProblem[] = [];
  const overseas = attributes.overseas?.trim() ? pick(OVERSEAS, attributes.overseas) : 'insets';
  const mode = attributes.mode?.trim() ? pick(MODES, attributes.mode) : 'symbols';
  if (!overseas)
    problems.push({
      attribute: 'overseas',
      value: attributes.overseas ?? '',
      message: MESSAGES[lang].overseas(attributes.overseas ?? ''),
    });
  if (!mode)
    problems.push({ attribute: 'mode', value: attributes.mode ?? '', message: MESSAGES[lang].mode(attributes.mode ?? '') });
  return { overseas: overseas ?? 'insets', mode: mode ?? 'symbols', problems };
}
