/**
 * Where the configurator's snippets load the widgets from: the bundle this very page loaded (so a
 * configurator published beside the bundle writes snippets for that deployment), and whether that
 * address can work on a partner's site at all.
 */

/** Shown and written when the page loaded no bundle: it resolves nowhere, and says so. */
export const PLACEHOLDER_SCRIPT_URL = 'https://cdn.example.org/semaine-industrie-widgets/sdi-widgets.js';

const BUNDLE_FILE = 'sdi-widgets.js';
const CLASSIC_FILE = 'sdi-widgets.classic.js';
const STYLESHEET_FILE = 'sdi-widgets.css';

/**
 * The absolute URL of the script-tag bundle the document loaded (module or classic loader), or
 * undefined when it loaded none. `script.src` is already resolved against the page's base URL.
 */
export function findBundleUrl(doc: Document = document): string | undefined {
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[src]')) {
    let url: URL;
    try {
      url = new URL(script.src);
    } catch {
      continue;
    }
    const file = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    if (file === BUNDLE_FILE || file === CLASSIC_FILE) {
      url.pathname = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1) + BUNDLE_FILE;
      url.search = '';
      url.hash = '';
      return url.href;
    }
  }
  return undefined;
}

/** The three files a snippet may name, all in the bundle's folder. */
export interface DeploymentFiles {
  module: string;
  classic: string;
  stylesheet: string;
}

export function deploymentFiles(bundleUrl: string): DeploymentFiles {
  return {
    module: new URL(BUNDLE_FILE, bundleUrl).href,
    classic: new URL(CLASSIC_FILE, bundleUrl).href,
    stylesheet: new URL(STYLESHEET_FILE, bundleUrl).href,
  };
}

/**
 * `public`: reachable from a partner's site, as far as the address can tell. `local`: only this
 * machine or its network can reach it (localhost, loopback, private and link-local ranges, a
 * single-label intranet name, .local, file:). `placeholder`: a documentation or reserved name
 * (example.org, .test, .invalid…) that resolves nowhere useful.
 */
export type AddressKind = 'public' | 'local' | 'placeholder';

const PLACEHOLDER_HOSTS = /(^|\.)(example\.(org|com|net)|example|test|invalid|cdn)$/i;
const LOCAL_SUFFIXES = /(^|\.)(localhost|local|internal|lan|home\.arpa)$/i;

function isPrivateIpv4(host: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return false;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT: not reachable from the internet either
  );
}

function isLocalIpv6(host: string): boolean {
  if (!host.startsWith('[')) return false;
  const address = host.slice(1, -1).toLowerCase();
  return address === '::1' || address === '::' || /^f[cd]/.test(address) || /^fe[89ab]/.test(address);
}

export function classifyAddress(address: string): AddressKind {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'placeholder';
  }
  if (url.protocol === 'file:' || url.protocol === 'blob:' || url.protocol === 'data:') return 'local';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'placeholder';
  const host = url.hostname;
  if (host.startsWith('[')) return isLocalIpv6(host) ? 'local' : host.startsWith('[2001:db8') ? 'placeholder' : 'public';
  if (PLACEHOLDER_HOSTS.test(host)) return 'placeholder';
  if (LOCAL_SUFFIXES.test(host) || isPrivateIpv4(host) || !host.includes('.')) return 'local';
  return 'public';
}
