/**
 * Issue #11, text items: hostile descriptions and searches give the right output, not only in
 * linear time (that is test/node/pattern-complexity.test.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  cleanFilters,
  filterEvents,
  indexEvents,
  QUERY_MAX_LENGTH,
  QUERY_MAX_WORDS,
  queryTokens,
} from '../../src/filters/apply.js';
import { filterProblemMessage, filtersFromAttributes } from '../../src/filters/attributes.js';
import { filtersFromUrl, withFilters } from '../../src/filters/url-state.js';
import { markdownToHtml } from '../../src/content/description.js';
import { plainText } from '../../src/model/plain-text.js';
import type { SdiEvent } from '../../src/model/types.js';

function event(uid: number, description: string): SdiEvent {
  return {
    uid,
    slug: `e-${uid}`,
    title: { fr: `Événement ${uid}` },
    summary: {},
    description: { fr: description },
    conditions: {},
    keywords: [],
    timings: [{ begin: 0, end: 3_600_000 }],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: 'onsite',
    registration: [],
    types: [],
    audiences: [],
    accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
    featured: false,
  };
}

describe('markdown headings', () => {
  it('reads the heading text without its closing marks, whatever the spaces', () => {
    assert.equal(markdownToHtml('# Programme'), '<h4>Programme</h4>');
    assert.equal(markdownToHtml('## Au menu ##'), '<h5>Au menu</h5>');
    assert.equal(markdownToHtml('#\tVisite\u00a0 \t'), '<h4>Visite</h4>');
    assert.equal(markdownToHtml('### Langage C#'), '<h5>Langage C#</h5>');
    assert.equal(markdownToHtml(`# a${' '.repeat(5000)}b`), `<h4>a${' '.repeat(5000)}b</h4>`);
  });

  it('converts a hostile heading of 20,000 characters at once', () => {
    const start = performance.now();
    markdownToHtml(`# a${' '.repeat(20_000)}b`);
    markdownToHtml(`# a${'\u00a0'.repeat(20_000)}b`);
    assert.ok(performance.now() - start < 1_000, 'took more than a second');
  });
});

describe('markdown links', () => {
  it('shows the tags of a link label, not placeholder characters and a number', () => {
    const html = markdownToHtml('[<b>x</b>](https://exemple.fr)');
    assert.equal(html, '<p><a href="https://exemple.fr"><b>x</b></a></p>');
    assert.doesNotMatch(html, /[\ue000\ue001]/);
  });

  it('keeps the alt text of an image plain', () => {
    assert.equal(
      markdownToHtml('![<i>photo</i>](https://exemple.fr/a.jpg)'),
      '<p><img src="https://exemple.fr/a.jpg" alt="photo"></p>',
    );
  });

  it('leaves the sentence’s punctuation after a bare URL, however long', () => {
    assert.equal(
      markdownToHtml('voir https://exemple.fr/page.'),
      '<p>voir <a href="https://exemple.fr/page">https://exemple.fr/page</a>.</p>',
    );
    const dots = '.'.repeat(20_000);
    assert.equal(markdownToHtml(`https://a${dots}`), `<p><a href="https://a">https://a</a>${dots}</p>`);
  });

  it('still reads links next to brackets', () => {
    assert.equal(markdownToHtml('[[voir](https://exemple.fr)]'), '<p>[<a href="https://exemple.fr">voir</a>]</p>');
    assert.equal(plainText('Lire [[l’article](https://fr.wikipedia.org/wiki/Usine_(industrie))].'), 'Lire [l’article].');
  });
});

describe('search text is capped where it enters', () => {
  const long = Array.from({ length: 20_000 }, (_, i) => `w${i}x`).join(' ');

  it('keeps the first QUERY_MAX_LENGTH characters and QUERY_MAX_WORDS words', () => {
    const q = cleanFilters({ q: long }).q ?? '';
    assert.ok(q.length <= QUERY_MAX_LENGTH, `${q.length} characters`);
    assert.ok(long.startsWith(q));
    assert.equal(queryTokens(long).length, QUERY_MAX_WORDS);
    // Runs of spaces count once, not against the cap.
    assert.deepEqual(queryTokens(`usine ${'  '.repeat(150)}soudure`), ['soudure', 'usine']);
  });

  it('still finds events with a capped query', () => {
    const index = indexEvents([event(1, 'Visite de l’usine de soudure'), event(2, 'Atelier peinture')]);
    const found = filterEvents(index, { q: `usine ${'soudure '.repeat(10_000)}` });
    assert.deepEqual(
      found.map((e) => e.uid),
      [1],
    );
    const start = performance.now();
    filterEvents(index, { q: long });
    assert.ok(performance.now() - start < 200, 'a 20,000-word search took more than 200 ms');
  });

  it('caps a shared link’s #sdi-q= and writes back the capped search', () => {
    const url = `https://partner.example/agenda#sdi-q=${encodeURIComponent(long)}`;
    const state = filtersFromUrl(url, { mode: 'hash' });
    assert.ok((state.q ?? '').length <= QUERY_MAX_LENGTH);
    assert.ok(state.q?.startsWith('w0x w1x w2x'));
    const written = withFilters('https://partner.example/agenda', state, { mode: 'hash' });
    assert.ok(written.length < 400, `${written.length} characters written`);
  });

  it('caps the q attribute and says so, quoting only its beginning', () => {
    const { filters, problems } = filtersFromAttributes({ q: long });
    assert.ok((filters.q ?? '').length <= QUERY_MAX_LENGTH);
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.equal(problem?.attribute, 'q');
    assert.equal(problem?.reason, 'long-query');
    assert.ok((problem?.value.length ?? 0) < 50);
    assert.match(filterProblemMessage(problem!, 'fr'), /Recherche trop longue.*200 premiers caractères/);
    assert.match(filterProblemMessage(problem!, 'en'), /Search too long.*first 200 characters/);
    assert.deepEqual(filtersFromAttributes({ q: 'soudure' }).problems, []);
  });
});
