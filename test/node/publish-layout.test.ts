import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snapshotUrlBeside } from '../../src/feed/source.js';

describe('the snapshot a published script reads by default', () => {
  it('is beside the script in a flat folder (npm start, a partner copying dist/, the site root)', () => {
    assert.equal(snapshotUrlBeside('http://localhost:8000/source-Ab12Cd34.js'), 'http://localhost:8000/snapshot/');
    assert.equal(
      snapshotUrlBeside('https://static.example.org/sdi/source-Ab12Cd34.js'),
      'https://static.example.org/sdi/snapshot/',
    );
    // A folder merely named like a version, outside widgets/, keeps its own snapshot.
    assert.equal(snapshotUrlBeside('https://p.example/assets/v2/source-x.js'), 'https://p.example/assets/v2/snapshot/');
  });

  it('is the shared one for the versioned and the moving paths that publish writes', () => {
    assert.equal(snapshotUrlBeside('https://cdn.example/sdi/widgets/v0/source-x.js'), 'https://cdn.example/sdi/snapshot/');
    assert.equal(snapshotUrlBeside('https://cdn.example/sdi/widgets/0.1.0/source-x.js'), 'https://cdn.example/sdi/snapshot/');
    assert.equal(snapshotUrlBeside('https://cdn.example/widgets/1.2.3-rc.1/source-x.js'), 'https://cdn.example/snapshot/');
    assert.equal(
      snapshotUrlBeside('https://cdn.example/widgets/latest/source-x.js'),
      'https://cdn.example/widgets/latest/snapshot/',
    );
  });
});
