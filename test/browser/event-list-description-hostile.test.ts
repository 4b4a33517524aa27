/**
 * Issue #11 items 1 and 14 in a real engine: a hostile heading no longer blocks the main thread,
 * markdown headings keep their levels (h4, h5) through the sanitiser instead of all becoming h6,
 * and a link label holding a tag shows that tag, not private-use placeholders and a number.
 */
import { expect } from '@open-wc/testing';
import { descriptionToHtml, sanitizeHtml } from '../../src/content/description.js';

describe('description: hostile and odd markdown', () => {
  it('keeps markdown headings at h4 and h5, and still demotes HTML ones', async () => {
    const html = await descriptionToHtml('# Programme\n\nTexte.\n\n## Au menu\n\n### Détail');
    expect(html).to.contain('<h4>Programme</h4>');
    expect(html).to.contain('<h5>Au menu</h5>');
    expect(html).to.contain('<h5>Détail</h5>');
    expect(html).not.to.contain('<h6>');
    const fromHtml = await sanitizeHtml('<h1>Titre</h1><h2>Sous-titre</h2><h3>Point</h3>');
    expect(fromHtml).to.equal('<h4>Titre</h4><h5>Sous-titre</h5><h6>Point</h6>');
  });

  it('shows a tag inside a link label as markup, without placeholders', async () => {
    const html = await descriptionToHtml('Voir [<b>x</b>](https://exemple.fr) ici.');
    const host = document.createElement('div');
    host.innerHTML = html;
    expect(host.textContent).to.equal('Voir x ici.');
    expect(html).not.to.match(/[\ue000\ue001]/);
    expect(host.querySelector('a b')?.textContent).to.equal('x');
  });

  it('converts a 20,000-character hostile heading without blocking', async () => {
    for (const space of [' ', '\u00a0', '\t']) {
      const start = performance.now();
      const html = await descriptionToHtml(`# a${space.repeat(20_000)}b`);
      const took = performance.now() - start;
      expect(html.startsWith('<h4>a')).to.equal(true);
      expect(took, `${JSON.stringify(space)}: ${took.toFixed(0)} ms`).to.be.below(1_000);
    }
  });
});
