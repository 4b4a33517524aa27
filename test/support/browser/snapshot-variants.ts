/**
 * Variants of the fixture snapshot served from the page itself, without touching the fixture
 * server: `/snapshot-bare/` is `/snapshot/` whose index lost its edition record (a snapshot built
 * without `--edition`), `/snapshot-elsewhen/` the same with its events' days moved to a span no
 * known week matches (a past agenda). The widgets read them through the global `fetch`.
 */
export const BARE_SNAPSHOT = '/snapshot-bare/';
export const ELSEWHEN_SNAPSHOT = '/snapshot-elsewhen/';
/**
 * `/snapshot-last-year/`: the index says it holds the 14th edition (17–23 November 2025), its days
 * a year (52 weeks) earlier: what a partner's page carries before the next programme is out.
 * `/snapshot-last-year-bare/`: the same without the record. Only the index changes: a list still
 * reads the fixture's events.
 */
export const LAST_YEAR_SNAPSHOT = '/snapshot-last-year/';
export const LAST_YEAR_BARE_SNAPSHOT = '/snapshot-last-year-bare/';

/** The days the `elsewhen` variant's index reports: 2 to 9 March 2023, no edition's week. */
export const ELSEWHEN_DAYS = ['2023-03-02', '2023-03-05', '2023-03-09'];

type IndexJson = { edition?: unknown; counts: { day: Record<string, number> } } & Record<string, unknown>;

type Variant = 'bare' | 'elsewhen' | 'last-year' | 'last-year-bare';

const WEEKS_52 = 364 * 24 * 60 * 60 * 1000;

function yearEarlier(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - WEEKS_52).toISOString().slice(0, 10);
}

function rewrite(index: IndexJson, variant: Variant): IndexJson {
  const { edition: _dropped, ...bare } = index;
  if (variant === 'bare') return bare as IndexJson;
  if (variant === 'last-year' || variant === 'last-year-bare') {
    const day = Object.fromEntries(Object.entries(index.counts.day).map(([key, n]) => [yearEarlier(key), n]));
    const record = { number: 14, year: 2025, start: '2025-11-17', end: '2025-11-23' };
    return { ...bare, ...(variant === 'last-year' ? { edition: record } : {}), counts: { ...index.counts, day } } as IndexJson;
  }
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
    const match = /^\/snapshot-(bare|elsewhen|last-year|last-year-bare)\//.exec(url.pathname);
    if (!match) return original(input, init);
    const variant = match[1] as Variant;
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
