import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/countdown/define.js';
import type { SdiCountdown } from '../../src/elements/countdown/sdi-countdown.js';
import { publishProgramme, resetPageProgramme } from '../../src/editions/page-programme.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const DEC_7_2026 = Date.UTC(2026, 11, 7, 10);

async function countdown(now: number, attributes: Record<string, string> = {}): Promise<SdiCountdown> {
  const el = await fixture<SdiCountdown>(html`<sdi-countdown .now=${() => now}></sdi-countdown>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

function text(el: SdiCountdown, selector: string): string {
  return (el.shadowRoot?.querySelector(selector)?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
}

describe('<sdi-countdown> speaks from the page’s edition phase', () => {
  beforeEach(() => resetPageProgramme());

  it('two weeks after the 15th edition: the edition held, as the banner names it, not the 16th', async () => {
    const el = await countdown(DEC_7_2026);
    expect(text(el, '[part="message"]')).to.equal('La 15e Semaine de l’industrie s’est tenue du 16 au 22 novembre 2026');
    expect(text(el, '[part="upcoming"]')).to.equal(`Rendez-vous à la prochaine édition${NNBSP}!`);
    expect(el.shadowRoot!.textContent).not.to.contain('16e');
    await expect(el).to.be.accessible();
  });

  it("after the week, the next edition's dates once they are known", async () => {
    const el = await countdown(Date.UTC(2025, 11, 1, 10), { edition: '14' });
    expect(text(el, '[part="message"]')).to.equal('La 14e Semaine de l’industrie s’est tenue du 17 au 23 novembre 2025');
    expect(text(el, '[part="upcoming"]')).to.equal(`Prochaine édition${NBSP}: du 16 au 22 novembre 2026 (à confirmer)`);
  });

  it('in English too', async () => {
    const el = await countdown(DEC_7_2026, { lang: 'en' });
    expect(text(el, '[role="timer"]')).to.equal(
      'The 15th Industry Week took place from 16 to 22 November 2026. See you at the next edition!',
    );
  });

  it("follows the programme a data widget of the page publishes: an agenda named by its events' dates", async () => {
    const el = await countdown(DEC_7_2026);
    publishProgramme('snapshot:/elsewhere/', { days: ['2023-03-02', '2023-03-09'], total: 76 });
    await el.updateComplete;
    expect(text(el, '[part="message"]')).to.equal('Le programme s’est tenu du 2 au 9 mars 2023');
    expect(el.shadowRoot!.textContent).not.to.match(/\d+e Semaine/);
  });

  it('a published programme of the edition ahead: counts down to the dates it records', async () => {
    const el = await countdown(Date.UTC(2026, 9, 1, 10));
    publishProgramme('snapshot:/s/', {
      edition: { number: 15, year: 2026, start: '2026-11-23', end: '2026-11-29' },
      days: ['2026-11-23'],
      total: 10,
    });
    await el.updateComplete;
    expect(text(el, '[part="message"]')).to.equal('avant la 15e Semaine de l’industrie (du 23 au 29 novembre 2026)');
  });

  it('wakes up when the weeks after the edition run out, although its display stands still', async () => {
    const original = window.setTimeout;
    const delays: number[] = [];
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      delays.push(delay ?? 0);
      return original(handler, delay, ...args);
    }) as typeof window.setTimeout;
    try {
      await countdown(DEC_7_2026);
    } finally {
      window.setTimeout = original;
    }
    // 28 days after midnight (Paris) ending 22 November: 20 December, 23:00 UTC.
    expect(delays).to.include(Date.UTC(2026, 11, 20, 23) - DEC_7_2026);
  });
});
