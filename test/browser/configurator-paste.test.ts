/**
 * The configurator as an editor uses it: the page loads the bundle of a deployment, the editor
 * picks options and presses « Copier le code », and pastes the code into a page of their own site,
 * on another origin. The widgets there must render real cards from that deployment.
 *
 * The deployment is /__paste/site/ of the test server (the built dist/ files, the fixture snapshot);
 * the partner's page is /__paste/pages/N.html, opened through the server's other host name
 * (localhost ↔ 127.0.0.1), a different origin. test/support/paste-routes.ts serves both.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { mountConfigurator, type ConfiguratorHandle } from '../../demo/configurator.js';

const DEPLOYMENT = '/__paste/site/sdi-widgets.js';

interface WidgetReport {
  tag: string;
  defined: boolean;
  text: string;
  cards: number;
  fallback: { href: string; text: string; shown: boolean } | null;
}
interface ProbeReport {
  widgets: WidgetReport[];
  errors: string[];
  timedOut: boolean;
}

function otherOrigin(): string {
  const url = new URL(location.href);
  url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return url.origin;
}

/** The bundle as the configurator page loads it: a script tag of the page, from the deployment. */
function loadDeploymentBundle(): void {
  if (document.querySelector(`script[src="${DEPLOYMENT}"]`)) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = DEPLOYMENT;
  document.head.append(script);
}

async function copied(ui: ConfiguratorHandle): Promise<string> {
  let text = '';
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (value: string) => void (text = value) },
  });
  try {
    ui.copyButton.click();
    for (let i = 0; i < 100 && ui.status.textContent !== 'Code copié'; i++) await new Promise((r) => setTimeout(r, 10));
  } finally {
    Reflect.deleteProperty(navigator, 'clipboard');
  }
  expect(ui.status.textContent).to.equal('Code copié');
  return text;
}

/** Pastes `code` into a fresh page on the other origin and waits for its probe's report. */
async function pasteOnOtherOrigin(code: string): Promise<ProbeReport> {
  const response = await fetch('/__paste/pages', { method: 'POST', body: code });
  const { url } = (await response.json()) as { url: string };
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 800px';
  const origin = otherOrigin();
  const report = new Promise<ProbeReport>((resolve) => {
    const onMessage = (event: MessageEvent<{ sdiPasteProbe?: ProbeReport }>) => {
      if (event.origin !== origin || !event.data?.sdiPasteProbe) return;
      window.removeEventListener('message', onMessage);
      resolve(event.data.sdiPasteProbe);
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = origin + url;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

function set(root: HTMLElement, selector: string, value: string): void {
  const field = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!field) throw new Error(`no ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

function check(root: HTMLElement, selector: string, checked: boolean): void {
  const box = root.querySelector<HTMLInputElement>(selector);
  if (!box) throw new Error(`no ${selector}`);
  if (box.checked !== checked) box.click();
}

describe('configurator: copied code pasted on another origin', function () {
  this.timeout(40000);
  let root: HTMLElement;
  let ui: ConfiguratorHandle;

  before(loadDeploymentBundle);

  beforeEach(async () => {
    root = await fixture<HTMLElement>(html`<div></div>`);
    ui = mountConfigurator(root);
  });

  afterEach(() => ui.destroy());

  it('writes the address of the bundle the page loaded, and says it is local', () => {
    const bundle = new URL(DEPLOYMENT, location.href).href;
    expect(ui.snippet.value).to.include(`<script type="module" src="${bundle}"></script>`);
    expect(ui.snippet.value).not.to.include('example.org');
    const notice = root.querySelector<HTMLElement>('#sdi-cfg-address-notice');
    expect(notice?.textContent).to.include(bundle);
    expect(notice?.textContent).to.match(/adresse locale/);
    expect(notice?.getClientRects().length).to.be.greaterThan(0);
  });

  it('a list and a banner, copied one after the other, render real cards on the partner page', async () => {
    root.querySelector<HTMLInputElement>('#sdi-cfg-widget-list')?.click();
    set(root, '#sdi-cfg-list-region', '32');
    set(root, '#sdi-cfg-list-layout', 'grid');
    const list = await copied(ui);
    root.querySelector<HTMLInputElement>('#sdi-cfg-widget-banner')?.click();
    set(root, '#sdi-cfg-banner-region', '32');
    const banner = await copied(ui);

    const report = await pasteOnOtherOrigin(`${banner}\n${list}`);
    expect(report.errors).to.deep.equal([]);
    expect(report.timedOut, JSON.stringify(report.widgets)).to.equal(false);
    const [bannerReport, listReport] = report.widgets;
    expect(bannerReport?.tag).to.equal('sdi-edition-banner');
    expect(bannerReport?.text).to.match(/\d[\d\s\u202f]* événements/);
    expect(listReport?.tag).to.equal('sdi-event-list');
    expect(listReport?.cards).to.be.greaterThan(0);
    // The fallback link is in the code, and hidden once the widget runs.
    expect(listReport?.fallback?.href).to.equal('https://www.semaine-industrie.gouv.fr/');
    expect(listReport?.fallback?.text).to.equal("Voir les événements de la Semaine de l'industrie");
    expect(listReport?.fallback?.shown).to.equal(false);
  });

  it('with the classic loader and the stylesheet, the pasted list renders real cards', async () => {
    root.querySelector<HTMLInputElement>('#sdi-cfg-widget-list')?.click();
    set(root, '#sdi-cfg-snippet-loader', 'classic');
    check(root, '#sdi-cfg-snippet-stylesheet', true);
    set(root, '#sdi-cfg-list-limit', '3');
    set(root, '#sdi-cfg-list-href', 'https://www.cci-exemple.fr/agenda');
    const code = await copied(ui);
    expect(code).not.to.include('type="module"');
    expect(code).to.include('sdi-widgets.classic.js');
    expect(code).to.include('<link rel="stylesheet" href="');

    const report = await pasteOnOtherOrigin(code);
    expect(report.errors).to.deep.equal([]);
    const [listReport] = report.widgets;
    expect(listReport?.fallback?.href).to.equal('https://www.cci-exemple.fr/agenda');
    // A teaser shows the next events only: after the edition it has none and says so.
    expect(listReport?.defined).to.equal(true);
    expect(listReport?.text).not.to.equal('');
  });

  it('without the fallback link, the element is bare', async () => {
    check(root, '#sdi-cfg-snippet-fallback', false);
    expect(ui.snippet.value).to.match(/<sdi-edition-banner><\/sdi-edition-banner>/);
    check(root, '#sdi-cfg-snippet-fallback', true);
    expect(ui.snippet.value).to.include('<a href="https://www.semaine-industrie.gouv.fr/">');
  });
});

describe('configurator: the preview of a list once every event is over', function () {
  this.timeout(20000);
  let root: HTMLElement;
  let ui: ConfiguratorHandle | undefined;

  before(loadDeploymentBundle);
  afterEach(() => ui?.destroy());

  async function previewList(now: number): Promise<HTMLElement> {
    root = await fixture<HTMLElement>(html`<div></div>`);
    ui = mountConfigurator(root, { widget: 'list', now: () => now });
    await ui.ready;
    const list = ui.preview.querySelector<HTMLElement>('sdi-event-list');
    if (!list) throw new Error('no preview list');
    return list;
  }

  async function cards(list: HTMLElement): Promise<number> {
    for (let i = 0; i < 150; i++) {
      const count = list.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0;
      if (count > 0) return count;
      await new Promise((r) => setTimeout(r, 100));
    }
    return 0;
  }

  // The fixture edition runs 16–22 Nov. 2026, and a few of its events until mid-December.
  it('once the last event is over, shows the past events and says so', async () => {
    const list = await previewList(Date.parse('2027-02-01T12:00:00Z'));
    expect(list.hasAttribute('past')).to.equal(true);
    expect(await cards(list)).to.be.greaterThan(0);
    const notice = root.querySelector<HTMLElement>('#sdi-cfg-preview-notice');
    expect(notice?.hidden).to.equal(false);
    expect(notice?.textContent).to.match(/dernier événement le \d+ (novembre|décembre) 2026/);
    // The preview only: the code stays what a partner's list should be.
    expect(ui?.snippet.value).not.to.match(/\spast[\s>=]/);
  });

  // #13: two weeks after the week a few labelled events are still ahead, but a region's list is
  // already the edition's "over" state: the preview follows the page's phase, not the last event.
  it('after the week, with a few events still ahead, shows the edition’s events as cards', async () => {
    const list = await previewList(Date.parse('2026-12-07T10:00:00Z'));
    expect(list.hasAttribute('past')).to.equal(true);
    expect(await cards(list)).to.be.greaterThan(0);
    list.setAttribute('region', '32');
    list.setAttribute('layout', 'grid');
    // The region's data is read again: wait for its cards in the grid (the national ones were there).
    for (let i = 0; i < 150 && !list.shadowRoot?.querySelector('.layout-grid [part~="past-badge"]'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await cards(list)).to.be.greaterThan(0);
    expect(Boolean(list.shadowRoot?.querySelector('.layout-grid [part~="past-badge"]')), 'a past card in the grid').to.equal(
      true,
    );
  });

  it('before the edition, the preview is the list as partners get it', async () => {
    const list = await previewList(Date.parse('2026-11-01T12:00:00Z'));
    expect(list.hasAttribute('past')).to.equal(false);
    expect(root.querySelector<HTMLElement>('#sdi-cfg-preview-notice')?.hidden).to.equal(true);
  });
});
