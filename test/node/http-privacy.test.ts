import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fetchJson } from '../../src/feed/http.js';

// The README's privacy promise: no cookie of any host goes with the widgets' requests, so a
// partner's visitors are not identified by the snapshot's or the API's host.
test('every request the feed makes is sent without credentials (no cookie, no HTTP auth)', async () => {
  const seen: RequestInit[] = [];
  const fetch = async (_url: string, init?: RequestInit) => {
    seen.push(init ?? {});
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  await fetchJson('https://snapshot.example/index.json', { fetch });
  await fetchJson('https://api.example/v2/agendas/1/events', { fetch, headers: { key: 'k' }, maxBytes: 1024 });
  assert.equal(seen.length, 2);
  for (const init of seen) assert.equal(init.credentials, 'omit');
});
