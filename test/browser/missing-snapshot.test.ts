/**
 * Issue #16, item 4: a missing or unreadable snapshot is the operator's problem, not the
 * visitor's connection. Each widget that reads the snapshot says the programme is not available
 * (French and English), the console says once which address was tried and how to fix it, and a
 * real network failure keeps the message that asks the visitor to check their connection.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/event-list/define.js';
import '../../src/elements/edition-banner/define.js';
import '../../src/elements/region-map/define.js';
import type { FetchLike } from '../../src/feed/http.js';
import { FeedStore } from '../../src/store/feed-store.js';
import { collectUncaught, stubWarn } from '../support/browser/support.js';

const FR = 'Le programme n’est pas disponible pour le moment.';
const FR_MAP = "Le programme n'est pas disponible pour le moment.";
const EN = 'The programme is not available for now.';
const FR_NETWORK = 'Les événements n’ont pas pu être chargés. Vérifiez votre connexion puis réessayez.';

let folder = 0;
/** A snapshot folder of its own per test: the one-warning-per-address rule is per page. */
function nextSrc(): string {
  folder += 1;
  return new URL(`/missing-${Date.now()}-${folder}/snapshot/`, location.href).href;
}

/** A store whose requests for index.json get `answer`, as a misconfigured host would give. */
function storeAnswering(answer: () => Promise<Response>): FeedStore {
  const fetch: FetchLike = (input) =>
    input.endsWith('/index.json') ? answer() : Promise.resolve(new Response('', { status: 500 }));
  return new FeedStore({ retries: 0, backoffMs: 1, timeoutMs: 5_000, fetch });
}

const shadowText = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

const ANSWERS: [string, () => Promise<Response>][] = [
  ['404 on index.json', async () => new Response('Not Found', { status: 404 })],
  [
    'an HTML page instead of JSON',
    async () => new Response('<!doctype html><title>Accueil</title>', { status: 200, headers: { 'content-type': 'text/html' } }),
  ],
  ['an unknown format version', async () => new Response(JSON.stringify({ format: 3, files: {} }), { status: 200 })],
];

describe('missing snapshot: named as the operator’s problem', () => {
  const uncaught = collectUncaught();

  for (const [name, answer] of ANSWERS) {
    it(`${name}: the list, the banner and the map say the programme is unavailable; one warning names the address`, async () => {
      const src = nextSrc();
      const store = storeAnswering(answer);
      const warn = stubWarn();
      try {
        const list = await fixture(html`<sdi-event-list src=${src} .store=${store}></sdi-event-list>`);
        await waitUntil(() => shadowText(list).includes(FR), `list: ${shadowText(list).slice(0, 200)}`, { timeout: 10_000 });
        expect(shadowText(list)).to.not.contain('connexion');
        const banner = await fixture(html`<sdi-edition-banner src=${src} .store=${store}></sdi-edition-banner>`);
        await waitUntil(() => shadowText(banner).includes('Le programme n'), `banner: ${shadowText(banner).slice(0, 200)}`, {
          timeout: 10_000,
        });
        const map = await fixture(html`<sdi-region-map src=${src} .store=${store}></sdi-region-map>`);
        await waitUntil(() => shadowText(map).includes(FR_MAP), `map: ${shadowText(map).slice(0, 200)}`, { timeout: 15_000 });
        const english = await fixture(html`<sdi-event-list lang="en" src=${src} .store=${store}></sdi-event-list>`);
        await waitUntil(() => shadowText(english).includes(EN), 'english list', { timeout: 10_000 });
        const warnings = warn.calls.map((args) => args.map(String).join(' ')).filter((line) => line.includes('No snapshot at'));
        expect(warnings, warnings.join('\n')).to.have.length(1);
        expect(warnings[0]).to.contain(`${src}index.json`).and.to.contain('sdi:src').and.to.contain('Publish a snapshot');
      } finally {
        warn.restore();
      }
      expect(uncaught).to.deep.equal([]);
    });
  }

  it('a real network failure keeps the message about the connection, and no snapshot warning', async () => {
    const store = storeAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    const warn = stubWarn();
    try {
      const list = await fixture(html`<sdi-event-list src=${nextSrc()} .store=${store}></sdi-event-list>`);
      await waitUntil(() => shadowText(list).includes(FR_NETWORK), `list: ${shadowText(list).slice(0, 200)}`, {
        timeout: 10_000,
      });
      expect(warn.calls.map((args) => String(args[0])).join('\n')).to.not.contain('No snapshot at');
    } finally {
      warn.restore();
    }
  });
});
