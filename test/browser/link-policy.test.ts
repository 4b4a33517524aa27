/**
 * One URL policy for every link a partner gives in an attribute (src/security/link-policy.ts),
 * run on each engine's own URL parser, and applied by every element that takes one: the
 * countdown, the banner and the list `href`, the map's `regions-geojson`. Issue #11, item 2: the
 * countdown's textual scheme check let `java&#9;script:` through, and a click ran it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/countdown/define.js';
import '../../src/elements/edition-banner/define.js';
import '../../src/elements/region-map/define.js';
import type { SdiCountdown } from '../../src/elements/countdown/sdi-countdown.js';
import type { SdiEditionBanner } from '../../src/elements/edition-banner/sdi-edition-banner.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import { parseOptions } from '../../src/elements/event-list/options.js';
import { LIST_MESSAGES } from '../../src/elements/event-list/messages.js';
import { partnerLink } from '../../src/security/link-policy.js';
import { collectUncaught, stubWarn } from '../support/browser/support.js';

/** Links a hostile or careless host page could carry; each must be refused everywhere. */
const REFUSED = [
  'javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript\n:alert(1)',
  'java\rscript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'blob:https://example.org/1',
  'mailto:contact@example.org',
  'https://trusted.example@evil.example/',
  'https://exa\u200bmple.org/',
  'https://example.org/\u202eevil',
  'h\ttps://example.org/',
  'http://[',
  'https://',
];

/** The partner's own pages and plain web addresses: each must keep working. */
const ALLOWED: [string, string][] = [
  ['https://example.org/programme', 'https://example.org/programme'],
  ['  http://example.org/a?b=1#c  ', 'http://example.org/a?b=1#c'],
  ['/programme', new URL('/programme', document.baseURI).href],
  ['agenda.html', new URL('agenda.html', document.baseURI).href],
  ['?page=2', new URL('?page=2', document.baseURI).href],
  ['//cdn.example.org/x', new URL('//cdn.example.org/x', document.baseURI).href],
];

describe('partner link policy', () => {
  const uncaught = collectUncaught();

  it('refuses every scheme but http(s), hidden characters and credentials, on this engine’s parser', () => {
    for (const value of REFUSED) expect(partnerLink(value, document.baseURI), JSON.stringify(value)).to.equal(undefined);
  });

  it('keeps absolute http(s) links and the partner’s relative paths, resolved against the page', () => {
    for (const [value, resolved] of ALLOWED) expect(partnerLink(value, document.baseURI), value).to.equal(resolved);
  });

  it('the countdown renders no link for a refused href, with a notice and a warning naming "href"', async () => {
    for (const value of REFUSED) {
      const warn = stubWarn();
      try {
        const el = await fixture<SdiCountdown>(html`<sdi-countdown href=${value}></sdi-countdown>`);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('a[part="link"]'), JSON.stringify(value)).to.equal(null);
        expect(warn.calls.map((args) => String(args[0])).join('\n'), JSON.stringify(value)).to.contain('"href"');
      } finally {
        warn.restore();
      }
    }
    expect(uncaught).to.deep.equal([]);
  });

  it('the countdown links a relative path to the partner’s page', async () => {
    const el = await fixture<SdiCountdown>(html`<sdi-countdown href="/programme"></sdi-countdown>`);
    expect(el.shadowRoot!.querySelector('a[part="link"]')?.getAttribute('href')).to.equal(
      new URL('/programme', document.baseURI).href,
    );
  });

  it('the banner renders no link for a refused href and never throws', async () => {
    for (const value of REFUSED) {
      const warn = stubWarn();
      try {
        const el = await fixture<SdiEditionBanner>(html`<sdi-edition-banner number="3" href=${value}></sdi-edition-banner>`);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('a[part~=cta]'), JSON.stringify(value)).to.equal(null);
        expect(warn.calls.map((args) => String(args[0])).join('\n'), JSON.stringify(value)).to.contain('"href"');
      } finally {
        warn.restore();
      }
    }
    expect(uncaught).to.deep.equal([]);
  });

  it('the list refuses the same hrefs and keeps the same relative ones', () => {
    for (const value of REFUSED) {
      const { options, problems } = parseOptions({ href: value }, LIST_MESSAGES.fr, document.baseURI);
      expect(options.href, JSON.stringify(value)).to.equal(undefined);
      expect(
        problems.map((p) => p.attribute),
        JSON.stringify(value),
      ).to.include('href');
    }
    for (const [value, resolved] of ALLOWED) {
      expect(parseOptions({ href: value }, LIST_MESSAGES.fr, document.baseURI).options.href, value).to.equal(resolved);
    }
  });

  it('the map refuses the same regions-geojson addresses', async () => {
    for (const value of [
      'java\tscript:alert(1)',
      'https://trusted.example@evil.example/x.geojson',
      'https://ex\u200bample.org/x.geojson',
    ]) {
      const warn = stubWarn();
      try {
        const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" regions-geojson=${value}></sdi-region-map>`);
        await el.updateComplete;
        const notices = [...el.shadowRoot!.querySelectorAll('.notice')].map((n) => n.textContent ?? '');
        expect(notices.join('\n'), JSON.stringify(value)).to.contain('regions-geojson');
      } finally {
        warn.restore();
      }
    }
  });
});
