/**
 * Benchmark page (bundled by bench/browser.ts, never shipped): our list and FullCalendar's
 * list view on the same events, in the same browser, measured the same way: from data in memory
 * to the first rows painted (the frame after the render call), then from a filter change to the
 * updated rows painted.
 */
import { Calendar } from '@fullcalendar/core';
import listPlugin from '@fullcalendar/list';
import '../../src/elements/event-list/define.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import { indexEvents, filterEvents } from '../../src/filters/apply.js';
import { feedStore } from '../../src/store/feed-store.js';
import { pickText } from '../../src/model/text.js';
import { painted, percentile, until } from './timing.js';

function nodesIn(root: Node): number {
  let count = 0;
  const walk = (node: Node) => {
    count += 1;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return count;
}

async function ours(src: string): Promise<Record<string, number>> {
  const data = await feedStore.events({ kind: 'snapshot', src });
  const host = document.getElementById('host')!;
  const started = performance.now();
  const el = document.createElement('sdi-event-list') as SdiEventList;
  el.setAttribute('src', src);
  el.setAttribute('filters', 'region type audience date search');
  host.append(el);
  await el.updateComplete;
  await until(() => Boolean(el.shadowRoot?.querySelector('[part~="card"]')));
  await painted();
  const firstPaint = performance.now() - started;
  const nodes = nodesIn(el);

  // Filtering itself, over the whole edition, with queries a visitor would type.
  const index = indexEvents(data.events);
  filterEvents(index, { q: 'usine' });
  const queries = ['s', 'so', 'sou', 'soud', 'souda', 'soudage', 'mét', 'métal', 'lyon', 'job', 'visite usine', 'numérique'];
  const filterTimes: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of queries) {
      const t = performance.now();
      filterEvents(index, { q, ...(round % 2 ? { region: '84' } : {}) });
      filterTimes.push(performance.now() - t);
    }
  }
  // A filter change through the element, until the updated list is painted.
  const updateTimes: number[] = [];
  for (const q of ['usine', 'métallurgie', 'lycée', '']) {
    const t = performance.now();
    el.setFilters({ q });
    await el.updateComplete;
    await painted();
    updateTimes.push(performance.now() - t);
  }
  el.remove();
  return {
    events: data.events.length,
    firstPaintMs: firstPaint,
    domNodes: nodes,
    filterP50Ms: percentile(filterTimes, 50),
    filterP95Ms: percentile(filterTimes, 95),
    updatePaintedP50Ms: percentile(updateTimes, 50),
    updatePaintedMaxMs: Math.max(...updateTimes),
  };
}

async function fullCalendar(src: string): Promise<Record<string, number>> {
  const data = await feedStore.events({ kind: 'snapshot', src });
  const events = data.events.map((event) => ({
    id: String(event.uid),
    title: pickText(event.title, 'fr'),
    start: event.timings[0]!.begin,
    end: event.timings[event.timings.length - 1]!.end,
  }));
  const host = document.getElementById('host')!;
  const container = document.createElement('div');
  host.append(container);
  const started = performance.now();
  const calendar = new Calendar(container, {
    plugins: [listPlugin],
    initialView: 'listYear',
    initialDate: new Date(data.events[0]!.timings[0]!.begin),
    locale: 'fr',
    events,
  });
  calendar.render();
  await until(() => Boolean(container.querySelector('.fc-list-event')));
  await painted();
  const firstPaint = performance.now() - started;
  const nodes = nodesIn(container);

  // The same filter changes as ours, until the updated list is painted. FullCalendar has no
  // search: the matching events are picked with our index (as fast as it gets, so only the
  // re-rendering is compared) and swapped in, as an integrator would.
  const index = indexEvents(data.events);
  const updateTimes: number[] = [];
  const rows = () => container.querySelectorAll('.fc-list-event').length;
  for (const q of ['usine', 'métallurgie', 'lycée', '']) {
    const before = rows();
    const t = performance.now();
    const uids = new Set(filterEvents(index, { q }).map((event) => String(event.uid)));
    calendar.batchRendering(() => {
      calendar.removeAllEventSources();
      calendar.addEventSource(events.filter((event) => uids.has(event.id)));
    });
    await until(() => rows() !== before);
    await painted();
    updateTimes.push(performance.now() - t);
  }
  calendar.destroy();
  container.remove();
  return {
    events: events.length,
    firstPaintMs: firstPaint,
    domNodes: nodes,
    updatePaintedP50Ms: percentile(updateTimes, 50),
    updatePaintedMaxMs: Math.max(...updateTimes),
  };
}

declare global {
  interface Window {
    runBench(src: string): Promise<unknown>;
  }
}

window.runBench = async (src: string) => {
  // Warm both code paths once, so the measures compare rendering, not first compilation.
  await ours(src);
  await fullCalendar(src);
  const runs = [] as { ours: Record<string, number>; fullcalendar: Record<string, number> }[];
  for (let i = 0; i < 3; i++) runs.push({ ours: await ours(src), fullcalendar: await fullCalendar(src) });
  return runs;
};
