import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { filtersFromParams, filtersFromUrl, filtersToParams, withFilters } from '../../src/filters/url-state.js';
import type { FilterState } from '../../src/filters/filter-state.js';

const FULL: FilterState = {
  region: '32',
  department: '59',
  city: 'Lille',
  types: [4, 1],
  audiences: [10],
  from: '2026-11-16',
  to: '2026-11-22',
  attendance: 'onsite',
  accessibility: ['mi', 'hi'],
  q: 'soudure & robots',
};

describe('filtersToParams / filtersFromParams', () => {
  it('writes prefixed keys, lists comma-separated, in a stable order', () => {
    const params = filtersToParams({ q: 'soudure', types: [4, 1], region: '32', city: '' });
    assert.deepEqual(
      [...params.entries()],
      [
        ['sdi-region', '32'],
        ['sdi-types', '1,4'],
        ['sdi-q', 'soudure'],
      ],
    );
  });

  it('round-trips every key', () => {
    const back = filtersFromParams(filtersToParams(FULL));
    assert.deepEqual(back, { ...FULL, types: [1, 4], accessibility: ['hi', 'mi'] });
  });

  it('uses another prefix, or none', () => {
    assert.equal(filtersToParams({ region: '32' }, 'agenda-').toString(), 'agenda-region=32');
    assert.deepEqual(filtersFromParams(new URLSearchParams('region=84&sdi-region=32'), ''), { region: '84' });
  });

  it('ignores values that cannot be filters', () => {
    const params = new URLSearchParams(
      'sdi-region=99&sdi-department=2a&sdi-types=1,x,-3,4&sdi-from=2026-02-30&sdi-to=2026-11-22' +
        '&sdi-attendance=both&sdi-accessibility=mi,zz&sdi-q=%20%20&sdi-other=1',
    );
    assert.deepEqual(filtersFromParams(params), { department: '2A', types: [1, 4], to: '2026-11-22', accessibility: ['mi'] });
  });

  it('accepts a region name, as a person would type it in the address bar', () => {
    assert.deepEqual(filtersFromParams(new URLSearchParams('sdi-region=bretagne')), { region: '53' });
  });

  it('drops a reversed date range', () => {
    assert.deepEqual(filtersFromParams(new URLSearchParams('sdi-from=2026-11-22&sdi-to=2026-11-16')), {});
  });
});

describe('withFilters (query mode)', () => {
  it('adds our parameters after the host’s, untouched', () => {
    assert.equal(
      withFilters('https://partner.example/agenda?page=2&tri=a%20b', { region: '32', types: [1, 4] }),
      'https://partner.example/agenda?page=2&tri=a%20b&sdi-region=32&sdi-types=1,4',
    );
  });

  it('replaces previous values and keeps the hash', () => {
    assert.equal(
      withFilters('https://partner.example/?sdi-region=84&page=2&sdi-q=old#agenda', { q: 'soudure laser' }),
      'https://partner.example/?page=2&sdi-q=soudure%20laser#agenda',
    );
  });

  it('removes the query entirely when nothing is left', () => {
    assert.equal(withFilters('https://partner.example/a?sdi-region=84#x', {}), 'https://partner.example/a#x');
    assert.equal(withFilters('https://partner.example/a', {}), 'https://partner.example/a');
  });

  it('leaves parameters with other prefixes and look-alikes alone', () => {
    assert.equal(
      withFilters('/agenda?sdi-regionx=1&other-region=2&sdi-region=3', { region: '11' }, { prefix: 'sdi-' }),
      '/agenda?sdi-regionx=1&other-region=2&sdi-region=11',
    );
    assert.equal(withFilters('/agenda?sdi-region=3', { region: '11' }, { prefix: 'w2-' }), '/agenda?sdi-region=3&w2-region=11');
  });

  it('recognises our keys even when the host encoded them', () => {
    assert.equal(withFilters('/?sdi%2Dregion=84&a=1', { region: '32' }), '/?a=1&sdi-region=32');
  });

  it('encodes values safely', () => {
    const url = withFilters('/', { q: 'a&b=c #d', city: 'Saint-Étienne' });
    assert.equal(url, '/?sdi-city=Saint-%C3%89tienne&sdi-q=a%26b%3Dc%20%23d');
    assert.deepEqual(filtersFromUrl(url), { city: 'Saint-Étienne', q: 'a&b=c #d' });
  });
});

describe('withFilters (hash mode)', () => {
  it('stores the filters in the hash and leaves the query alone', () => {
    assert.equal(
      withFilters('https://partner.example/?page=2', { region: '32' }, { mode: 'hash' }),
      'https://partner.example/?page=2#sdi-region=32',
    );
  });

  it('keeps other hash parameters and a plain anchor', () => {
    assert.equal(withFilters('/p#tab=2&sdi-region=84', { region: '32' }, { mode: 'hash' }), '/p#tab=2&sdi-region=32');
    assert.equal(withFilters('/p#agenda', { region: '32' }, { mode: 'hash' }), '/p#agenda&sdi-region=32');
    assert.equal(withFilters('/p#agenda&sdi-region=32', {}, { mode: 'hash' }), '/p#agenda');
    assert.equal(withFilters('/p#sdi-region=32', {}, { mode: 'hash' }), '/p');
  });

  it('reads back what it wrote', () => {
    const url = withFilters('/p?sdi-region=84#agenda', FULL, { mode: 'hash' });
    assert.deepEqual(filtersFromUrl(url, { mode: 'hash' }), filtersFromParams(filtersToParams(FULL)));
    // The query's own sdi- keys are not read in hash mode.
    assert.deepEqual(filtersFromUrl('/p?sdi-region=84', { mode: 'hash' }), {});
  });
});

describe('filtersFromUrl', () => {
  it('reads absolute and relative URLs', () => {
    assert.deepEqual(filtersFromUrl('https://partner.example/?sdi-region=32&sdi-types=1,4#top'), { region: '32', types: [1, 4] });
    assert.deepEqual(filtersFromUrl('?sdi-q=robot+soudure'), { q: 'robot soudure' });
    assert.deepEqual(filtersFromUrl(''), {});
  });
});
