/**
 * The library's one Trusted Types policy, `sdi-widgets`: the name partners who restrict policy
 * names (`trusted-types …`) must allow, with lit's `lit-html`. A name can be created only once per
 * page unless the page says 'allow-duplicates', so a second `createPolicy('sdi-widgets')` would be
 * refused (and reported) on exactly the pages that allow it: every use goes through this module.
 * DOMPurify's default name, `dompurify`, is not used: it would collide with a host page's own
 * DOMPurify where duplicates are refused.
 *
 * The policy is created on first need (a detail opened, JSON-LD published), never on load: a page
 * that only shows cards creates none, and this module sits in lazy chunks only.
 *
 * What it lets through, and why that is safe:
 * - HTML: as is, but it is handed to our own DOMPurify instance only, which needs it to parse the
 *   untrusted description into an inert document that it then cleans (src/list/description.ts).
 * - Script: JSON text without `<` only (the list's JSON-LD data block). JSON run as JavaScript
 *   does nothing (no call, no assignment), and without `<` it cannot close its script element.
 * - Script URLs: none.
 */

/**
 * The part of a policy the widgets use. Declared here rather than imported from
 * `trusted-types/lib`: these declarations ship in the package's types, and an app resolving
 * with `nodenext` cannot find that path (the published types would not compile).
 */
export interface WidgetsPolicy {
  readonly name: string;
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
}

interface PolicyFactory {
  createPolicy(
    name: string,
    rules: { createHTML(input: string): string; createScript(input: string): string; createScriptURL(input: string): never },
  ): WidgetsPolicy;
}

export const TRUSTED_TYPES_POLICY_NAME = 'sdi-widgets';

function refuseScriptUrl(): never {
  throw new TypeError(`${TRUSTED_TYPES_POLICY_NAME}: the widgets load no script by URL`);
}

/** The gate of `createScript`: throws unless the text is JSON that cannot end a `<script>`. */
export function checkJsonScript(text: string): string {
  if (text.includes('<')) throw new TypeError(`${TRUSTED_TYPES_POLICY_NAME}: a "<" could close the script element`);
  JSON.parse(text);
  return text;
}

let policy: WidgetsPolicy | null | undefined;

/**
 * The policy, or null where the browser has no Trusted Types or the page refused the name (the
 * callers then fall back: DOMPurify to its own policy, the JSON-LD to a plain string, which only
 * a page without enforcement accepts). Asked once: a refusal is not retried, nor re-reported.
 */
function widgetsPolicy(): WidgetsPolicy | null {
  if (policy !== undefined) return policy;
  policy = null;
  try {
    policy =
      (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
        createHTML: (html: string) => html,
        createScript: checkJsonScript,
        createScriptURL: refuseScriptUrl,
      }) ?? null;
  } catch {
    // The page forbids the name, or another copy of the widgets on the page took it.
  }
  return policy;
}

/** For our DOMPurify instance only (`TRUSTED_TYPES_POLICY`): its createHTML trusts any string. */
export function sanitizerPolicy(): WidgetsPolicy | null {
  return widgetsPolicy();
}

/**
 * Sets the text of a JSON data block (`<script type="application/ld+json">`). Throws when the
 * text is not JSON safe in a script element, and where the page enforces Trusted Types without
 * letting us create the policy.
 */
export function setJsonScriptText(script: HTMLScriptElement, json: string): void {
  const trusted = widgetsPolicy();
  // lib.dom types the setter as string only; browsers with Trusted Types also take a TrustedScript.
  const sink = script as unknown as { textContent: unknown };
  sink.textContent = trusted ? trusted.createScript(json) : checkJsonScript(json);
}
