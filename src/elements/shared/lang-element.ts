/**
 * The language of a widget, handled one way for all four: the native `lang` attribute is observed
 * (declaring a reactive `lang` property would shadow the native one), a change re-renders with
 * `changed.has('lang')` in `willUpdate`, and `language` resolves it (own attribute, else the
 * page's, else French).
 */
import { LitElement } from 'lit';
import { resolveLang } from '../../i18n/locale.js';
import type { Lang } from '../../model/types.js';

export class LangElement extends LitElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // Named, so `willUpdate` sees `changed.has('lang')` as for a reactive property.
    if (name === 'lang' && old !== value) this.requestUpdate('lang', old);
  }

  /** The language the widget speaks. */
  protected get language(): Lang {
    return resolveLang(this);
  }
}
