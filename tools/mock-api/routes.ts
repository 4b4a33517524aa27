/**
 * The read routes of the API, as pure functions from a request to an answer (status + body),
 * so the fault layer can delay, replace or cut any of them.
 */
import { indexOf } from './event-index.js';
import { predicateOf } from './filter.js';
import { paginate } from './paginate.js';
import { projectEvent } from './project.js';
import { paramsOf, parseEventsQuery, QueryError, type Params } from './query.js';
import { errorResponse, type ApiResponse } from './respond.js';
import { sortedEvents } from './sort.js';
import type { JsonObject, MockAgenda } from './types.js';

export interface RouteContext {
  agenda(uid: string): MockAgenda | undefined;
  keys: ReadonlySet<string>;
  now: number;
  trailingCursor: boolean;
}

export interface RouteRequest {
  /** Path below the base path, e.g. '/agendas/123/events'. */
  path: string;
  search: URLSearchParams;
  /** The `key` header, if any (it wins over `?key=`, as the preferred form). */
  headerKey: string | undefined;
}

function listEvents(agenda: MockAgenda, params: Params, context: RouteContext): ApiResponse {
  const index = indexOf(agenda);
  const query = parseEventsQuery(params, index.customFields);
  const matches = predicateOf(query.filters, context.now);
  const selected = sortedEvents(index, query.sort, context.now).filter((entry) => matches(entry.event));
  const page = paginate(selected, query, context.trailingCursor);
  const projection = { now: context.now, customFields: index.customFields };
  return {
    status: 200,
    body: {
      total: page.total,
      events: page.entries.map((entry) => projectEvent(entry.event, query.content, projection)),
      after: page.after,
      sort: query.sort,
      success: true,
    },
  };
}

function getEvent(agenda: MockAgenda, eventUid: string, params: Params, context: RouteContext): ApiResponse {
  const index = indexOf(agenda);
  const event = index.byUid.get(eventUid);
  if (!event) return errorResponse(404, 'event not found', { uid: eventUid });
  const query = parseEventsQuery(params, index.customFields);
  // The single-event route always answers the full record.
  const content = { ...query.content, detailed: true };
  const projection = { now: context.now, customFields: index.customFields };
  return { status: 200, body: { success: true, event: projectEvent(event, content, projection) } };
}

function getAgenda(agenda: MockAgenda, params: Params): ApiResponse {
  const detailed = ['1', 'true'].includes(params.get('detailed')?.[0] ?? '');
  if (detailed) return { status: 200, body: agenda.config };
  const { schema: _schema, ...summary }: JsonObject = agenda.config;
  return { status: 200, body: summary };
}

function keyOf(request: RouteRequest): string | undefined {
  return request.headerKey || request.search.get('key') || undefined;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function route(request: RouteRequest, context: RouteContext): ApiResponse {
  const parts = request.path.split('/').filter(Boolean).map(decode);
  const [root, agendaUid, collection, eventRef] = parts;
  if (root !== 'agendas' || agendaUid === undefined || parts.length > 4) {
    return errorResponse(404, 'route not found', { path: request.path });
  }
  if (collection !== undefined && collection !== 'events') {
    return errorResponse(404, 'route not found', { path: request.path });
  }
  const key = keyOf(request);
  if (!key || !context.keys.has(key)) {
    return errorResponse(403, key ? 'invalid key' : 'missing key', {
      reason: key ? 'the key is unknown or does not grant access to this agenda' : 'no key sent',
    });
  }
  const agenda = context.agenda(agendaUid);
  if (!agenda) return errorResponse(404, 'agenda not found', { uid: agendaUid });
  const params = paramsOf(request.search);
  try {
    if (collection === undefined) return getAgenda(agenda, params);
    if (eventRef === undefined) return listEvents(agenda, params, context);
    return getEvent(agenda, eventRef, params, context);
  } catch (error) {
    if (error instanceof QueryError) return errorResponse(error.status, error.message, error.info);
    throw error;
  }
}
