import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/edition-banner/define.js';
import type { SdiEditionBanner } from '../../src/elements/edition-banner/sdi-edition-banner.js';
import { feedStore } from '../../src/store/feed-store.js';
import type { SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { stubWarn, testControl } from '../support/browser/support.js';

const NOV_2026 = Date.UTC(2026, 9, 1, 10); // 1 Oct 2026: before the 15th edition

async function banner(template: ReturnType<typeof html>): Promise<SdiEditionBanner> {
  const el = await fixture<SdiEditionBanner>(template);
  return el;
}

/** Intl writes narrow no-break spaces in numbers; compare texts with every space folded. */
function norm(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function text(el: HTMLElement, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function settled(el: SdiEditionBanner): Promise<void> {
  await waitUntil(() => !el.shadowRoot?.querySelector('.count.pending'), 'count never arrived', { timeout: 10000 });
}

describe('<sdi-edition-banner>', () => {
  let index: SnapshotIndex;

  before(async () => {
    index = (await testControl.index()) as SnapshotIndex;
  });

  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });

  it('shows the edition number, theme, dates and the national count from the snapshot', async () => {
    const el = await banner(html`<sdi-edition-banner src="/snapshot/" edition="15" .now=${() => NOV_2026}></sdi-edition-banner>`);
    await settled(el);
    expect(text(el, 'edition')).to.match(/^15\s*e édition$/);
    // The built-in dates of the 15th come from one unverified source: said, as the countdown says it.
    expect(text(el, 'dates')).to.equal('Du 16 au 22 novembre 2026 (à confirmer)');
    const figure = new Intl.NumberFormat('fr-FR').format(index.total);
    expect(text(el, 'count')).to.equal(norm(`${figure} événements labellisés`));
    await expect(el).to.be.accessible();
  });

  it('counts the events of a region (code or name in any form) and of a department', async () => {
    const region = Object.entries(index.counts.region).find(([code]) => code !== 'none')!;
    const el = await banner(html`<sdi-edition-banner src="/snapshot/" region=${region[0]}></sdi-edition-banner>`);
    await settled(el);
    expect(text(el, 'count')).to.contain(norm(new Intl.NumberFormat('fr-FR').format(region[1])));

    const byName = await banner(html`<sdi-edition-banner src="/snapshot/" region="AUVERGNE-RHONE-ALPES"></sdi-edition-banner>`);
    await settled(byName);
    expect(text(byName, 'count')).to.contain(norm(new Intl.NumberFormat('fr-FR').format(index.counts.region['84'] ?? 0)));
    expect(text(byName, 'count')).to.contain('en Auvergne-Rhône-Alpes');

    const department = Object.entries(index.counts.department)[0]!;
    const dep = await banner(html`<sdi-edition-banner src="/snapshot/" department=${department[0]}></sdi-edition-banner>`);
    await settled(dep);
    expect(text(dep, 'count')).to.contain(norm(new Intl.NumberFormat('fr-FR').format(department[1])));
  });

  it('every region count equals the snapshot count', async () => {
    for (const [code, count] of Object.entries(index.counts.region)) {
      if (code === 'none') continue;
      const el = await banner(html`<sdi-edition-banner src="/snapshot/" region=${code}></sdi-edition-banner>`);
      await settled(el);
      const shown = Number(text(el, 'count').split(' ')[0]!.replace(/\D/g, ''));
      expect(shown, `region ${code}`).to.equal(count);
    }
  });

  it('four banners on a page share one request', async () => {
    const el = await fixture(html`<div>
      <sdi-edition-banner src="/snapshot/"></sdi-edition-banner>
      <sdi-edition-banner src="/snapshot/" region="32"></sdi-edition-banner>
      <sdi-edition-banner src="/snapshot/" region="84"></sdi-edition-banner>
      <sdi-edition-banner src="/snapshot/" department="59"></sdi-edition-banner>
    </div>`);
    for (const banner of el.querySelectorAll('sdi-edition-banner')) await settled(banner as SdiEditionBanner);
    const requests = await testControl.requests();
    expect(requests.filter((r) => r.url.startsWith('/snapshot/index.json'))).to.have.length(1);
  });

  it('in live mode, four widgets asking the same thing make one request to the API', async () => {
    const el = await fixture(html`<div>
      ${[1, 2, 3, 4].map(
        () => html`<sdi-edition-banner agenda="9464342" api="/mock-api/v2" api-key="test-key" region="84"></sdi-edition-banner>`,
      )}
    </div>`);
    for (const banner of el.querySelectorAll('sdi-edition-banner')) await settled(banner as SdiEditionBanner);
    const apiRequests = (await testControl.requests()).filter((r) => r.kind === 'api' && r.method === 'GET');
    expect(apiRequests.filter((r) => r.url.includes('/events'))).to.have.length(1);
    // The live figure is the API's own total for the region's name.
    const response = await fetch('/mock-api/v2/agendas/9464342/events?size=1&adminLevel1[]=Auvergne-Rh%C3%B4ne-Alpes', {
      headers: { key: 'test-key' },
    });
    const { total } = (await response.json()) as { total: number };
    const shown = Number(text(el.querySelector('sdi-edition-banner')!, 'count').split(' ')[0]!.replace(/\D/g, ''));
    expect(shown).to.equal(total);
    expect(total).to.be.greaterThan(0);
  });

  it('names the edition its figures belong to, as the snapshot records it', async () => {
    const el = await banner(html`<sdi-edition-banner src="/snapshot/" .now=${() => Date.UTC(2027, 0, 15)}></sdi-edition-banner>`);
    await settled(el);
    expect(text(el, 'edition')).to.match(/^15\s*e édition$/);
    // Weeks after it, the figures are still the 15th's, told in the past tense (#13).
    expect(text(el, 'dates')).to.equal(
      norm(
        `La 15e édition s’est tenue du 16 au 22 novembre 2026 : ${new Intl.NumberFormat('fr-FR').format(index.total)} événements`,
      ),
    );
  });

  it('an edition whose dates are unknown says so and invents none', async () => {
    const el = await banner(html`<sdi-edition-banner src="/snapshot/" edition="16"></sdi-edition-banner>`);
    expect(text(el, 'dates')).to.equal('Dates à venir');
    expect(text(el, 'edition')).to.match(/^16\s*e édition$/);
  });

  it('speaks English with lang="en", or when the page is in English', async () => {
    const el = await banner(
      html`<sdi-edition-banner src="/snapshot/" edition="15" lang="en" .now=${() => NOV_2026}></sdi-edition-banner>`,
    );
    await settled(el);
    expect(text(el, 'edition')).to.match(/^15\s*th edition$/);
    expect(text(el, 'dates')).to.equal('From 16 to 22 November 2026 (to be confirmed)');
    expect(text(el, 'count')).to.match(/labelled events$/);
    const wrapper = await fixture(
      html`<div lang="en"><sdi-edition-banner src="/snapshot/" number="12" .now=${() => NOV_2026}></sdi-edition-banner></div>`,
    );
    expect(text(wrapper.querySelector('sdi-edition-banner')!, 'count')).to.equal('12 labelled events');
  });

  it('attributes override the built-in facts and a fixed number makes no request', async () => {
    const el = await banner(html`<sdi-edition-banner
      src="/snapshot/"
      edition="15"
      start="2026-11-30"
      end="2026-12-06"
      theme="Fabriquer demain"
      number="1234"
      href="https://example.org/programme"
      .now=${() => NOV_2026}
    ></sdi-edition-banner>`);
    expect(text(el, 'dates')).to.equal('Du 30 novembre au 6 décembre 2026');
    expect(text(el, 'theme')).to.equal('« Fabriquer demain »');
    expect(text(el, 'count')).to.equal(norm(`${new Intl.NumberFormat('fr-FR').format(1234)} événements labellisés`));
    expect(el.shadowRoot!.querySelector('a[part~=cta]')!.getAttribute('href')).to.equal('https://example.org/programme');
    expect(await testControl.requests()).to.have.length(0);
  });

  it('bad attributes give a localised notice and a console.warn naming them, never an exception', async () => {
    const warn = stubWarn();
    try {
      const el = await banner(html`<sdi-edition-banner
        src="/snapshot/"
        region="Atlantide"
        start="2026-13-40"
        number="beaucoup"
        href="javascript:alert(1)"
      ></sdi-edition-banner>`);
      const notices = [...el.shadowRoot!.querySelectorAll('[part~=notice]')].map((n) => n.textContent ?? '');
      expect(notices.join('\n')).to.contain('Atlantide').and.to.contain('2026-13-40').and.to.contain('beaucoup');
      expect(el.shadowRoot!.querySelector('a[part~=cta]')).to.equal(null);
      const warned = warn.calls.map((args) => String(args[0])).join('\n');
      for (const attribute of ['region', 'start', 'number', 'href']) expect(warned).to.contain(`"${attribute}"`);
      await expect(el).to.be.accessible();
    } finally {
      warn.restore();
    }
  });

  it('keeps its size while the count loads (no layout shift)', async () => {
    await testControl.snapshotFault({ match: 'index.json', delayMs: 300, times: 1 });
    const el = await banner(html`<sdi-edition-banner src="/snapshot/"></sdi-edition-banner>`);
    const before = el.getBoundingClientRect().height;
    await settled(el);
    expect(Math.abs(el.getBoundingClientRect().height - before)).to.be.lessThan(2);
  });

  // A 404 is a missing snapshot, which has its own message (missing-snapshot.test.ts).
  it('says the count is unavailable when the feed fails, and nothing throws', async () => {
    await testControl.snapshotFault({ match: 'index.json', status: 503 });
    const el = await banner(html`<sdi-edition-banner src="/snapshot/"></sdi-edition-banner>`);
    await waitUntil(() => text(el, 'count').includes('indisponible'), 'no error state', { timeout: 10000 });
    await expect(el).to.be.accessible();
  });
});
