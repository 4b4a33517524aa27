/**
 * The classic-script door to the bundle: `dist/sdi-widgets.classic.js`, for pages where a CMS,
 * a tag manager or a plugin's allow-list keeps `<script src="…">` but drops `type="module"` (the
 * module bundle then fails with a SyntaxError). Pasted as `<script src="…/sdi-widgets.classic.js">`
 * it imports the module bundle published beside it, so everything else (which elements load, the
 * default snapshot `…/snapshot/` beside the script) is exactly what the module tag gives.
 *
 * Built as a classic script by scripts/build/classic-loader.mjs: no import or export statement
 * (the file is a TypeScript script, not a module), and an IIFE so that pasting the tag twice does
 * not redeclare top-level bindings in the page's shared global scope.
 */
(() => {
  const PREFIX = '[semaine-industrie-widgets]';
  // Read now: `document.currentScript` is only set while this script's top level runs. Read
  // through Document's own getter: an injected `<img name="currentScript">` shadows the property
  // on `document` (DOM clobbering), and a loader that then searched the page for a tag could be
  // steered to an attacker's copy beside which it would import "the bundle".
  const getter = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get;
  const script: unknown = getter ? getter.call(document) : null;
  let own = script instanceof HTMLScriptElement ? script.src : '';
  if (!own && script instanceof HTMLScriptElement) {
    // Loaders that fetch and run scripts themselves (Cloudflare's Rocket Loader, some tag
    // managers) run this code from an inline script, but our tag is still in the document with
    // its src. Only when every such tag names one address: an injected copy elsewhere makes the
    // choice ambiguous, and the loader refuses rather than guess.
    const query = Document.prototype.querySelectorAll;
    const tags = query.call(document, 'script[src*="sdi-widgets.classic"]');
    const addresses = new Set<string>();
    for (const tag of tags) if (tag instanceof HTMLScriptElement) addresses.add(tag.src);
    if (addresses.size === 1) own = [...addresses][0] ?? '';
  }
  if (!own) {
    // In a shadow root or a module, currentScript is null; a clobbered one is not a script.
    console.warn(
      `${PREFIX} sdi-widgets.classic.js could not find its own address (document.currentScript); ` +
        'paste it as a plain <script src=".../sdi-widgets.classic.js"></script> in the page.',
    );
    return;
  }
  let bundle: string;
  try {
    bundle = new URL('./sdi-widgets.js', own).href;
  } catch (error) {
    // A blob: or data: copy of this file has no folder to find the bundle in.
    console.warn(`${PREFIX} sdi-widgets.classic.js cannot locate sdi-widgets.js beside ${own}:`, error);
    return;
  }
  // Pasted twice, or beside the module tag: the browser's module map runs the bundle once per URL.
  import(bundle).catch((error: unknown) => {
    console.warn(`${PREFIX} could not load ${bundle}:`, error);
  });
})();
