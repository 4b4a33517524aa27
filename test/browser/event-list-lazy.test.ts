/**
 * The list's parts that only a visitor's action (or idle time) needs come in chunks of their own:
 * the detail dialog (with the sanitiser and the calendar file), the address sync and the JSON-LD
 * mapping. A list that nobody touches never fetches them; a fetch that fails is said in the
 * visitor's language, or the list works on without that part, and nothing reaches the page as an
 * uncaught error. In its own file: each test file gets a fresh page, so the first test sees which
 * modules a plain list has fetched.
 */
import { expect, html } from '@open-wc/testing';
import type { DetailModule } from '../../src/elements/event-list/detail-dialog.js';
import {
  cards,
  clock,
  list,
  resetServer,
  shadow,
  sharedStore,
  SNAPSHOT,
  text,
  until,
} from '../support/browser/event-list-helpers.js';
import { collectUncaught, stubWarn } from '../support/browser/support.js';

const LAZY = /\/(detail-content|actions|description|ics|jsonld|url-state)\.ts|dompurify/;

function lazyFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => LAZY.test(name));
}

/** What a browser says when a chunk cannot be fetched. */
function chunkFailure(): Promise<never> {
  return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
}

function openFirst(el: Element): void {
  const button = cards(el)[0]?.querySelector<HTMLButtonElement>('button.open');
  if (!button) throw new Error('no card');
  button.click();
}

describe('<sdi-event-list> lazy parts', () => {
  const uncaught = collectUncaught();
  let warn: ReturnType<typeof stubWarn> | undefined;

  afterEach(async () => {
    warn?.restore();
    warn = undefined;
    await resetServer();
  });

  it('a list nobody touches fetches neither the detail, the sanitiser, the address sync nor the JSON-LD code', async () => {
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    // Idle work (the search index) has had its chance to run too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cards(el).length).to.be.greaterThan(0);
    expect(lazyFetched()).to.deep.equal([]);
    // The dialog a page takes hold of before the chunk arrives is the one that opens.
    const dialog = shadow(el).querySelector('dialog');
    openFirst(el);
    await until(el, () => Boolean(dialog?.open && dialog.querySelector('#detail-title')));
    expect(shadow(el).querySelector('dialog')).to.equal(dialog);
    expect(lazyFetched().some((name) => /detail-content\.ts/.test(name))).to.equal(true);
    (shadow(el).querySelector('dialog button.close') as HTMLButtonElement).click();
    expect(uncaught).to.deep.equal([]);
  });

  it('says in French that the detail cannot be shown when its code cannot be fetched, and tries again on the next click', async () => {
    warn = stubWarn();
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    const real = el.loadDetail;
    let attempts = 0;
    el.loadDetail = (): Promise<DetailModule> => {
      attempts += 1;
      return chunkFailure();
    };
    openFirst(el);
    await until(el, () => Boolean(shadow(el).querySelector('.detail-error')));
    const notice = shadow(el).querySelector('.detail-error');
    expect(notice?.getAttribute('role')).to.equal('alert');
    expect(text(notice)).to.equal('Le détail de l’événement ne peut pas être affiché pour le moment. Réessayez plus tard.');
    expect(shadow(el).querySelector('dialog')?.open).to.equal(false);
    expect(warn.calls.some((args) => String(args[0]).includes('could not load the event detail'))).to.equal(true);
    expect(attempts).to.equal(1);

    el.loadDetail = real;
    openFirst(el);
    await until(el, () => Boolean(shadow(el).querySelector('dialog')?.open));
    expect(shadow(el).querySelector('.detail-error')).to.equal(null);
    (shadow(el).querySelector('dialog button.close') as HTMLButtonElement).click();
    expect(uncaught).to.deep.equal([]);
  });

  it('says it in English with lang="en"', async () => {
    warn = stubWarn();
    const el = await list(
      html`<sdi-event-list lang="en" src=${SNAPSHOT} .now=${clock} .store=${sharedStore} .loadDetail=${chunkFailure}></sdi-event-list>`,
    );
    openFirst(el);
    await until(el, () => Boolean(shadow(el).querySelector('.detail-error')));
    expect(text(shadow(el).querySelector('.detail-error'))).to.equal(
      'The event details cannot be shown for now. Please try again later.',
    );
    expect(uncaught).to.deep.equal([]);
  });

  it('publishes no JSON-LD, and throws nothing, when the mapping cannot be fetched', async () => {
    warn = stubWarn();
    const el = await list(
      html`<sdi-event-list seo src=${SNAPSHOT} .now=${clock} .store=${sharedStore} .loadJsonLd=${chunkFailure}></sdi-event-list>`,
    );
    await until(el, () => warn!.calls.some((args) => String(args[0]).includes('could not load the seo code')));
    expect(el.querySelector('script[data-sdi-seo]')).to.equal(null);
    expect(cards(el).length).to.be.greaterThan(0);
    expect(uncaught).to.deep.equal([]);
  });

  it('filters on, without the address, when the address sync cannot be fetched', async () => {
    warn = stubWarn();
    const before = location.href;
    history.replaceState(history.state, '', '?sdi-region=84');
    try {
      const el = await list(
        html`<sdi-event-list sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore} .loadUrlState=${chunkFailure}></sdi-event-list>`,
      );
      expect(el.filterState.region).to.equal(undefined);
      expect(cards(el).length).to.be.greaterThan(0);
      el.setFilters({ region: '53' });
      await el.updateComplete;
      expect(el.filterState.region).to.equal('53');
      expect(location.search).to.equal('?sdi-region=84');
      expect(warn.calls.some((args) => String(args[0]).includes('could not load the address sync'))).to.equal(true);
      expect(uncaught).to.deep.equal([]);
    } finally {
      history.replaceState(history.state, '', before);
    }
  });

  it('reads the address once the address sync arrives, showing no unfiltered events meanwhile', async () => {
    const before = location.href;
    history.replaceState(history.state, '', '?sdi-region=84');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async (): Promise<typeof import('../../src/filters/url-state.js')> => {
      await gate;
      return import('../../src/filters/url-state.js');
    };
    try {
      const el = document.createElement('sdi-event-list');
      Object.assign(el, { now: clock, store: sharedStore, loadUrlState: slow });
      el.setAttribute('sync-url', '');
      el.setAttribute('src', SNAPSHOT);
      document.body.append(el);
      await sharedStore.events({ kind: 'snapshot', src: SNAPSHOT });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(cards(el)).to.deep.equal([]);
      release();
      await until(el, () => cards(el).length > 0);
      expect(el.filterState.region).to.equal('84');
      el.remove();
    } finally {
      history.replaceState(history.state, '', before);
    }
  });
});
