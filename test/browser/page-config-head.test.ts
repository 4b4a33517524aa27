/**
 * Issue #11, item 10: page configuration (`<meta name="sdi:*">`) is read from the page's
 * `<head>` only. A meta injected in the body (a comment, a CMS block that keeps meta tags) moved
 * live mode, with the partner's key in its header, to another API.
 */
import { expect } from '@open-wc/testing';
import { defaultSnapshotUrl, resolveSource } from '../../src/feed/source.js';

function meta(name: string, content: string): HTMLMetaElement {
  const element = document.createElement('meta');
  element.name = name;
  element.content = content;
  return element;
}

describe('page configuration from <head> only', () => {
  const added: Element[] = [];
  afterEach(() => {
    for (const element of added.splice(0)) element.remove();
  });

  it('ignores sdi:* metas in the body, and in a template or a foreign element of the head', () => {
    const place = (element: Element, parent: Element) => {
      parent.append(element);
      added.push(element);
    };
    place(meta('sdi:agenda', '123'), document.body);
    place(meta('sdi:api', 'https://evil.example/v2'), document.body);
    place(meta('sdi:api-key', 'stolen'), document.body);
    const section = document.createElement('section');
    place(section, document.body);
    section.append(meta('sdi:src', 'https://evil.example/snapshot/'));
    // DOM clobbering: a form named "head" shadows document.head.
    const form = document.createElement('form');
    form.name = 'head';
    form.append(meta('sdi:api', 'https://evil.example/clobbered/v2'));
    place(form, document.body);
    expect(resolveSource({}).source).to.deep.equal({ kind: 'snapshot', src: defaultSnapshotUrl() });
    // A widget's own live agenda must not pick up the body's API or key either.
    expect(resolveSource({ agenda: '42' }).source).to.deep.equal({ kind: 'live', agenda: '42' });
  });

  it('reads them in the head', () => {
    const element = meta('sdi:src', 'https://cdn.example.org/snapshot/');
    document.head.append(element);
    added.push(element);
    expect(resolveSource({}).source).to.deep.equal({ kind: 'snapshot', src: 'https://cdn.example.org/snapshot/' });
  });
});
