/**
 * Registers custom elements so that loading the script twice, or two versions of the library on
 * one page (a partner's theme and a plugin each bundling us), never throws: the first definition
 * wins, as the platform requires, and a different version is reported once per tag.
 */
import { VERSION } from '../../version.js';

const VERSION_KEY = Symbol.for('semaine-industrie-widgets.versions');

type VersionRegistry = Map<string, string>;

function registry(): VersionRegistry {
  const holder = globalThis as unknown as Record<symbol, VersionRegistry | undefined>;
  let map = holder[VERSION_KEY];
  if (!map) {
    map = new Map();
    holder[VERSION_KEY] = map;
  }
  return map;
}

const warned = new Set<string>();

export function defineElement(tag: string, ctor: CustomElementConstructor, version: string = VERSION): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  const versions = registry();
  if (existing) {
    const other = versions.get(tag);
    if (existing !== ctor && other !== version && !warned.has(tag)) {
      warned.add(tag);
      // A definition that did not register a version is a copy older than this registry, or
      // another library using the tag: either way the partner sees a widget that is not ours.
      const owner = other === undefined ? 'another script' : `version ${other}`;
      console.warn(
        `[semaine-industrie-widgets] <${tag}> is already defined by ${owner}; ` +
          `version ${version} loaded on the same page is not used for it.`,
      );
    }
    return;
  }
  try {
    customElements.define(tag, ctor);
    versions.set(tag, version);
  } catch (error) {
    // Another copy may have defined the tag between our check and our call (two scripts racing);
    // that copy is in charge now and the page must not see an exception.
    if (!customElements.get(tag)) {
      console.warn(`[semaine-industrie-widgets] could not define <${tag}>:`, error);
    }
  }
}
