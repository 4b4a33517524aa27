/**
 * The "from navigation" bench's network figures (bench/navigation/critical-path.ts): what counts
 * as a sequential round trip before the first card, and which bytes count as data before it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonBytesBefore, longestChain, type Exchange } from '../../bench/navigation/critical-path.js';

const x = (url: string, start: number, end: number, mime = 'text/javascript', encoded = 100): Exchange => ({
  url,
  start,
  end,
  mime,
  encoded,
});

describe('longestChain', () => {
  it('counts requests sent in parallel once, and each wait for a previous answer as one more step', () => {
    const chain = longestChain(
      [
        x('/page.html', 0, 10, 'text/html'),
        x('/loader.js', 11, 20),
        // Both chunks are asked for at once, after the loader: one step, not two.
        x('/chunk-a.js', 21, 30),
        x('/chunk-b.js', 22, 35),
        x('/index.json', 36, 40, 'application/json'),
        x('/events.json', 41, 60, 'application/json'),
      ],
      100,
    );
    assert.deepEqual(
      chain.map((e) => e.url),
      ['/page.html', '/loader.js', '/chunk-b.js', '/index.json', '/events.json'],
    );
  });

  it('leaves out what finished after the first card, and what overlapped its predecessor', () => {
    const exchanges = [
      x('/page.html', 0, 10, 'text/html'),
      // Sent before the page's answer was complete: not after it.
      x('/early.js', 5, 30),
      x('/loader.js', 11, 20),
      x('/thumbnail.svg', 61, 70, 'image/svg+xml'),
    ];
    assert.deepEqual(
      longestChain(exchanges, 60).map((e) => e.url),
      ['/page.html', '/loader.js'],
    );
    assert.equal(longestChain(exchanges, 80).length, 3);
    assert.deepEqual(longestChain([], 10), []);
  });
});

describe('jsonBytesBefore', () => {
  it('sums the wire bytes of JSON answers complete by the instant, nothing else', () => {
    const exchanges = [
      x('/index.json', 0, 10, 'application/json', 2000),
      x('/events.json', 5, 50, 'application/json; charset=utf-8', 30000),
      x('/late.json', 5, 51, 'application/json', 7),
      x('/loader.js', 0, 5, 'text/javascript', 999),
    ];
    assert.equal(jsonBytesBefore(exchanges, 50), 32000);
    assert.equal(jsonBytesBefore(exchanges, 9), 0);
  });
});
