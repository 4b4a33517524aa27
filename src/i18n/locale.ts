/**
 * Which language a widget speaks: its own `lang` attribute, else the nearest ancestor's `lang`
 * (the host page's), else French, the product's default. Only fr and en are offered.
 */
import type { Lang } from '../model/types.js';

export function toLang(value: string | null | undefined): Lang | undefined {
  if (!value) return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'fr') return 'fr';
  if (primary === 'en') return 'en';
  return undefined;
}

export function resolveLang(element: Element): Lang {
  const own = element.getAttribute('lang');
  if (own) return toLang(own) ?? 'fr';
  // closest() does not cross shadow roots; walk up through hosts so a widget nested in another
  // component still follows the page's language.
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return toLang(lang) ?? 'fr';
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = null;
    }
  }
  return 'fr';
}

/** BCP 47 tag for Intl: French of France, English of the UK (day-month order, 24 h clock reads naturally next to French). */
export function intlLocale(lang: Lang): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}
