import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyAddress, deploymentFiles } from '../../demo/deployment-address.js';

test('local addresses: only this machine or its network reaches them', () => {
  for (const url of [
    'http://localhost:8000/dist/sdi-widgets.js',
    'http://demo.localhost/sdi-widgets.js',
    'http://127.0.0.1:8123/sdi-widgets.js',
    'http://127.1.2.3/sdi-widgets.js',
    'http://10.0.0.5/sdi-widgets.js',
    'http://172.20.1.1/sdi-widgets.js',
    'http://192.168.1.10/sdi-widgets.js',
    'http://169.254.0.1/sdi-widgets.js',
    'http://[::1]:8000/sdi-widgets.js',
    'http://[fd00::1]/sdi-widgets.js',
    'http://intranet/sdi-widgets.js',
    'http://nas.local/sdi-widgets.js',
    'file:///home/me/dist/sdi-widgets.js',
  ]) {
    assert.equal(classifyAddress(url), 'local', url);
  }
});

test('placeholders resolve nowhere useful', () => {
  for (const url of [
    'https://cdn.example.org/semaine-industrie-widgets/sdi-widgets.js',
    'https://static.example.com/sdi-widgets.js',
    'https://CDN/semaine-industrie-widgets/sdi-widgets.js',
    'https://widgets.test/sdi-widgets.js',
    'https://x.invalid/sdi-widgets.js',
    'not a url',
  ]) {
    assert.equal(classifyAddress(url), 'placeholder', url);
  }
});

test('public addresses', () => {
  for (const url of [
    'https://static.cci-exemple.fr/sdi/sdi-widgets.js',
    'https://d1234.cloudfront.net/sdi-widgets.js',
    'http://172.32.0.1/sdi-widgets.js',
    'https://[2a01:4f8::1]/sdi-widgets.js',
  ]) {
    assert.equal(classifyAddress(url), 'public', url);
  }
});

test('the classic loader and the stylesheet sit beside the bundle', () => {
  assert.deepEqual(deploymentFiles('https://s.example.fr/a/b/sdi-widgets.js'), {
    module: 'https://s.example.fr/a/b/sdi-widgets.js',
    classic: 'https://s.example.fr/a/b/sdi-widgets.classic.js',
    stylesheet: 'https://s.example.fr/a/b/sdi-widgets.css',
  });
});
