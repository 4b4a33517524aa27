/**
 * Live mode: reading the OpenAgenda API (or a partner's proxy) from the browser and normalising
 * in the page. Loaded on demand by the store, so the common case (a static snapshot) does not
 * carry the API client and the normaliser in the script-tag bundle.
 */
import { fetchAgenda, fetchEventsPage, readAllEvents, type ApiSource } from '../feed/openagenda-api.js';
import { departmentOf, regionOf } from '../geo/admin.js';
import { normaliseEvents } from '../model/normalise.js';
import { schemaFromAgenda } from '../model/schema.js';
import type { FeedSchema, SdiEvent } from '../model/types.js';

export interface Geography {
  region?: string;
  department?: string;
}

/** The API filters geography by name, not by INSEE code. */
function byName(filter: Geography): { region?: string[]; department?: string[] } {
  const out: { region?: string[]; department?: string[] } = {};
  const region = regionOf(filter.region);
  if (region) out.region = [region.name];
  const department = departmentOf(filter.department);
  if (department) out.department = [department.name];
  return out;
}

export async function readSchema(api: ApiSource): Promise<{ schema: FeedSchema; slug?: string }> {
  const agenda = await fetchAgenda(api);
  const slug = typeof agenda.slug === 'string' ? agenda.slug : undefined;
  return { schema: schemaFromAgenda(agenda), ...(slug ? { slug } : {}) };
}

/** The API's own total for a geography: one tiny page. */
export async function readCount(api: ApiSource, filter: Geography): Promise<number> {
  const page = await fetchEventsPage(api, { size: 1, detailed: false, includeFields: ['uid'], ...byName(filter) });
  return page.total;
}

export async function readEventsLive(
  api: ApiSource,
  filter: Geography,
  schema: FeedSchema,
  slug: string | undefined,
): Promise<{ events: SdiEvent[]; skipped: number }> {
  const raw = await readAllEvents(api, { detailed: true, ...byName(filter) });
  const result = normaliseEvents(raw.events, { schema, ...(slug ? { agendaSlug: slug } : {}) });
  result.events.sort((a, b) => (a.timings[0]?.begin ?? 0) - (b.timings[0]?.begin ?? 0));
  return { events: result.events, skipped: result.skipped };
}
