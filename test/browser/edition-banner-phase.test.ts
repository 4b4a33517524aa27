import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/edition-banner/define.js';
import type { SdiEditionBanner } from '../../src/elements/edition-banner/sdi-edition-banner.js';
import { resetPageProgramme } from '../../src/editions/page-programme.js';
import { feedStore } from '../../src/store/feed-store.js';
import type { SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { testControl } from '../support/browser/support.js';
import { BARE_SNAPSHOT, ELSEWHEN_SNAPSHOT, serveSnapshotVariants } from '../support/browser/snapshot-variants.js';

const DEC_7_2026 = Date.UTC(2026, 11, 7, 10);
const NOV_18_2026 = Date.UTC(2026, 10, 18, 10);
const OCT_1_2026 = Date.UTC(2026, 9, 1, 10);

function text(el: HTMLElement, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ');
const en = (n: number) => new Intl.NumberFormat('en-GB').format(n);

async function counted(el: SdiEditionBanner): Promise<void> {
  await waitUntil(() => /\d/.test(text(el, 'count')) && !el.shadowRoot?.querySelector('.pending'), 'no count', {
    timeout: 10000,
  });
}

describe('<sdi-edition-banner> in each phase of the year', () => {
  let index: SnapshotIndex;
  let restore: () => void;

  before(async () => {
    index = (await testControl.index()) as SnapshotIndex;
    restore = serveSnapshotVariants();
  });
  after(() => restore());

  beforeEach(async () => {
    feedStore.clear();
    resetPageProgramme();
    await testControl.reset();
  });

  it('after the week: « La 15e édition s’est tenue du 16 au 22 novembre 2026 : N événements », past programme offered', async () => {
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src="/snapshot/" href="/agenda" .now=${() => DEC_7_2026}></sdi-edition-banner>`,
    );
    await counted(el);
    expect(text(el, 'dates')).to.equal(`La 15e édition s’est tenue du 16 au 22 novembre 2026 : ${fr(index.total)} événements`);
    expect(text(el, 'cta')).to.equal('Revoir le programme');
    // The 16th edition has no dates yet: nothing is invented.
    expect(el.shadowRoot!.querySelector('[part~="next"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("after the week, scoped to a region: the region's figure, in English too", async () => {
    const figure = index.counts.region['32'] ?? 0;
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src="/snapshot/" region="32" lang="en" .now=${() => DEC_7_2026}></sdi-edition-banner>`,
    );
    await counted(el);
    expect(text(el, 'dates')).to.equal(
      `The 15th edition took place from 16 to 22 November 2026: ${en(figure)} events in Hauts-de-France`,
    );
  });

  it("after the week, the next edition's dates once they are known", async () => {
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src="/snapshot/" edition="14" .now=${() => Date.UTC(2025, 11, 1, 10)}></sdi-edition-banner>`,
    );
    await counted(el);
    expect(text(el, 'dates')).to.match(/^La 14e édition s’est tenue du 17 au 23 novembre 2025 : /);
    expect(text(el, 'next')).to.equal('Prochaine édition : du 16 au 22 novembre 2026');
  });

  it('under way: says so, with the dates and the count', async () => {
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src="/snapshot/" .now=${() => NOV_18_2026}></sdi-edition-banner>`,
    );
    await counted(el);
    expect(text(el, 'dates')).to.equal('En cours : du 16 au 22 novembre 2026');
    expect(text(el, 'count')).to.equal(`${fr(index.total)} événements labellisés`);
  });

  it('the week ahead: its dates and the count of the published programme', async () => {
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src="/snapshot/" .now=${() => OCT_1_2026}></sdi-edition-banner>`,
    );
    await counted(el);
    expect(text(el, 'edition')).to.equal('15e édition');
    expect(text(el, 'dates')).to.equal('Du 16 au 22 novembre 2026');
  });

  it("the next edition's programme awaited: no count of the past one under its name", async () => {
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src="/snapshot/" edition="14" .now=${() => Date.UTC(2026, 0, 15, 10)}></sdi-edition-banner>`,
    );
    await waitUntil(() => text(el, 'count').startsWith('Programme'), 'no awaited state', { timeout: 10000 });
    expect(text(el, 'edition')).to.equal('15e édition');
    expect(text(el, 'count')).to.equal('Programme en préparation : les événements seront publiés prochainement');
  });

  it('a snapshot without its edition record is named by the week its events match', async () => {
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src=${BARE_SNAPSHOT} .now=${() => DEC_7_2026}></sdi-edition-banner>`,
    );
    await counted(el);
    expect(text(el, 'dates')).to.match(/^La 15e édition s’est tenue du 16 au 22 novembre 2026 : /);
  });

  it("a past agenda matching no week: « programme du … au … », never the next edition's number", async () => {
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src=${ELSEWHEN_SNAPSHOT} .now=${() => DEC_7_2026}></sdi-edition-banner>`,
    );
    await counted(el);
    expect(el.shadowRoot!.querySelector('[part~="edition"]')).to.equal(null);
    expect(text(el, 'title')).to.equal("Semaine de l'industrie");
    expect(text(el, 'dates')).to.equal(`Le programme s’est tenu du 2 au 9 mars 2023 : ${fr(index.total)} événements`);
    expect(el.shadowRoot!.textContent).not.to.contain('16');
  });
});
