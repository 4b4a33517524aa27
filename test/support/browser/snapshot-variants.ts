/**
 * Variants of the fixture snapshot served from the page itself, without touching the fixture
 * server: `/snapshot-bare/` is `/snapshot/` whose index lost its edition record (a snapshot built
 * without `--edition`), `/snapshot-elsewhen/` the same with its events' days moved to a span no
 * known week matches (a past agenda). The widgets read them through the global `fetch`.
 */
export const BARE_SNAPSHOT = '/snapshot-bare/';
export const ELSEWHEN_SNAPSHOT = '/snapshot-elsewhen/';

/** The days the `elsewhen` variant's index reports: 2 to 9 March 2023, no edition's week. */
export const ELSEWHEN_DAYS = ['2023-03-02', '2023-03-05', '2023-03-09'];

type IndexJson = { edition?: unknown; counts: { day: Record<string, number> } } & Record<string, unknown>;

function rewrite(index: IndexJson, variant: 'bare' | 'elsewhen'): IndexJson {
  const { edition: _dropped, ...bare } = index;
  if (variant === 'bare') return bare as IndexJson;
  const total = Object.values(index.counts.day).reduce((sum, n) => sum + n, 0);
  const day: Record<string, number> = {};
  ELSEWHEN_DAYS.forEach((key, i) => (day[key] = i === 0 ? total : 1));
  return { ...bare, counts: { ...index.counts, day } } as IndexJson;
}

/** Installs the variants; returns the function that restores the page's fetch. */
export function serveSnapshotVariants(): () => void {
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const match = /^\/snapshot-(bare|elsewhen)\//.exec(url.pathname);
    if (!match) return original(input, init);
    const variant = match[1] as 'bare' | 'elsewhen';
    url.pathname = url.pathname.replace(match[0], '/snapshot/');
    const response = await original(url.href, init);
    if (!url.pathname.endsWith('/index.json') || !response.ok) return response;
    const body = rewrite((await response.json()) as IndexJson, variant);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return () => {
    window.fetch = original;
  };
}
