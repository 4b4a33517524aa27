import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/countdown/define.js';
import type { SdiCountdown } from '../../src/elements/countdown/sdi-countdown.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MINUTE = 60_000;

/** A clock the test moves by hand. */
function manualClock(iso: string): { now: () => number; set(iso: string): void; advance(ms: number): void } {
  let time = Date.parse(iso);
  return {
    now: () => time,
    set(next: string) {
      time = Date.parse(next);
    },
    advance(ms: number) {
      time += ms;
    },
  };
}

async function countdown(clock: () => number, attributes: Record<string, string> = {}): Promise<SdiCountdown> {
  const el = await fixture<SdiCountdown>(html`<sdi-countdown .now=${clock}></sdi-countdown>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

function shadow(el: SdiCountdown): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** Collapses template whitespace but keeps the no-break spaces French punctuation needs. */
function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
}

const status = (el: SdiCountdown): string => text(shadow(el).querySelector('[role="timer"]'));
const message = (el: SdiCountdown): string => text(shadow(el).querySelector('[part="message"]'));
const numbers = (el: SdiCountdown): string[] => [...shadow(el).querySelectorAll('[part="number"]')].map((n) => text(n));
const labels = (el: SdiCountdown): string[] => [...shadow(el).querySelectorAll('[part="label"]')].map((n) => text(n));

type SetTimer = (handler: TimerHandler, delay?: number, ...args: unknown[]) => number;
type ClearTimer = (id?: number) => void;
// The DOM signatures, without the Node ones that @types/node merges into the global scope.
const timerHost = window as unknown as { setTimeout: SetTimer; clearTimeout: ClearTimer };

/** Records timers set and cleared while it is installed; the calls still go to the real functions. */
function spyTimers(): {
  set: Array<{ id: number; delay: number }>;
  cleared: number[];
  restore(): void;
} {
  const originalSet = timerHost.setTimeout;
  const originalClear = timerHost.clearTimeout;
  const set: Array<{ id: number; delay: number }> = [];
  const cleared: number[] = [];
  timerHost.setTimeout = (handler, delay, ...args) => {
    const id = originalSet.call(window, handler, delay, ...args);
    set.push({ id, delay: delay ?? 0 });
    return id;
  };
  timerHost.clearTimeout = (id) => {
    if (id !== undefined) cleared.push(id);
    originalClear.call(window, id);
  };
  return {
    set,
    cleared,
    restore() {
      timerHost.setTimeout = originalSet;
      timerHost.clearTimeout = originalClear;
    },
  };
}

// 26 days, 13 hours and 5 minutes before 16 November 2026, 00:00 in Paris (23:00 UTC the day before).
const BEFORE = '2026-10-20T09:55:00Z';

describe('<sdi-countdown>', () => {
  describe('before the edition', () => {
    it('shows days, hours and minutes with French labels and a sentence', async () => {
      const el = await countdown(manualClock(BEFORE).now);
      expect(numbers(el)).to.deep.equal(['26', '13', '05']);
      expect(labels(el)).to.deep.equal(['jours', 'heures', 'minutes']);
      expect(message(el)).to.equal('avant la 15e Semaine de l’industrie (du 16 au 22 novembre 2026, à confirmer)');
      expect(shadow(el).querySelector('[part="message"] sup')?.textContent).to.equal('e');
      expect(status(el)).to.equal(
        'Plus que 26 jours, 13 heures et 5 minutes avant la 15e Semaine de l’industrie (du 16 au 22 novembre 2026, à confirmer).',
      );
      await expect(el).to.be.accessible();
    });

    it('hides the ticking numbers from assistive technologies and keeps one sentence, not live', async () => {
      const el = await countdown(manualClock(BEFORE).now);
      const clock = shadow(el).querySelector('.clock');
      expect(clock?.closest('[aria-hidden="true"]')).to.exist;
      // A timer (implicitly aria-live="off"): read when reached, not announced every minute.
      expect(shadow(el).querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]').length).to.equal(0);
      const timers = shadow(el).querySelectorAll('[role="timer"]');
      expect(timers.length).to.equal(1);
      expect(timers[0]?.closest('[aria-hidden="true"]')).to.equal(null);
    });

    it('uses singular labels for 1 (and French 0)', async () => {
      const el = await countdown(manualClock('2026-11-14T21:59:00Z').now);
      expect(numbers(el)).to.deep.equal(['1', '01', '01']);
      expect(labels(el)).to.deep.equal(['jour', 'heure', 'minute']);
      const zero = await countdown(manualClock('2026-11-15T22:59:00Z').now);
      expect(labels(zero)).to.deep.equal(['jour', 'heure', 'minute']);
      expect(status(zero)).to.match(/^Plus que 1 minute avant la 15e/);
    });

    it('says "less than a minute" in the last minute', async () => {
      const el = await countdown(manualClock('2026-11-15T22:59:30Z').now);
      expect(status(el)).to.match(/^Moins d’une minute avant la 15e/);
    });

    it('shows seconds with the seconds attribute', async () => {
      const el = await countdown(manualClock('2026-10-20T09:54:51Z').now, { seconds: '' });
      expect(numbers(el)).to.deep.equal(['26', '13', '05', '09']);
      expect(labels(el)).to.deep.equal(['jours', 'heures', 'minutes', 'secondes']);
    });

    it('does not tick seconds when the visitor prefers reduced motion', async () => {
      const original = window.matchMedia;
      window.matchMedia = ((query: string) =>
        ({
          matches: query.includes('prefers-reduced-motion'),
          media: query,
          onchange: null,
          addListener() {},
          removeListener() {},
          addEventListener() {},
          removeEventListener() {},
          dispatchEvent: () => false,
        }) as unknown as MediaQueryList) as typeof window.matchMedia;
      const timers = spyTimers();
      try {
        const el = await countdown(manualClock('2026-10-20T09:54:51Z').now, { seconds: '' });
        expect(labels(el)).to.deep.equal(['jours', 'heures', 'minutes']);
        await el.tick();
        // 26 d 13 h 05 min 09 s remain: the next change is the minutes', 9 s away, not the next second.
        expect(timers.set.at(-1)?.delay).to.equal(9_000);
      } finally {
        timers.restore();
        window.matchMedia = original;
      }
    });

    it('counts the October DST hour with an opening time (start-time="09:00")', async () => {
      // Saturday 24 October 2026, 12:00 CEST → Monday 16 November, 09:00 CET.
      const el = await countdown(manualClock('2026-10-24T10:00:00Z').now, { 'start-time': '09:00' });
      expect(numbers(el)).to.deep.equal(['22', '22', '00']);
      expect(status(el)).to.match(/^Plus que 22 jours et 22 heures avant la 15e/);
    });
  });

  describe('during the edition', () => {
    it('says the week is under way until its last day', async () => {
      const el = await countdown(manualClock('2026-11-18T10:00:00Z').now);
      expect(numbers(el)).to.deep.equal([]);
      expect(message(el)).to.equal('La 15e Semaine de l’industrie est en cours, jusqu’au dimanche 22 novembre');
      expect(status(el)).to.equal('La 15e Semaine de l’industrie est en cours, jusqu’au dimanche 22 novembre.');
      await expect(el).to.be.accessible();
    });

    it('switches from before to during at the exact start instant', async () => {
      const clock = manualClock('2026-11-15T22:59:59Z');
      const el = await countdown(clock.now, { seconds: '' });
      expect(numbers(el)).to.deep.equal(['0', '00', '00', '01']);
      clock.advance(1000);
      await el.tick();
      expect(el.shadowRoot?.querySelector('.phase-during')).to.exist;
      expect(status(el)).to.match(/est en cours/);
    });
  });

  describe('after the edition', () => {
    // Issue #13: the edition held, as the banner beside it says, then the next one's dates.
    it('names the edition held and the next edition with its dates when known', async () => {
      const el = await countdown(manualClock('2025-12-01T12:00:00Z').now, { edition: '14' });
      expect(message(el)).to.equal('La 14e Semaine de l’industrie s’est tenue du 17 au 23 novembre 2025');
      expect(text(shadow(el).querySelector('[part="upcoming"]'))).to.equal(
        `Prochaine édition${NBSP}: du 16 au 22 novembre 2026 (à confirmer)`,
      );
      await expect(el).to.be.accessible();
    });

    it('invites to the next edition, inventing no date, when it is not announced', async () => {
      const el = await countdown(manualClock('2026-12-01T12:00:00Z').now, { edition: '15' });
      expect(status(el)).to.equal(
        `La 15e Semaine de l’industrie s’est tenue du 16 au 22 novembre 2026. Rendez-vous à la prochaine édition${NNBSP}!`,
      );
    });
  });

  describe('unknown dates', () => {
    it('never invents dates for an edition not announced yet', async () => {
      const el = await countdown(manualClock('2026-12-01T12:00:00Z').now, { edition: '16' });
      expect(message(el)).to.equal(`La 16e Semaine de l’industrie${NBSP}: dates à venir`);
      expect(numbers(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('uses the partner’s dates when given', async () => {
      const el = await countdown(manualClock('2026-12-01T12:00:00Z').now, { start: '2027-11-15', end: '2027-11-21' });
      expect(message(el)).to.equal('avant la 16e Semaine de l’industrie (du 15 au 21 novembre 2027)');
    });
  });

  describe('languages', () => {
    it('speaks English', async () => {
      const el = await countdown(manualClock(BEFORE).now, { lang: 'en' });
      expect(labels(el)).to.deep.equal(['days', 'hours', 'minutes']);
      expect(status(el)).to.equal(
        'Only 26 days, 13 hours and 5 minutes left until the 15th Industry Week (from 16 to 22 November 2026, to be confirmed).',
      );
      expect(shadow(el).querySelector('sup')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('has English messages for every phase', async () => {
      const during = await countdown(manualClock('2026-11-18T10:00:00Z').now, { lang: 'en' });
      expect(message(during)).to.equal('The 15th Industry Week is under way until Sunday 22 November');
      const after = await countdown(manualClock('2026-12-01T12:00:00Z').now, { lang: 'en', edition: '15' });
      expect(status(after)).to.equal(
        'The 15th Industry Week took place from 16 to 22 November 2026. See you at the next edition!',
      );
      const unknown = await countdown(manualClock('2026-12-01T12:00:00Z').now, { lang: 'en', edition: '16' });
      expect(message(unknown)).to.equal('The 16th Industry Week: dates to be announced');
    });

    it('follows the page’s language, and its own lang attribute when changed', async () => {
      const clock = manualClock(BEFORE).now;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-GB"><sdi-countdown .now=${clock}></sdi-countdown></div>`);
      const el = wrapper.querySelector('sdi-countdown');
      if (!el) throw new Error('missing element');
      await el.updateComplete;
      expect(labels(el)).to.deep.equal(['days', 'hours', 'minutes']);
      el.setAttribute('lang', 'fr');
      await el.updateComplete;
      expect(labels(el)).to.deep.equal(['jours', 'heures', 'minutes']);
    });

    it('marks its content with the language it speaks', async () => {
      const el = await countdown(manualClock(BEFORE).now, { lang: 'de' });
      expect(shadow(el).querySelector('[part="countdown"]')?.getAttribute('lang')).to.equal('fr');
    });
  });

  describe('invalid attributes', () => {
    let warnings: unknown[][];
    let originalWarn: typeof console.warn;
    beforeEach(() => {
      warnings = [];
      originalWarn = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args);
      };
    });
    afterEach(() => {
      console.warn = originalWarn;
    });

    const notices = (el: SdiCountdown): string[] => [...shadow(el).querySelectorAll('[part="notice"]')].map((n) => text(n));

    it('reports an unparsable start date and falls back to the built-in facts', async () => {
      const el = await countdown(manualClock(BEFORE).now, { start: '2026-13-40' });
      expect(notices(el)).to.deep.equal([`Date de début invalide${NBSP}: "2026-13-40" (attendu AAAA-MM-JJ)`]);
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0]?.[0])).to.contain('"start"');
      expect(numbers(el)).to.deep.equal(['26', '13', '05']);
      await expect(el).to.be.accessible();
    });

    it('reports an end before the start and ignores both', async () => {
      const el = await countdown(manualClock(BEFORE).now, { start: '2026-11-22', end: '2026-11-16', lang: 'en' });
      expect(notices(el)).to.deep.equal(['End date "2026-11-16" is before start date "2026-11-22": dates ignored']);
      expect(String(warnings[0]?.[0])).to.contain('"end"');
      expect(numbers(el)).to.deep.equal(['26', '13', '05']);
    });

    it('reports a non-numeric edition, a bad start time and an unsafe link', async () => {
      const el = await countdown(manualClock(BEFORE).now, {
        edition: 'quinze',
        'start-time': '25:00',
        href: 'javascript:alert(1)',
      });
      expect(notices(el)).to.have.length(3);
      expect(notices(el)[0]).to.contain('"quinze"');
      expect(warnings.map((w) => String(w[0]))).to.satisfy((lines: string[]) =>
        ['"edition"', '"start-time"', '"href"'].every((name) => lines.some((line) => line.includes(name))),
      );
      expect(shadow(el).querySelector('[part="link"]')).to.equal(null);
      expect(message(el)).to.contain('15e Semaine');
    });

    it('clears the notice once the attribute is fixed, and warns once per value', async () => {
      const el = await countdown(manualClock(BEFORE).now, { end: 'bientôt' });
      await el.tick();
      await el.tick();
      expect(warnings.length).to.equal(1);
      el.setAttribute('end', '2026-11-22');
      await el.updateComplete;
      expect(notices(el)).to.deep.equal([]);
    });
  });

  it('survives a broken injected clock by using the real one', async () => {
    const el = await countdown((() => 'soon') as unknown as () => number);
    expect(status(el)).to.not.equal('');
  });

  describe('link and heading', () => {
    it('renders the programme link and the heading', async () => {
      const el = await countdown(manualClock(BEFORE).now, { href: '/programme', heading: 'Semaine de l’industrie' });
      const link = shadow(el).querySelector('a[part="link"]');
      // Resolved by the library's link policy (src/security/link-policy.ts) against the page.
      expect(link?.getAttribute('href')).to.equal(new URL('/programme', document.baseURI).href);
      expect(text(link)).to.equal('Découvrir le programme');
      expect(text(shadow(el).querySelector('h2[part="heading"]'))).to.equal('Semaine de l’industrie');
      await expect(el).to.be.accessible();
    });
  });

  describe('timer', () => {
    let timers: ReturnType<typeof spyTimers>;
    beforeEach(() => {
      timers = spyTimers();
    });
    afterEach(() => {
      timers.restore();
    });

    it('updates the status region only when the minute changes', async () => {
      const clock = manualClock('2026-10-20T09:54:30Z');
      const el = await countdown(clock.now, { seconds: '' });
      const first = status(el);
      expect(first).to.match(/^Plus que 26 jours, 13 heures et 5 minutes/);
      const region = shadow(el).querySelector('[role="timer"]');
      const changes: string[] = [];
      const observer = new MutationObserver(() => changes.push(text(region)));
      if (region) observer.observe(region, { childList: true, characterData: true, subtree: true });
      for (let i = 0; i < 29; i += 1) {
        clock.advance(1000);
        await el.tick();
      }
      expect(numbers(el).at(-1)).to.equal('01');
      expect(status(el)).to.equal(first);
      clock.advance(1000);
      await el.tick();
      clock.advance(1000);
      await el.tick();
      await Promise.resolve();
      observer.disconnect();
      expect(changes).to.have.length(1);
      expect(changes[0]).to.match(/^Plus que 26 jours, 13 heures et 4 minutes/);
    });

    it('aligns the timer on the next change of the display', async () => {
      const clock = manualClock('2026-10-20T09:54:29.750Z');
      const el = await countdown(clock.now);
      await el.tick();
      // 26 d 13 h 05 min 30.25 s remain.
      expect(timers.set.at(-1)?.delay).to.equal(30_250);
      el.seconds = true;
      await el.updateComplete;
      expect(timers.set.at(-1)?.delay).to.equal(250);
      clock.set('2026-11-18T10:00:00Z');
      await el.tick();
      // During the week, the next change is the end (midnight after Sunday 22 November, Paris).
      expect(timers.set.at(-1)?.delay).to.equal(Date.parse('2026-11-22T23:00:00Z') - clock.now());
    });

    it('keeps a single timer and clears it on disconnect', async () => {
      const el = await countdown(manualClock(BEFORE).now);
      await el.tick();
      const armed = timers.set.at(-1)?.id;
      expect(armed).to.be.a('number');
      await el.tick();
      expect(timers.cleared).to.include(armed);
      const current = timers.set.at(-1)?.id;
      const setBefore = timers.set.length;
      el.remove();
      expect(timers.cleared).to.include(current);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(timers.set.length).to.equal(setBefore);
    });

    it('re-arms when re-inserted', async () => {
      const el = await countdown(manualClock(BEFORE).now);
      const parent = el.parentNode;
      el.remove();
      const count = timers.set.length;
      parent?.appendChild(el);
      await el.updateComplete;
      expect(timers.set.length).to.equal(count + 1);
    });

    it('pauses while the page is hidden and resyncs when visible', async () => {
      const clock = manualClock(BEFORE);
      const el = await countdown(clock.now);
      await el.tick();
      const armed = timers.set.at(-1)?.id;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      try {
        document.dispatchEvent(new Event('visibilitychange'));
        expect(timers.cleared).to.include(armed);
        const count = timers.set.length;
        clock.advance(10 * MINUTE);
        await el.tick();
        expect(timers.set.length).to.equal(count);
      } finally {
        Reflect.deleteProperty(document, 'visibilityState');
      }
      document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
      expect(numbers(el)).to.deep.equal(['26', '12', '55']);
      expect(timers.set.at(-1)?.delay).to.equal(MINUTE);
    });

    it('sets no timer once nothing can change', async () => {
      const count = timers.set.length;
      // Off-season with the next edition undated: no phase end ahead either.
      await countdown(manualClock('2027-01-15T12:00:00Z').now);
      expect(timers.set.length).to.equal(count);
    });
  });
});
