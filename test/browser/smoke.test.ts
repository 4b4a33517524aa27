import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/elements/shared/define.js';

describe('defineElement', () => {
  it('defines once and tolerates a second definition', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    defineElement('sdi-smoke-a', A, '1.0.0');
    defineElement('sdi-smoke-a', B, '1.0.0');
    expect(customElements.get('sdi-smoke-a')).to.equal(A);
  });
});
