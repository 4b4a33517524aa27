// The partner site's HTML pages: the French documentation (index.html), its English version
// (en.html) and the configurator page (configurateur.html). Every link is relative, so the folder
// works under any base path. The snippet's address is this site's own: docs.js writes it in once
// the page knows where it is served from (static HTML cannot).

const ELEMENTS = [
  [
    'sdi-edition-banner',
    "Bandeau de l'édition : numéro, thème, dates, nombre d'événements",
    'The edition banner: number, theme, dates, event count',
    'region, department, href, cta, theme, edition, heading-level, lang',
  ],
  [
    'sdi-countdown',
    'Compte à rebours jusqu’à la prochaine édition',
    'Countdown to the next edition',
    'edition, href, heading, seconds, lang',
  ],
  [
    'sdi-event-list',
    'Liste des événements, filtrable, groupée par jour',
    'Filterable list of events, grouped by day',
    'region, department, city, type, audience, filters, layout, page-size, sort, limit, href, group, sync-url, seo, past, lang',
  ],
  ['sdi-region-map', 'Carte des événements par région', 'Map of the events by region', 'region, group, tiles, height, lang'],
];

function layout({ lang, title, nav, body }) {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${title}</title>
    <link rel="stylesheet" href="./site.css" />
    <script type="module" src="./docs.js"></script>
  </head>
  <body>
    <header class="site-header">
      <p class="site-name">Widgets de la Semaine de l'industrie</p>
      <nav aria-label="${lang === 'en' ? 'Pages' : 'Pages du site'}">${nav}</nav>
    </header>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

const NAV_FR = `<a href="./index.html" aria-current="page">Documentation</a> · <a href="./configurateur.html">Configurateur de code</a> · <a href="./en.html" lang="en" hreflang="en">English</a>`;
const NAV_EN = `<a href="./index.html" lang="fr" hreflang="fr">Français</a> · <a href="./configurateur.html" lang="fr" hreflang="fr">Configurateur de code (in French)</a> · <a href="./en.html" aria-current="page">English</a>`;

const snippet = (text) =>
  `<pre><code>&lt;script type="module" src="<span data-site-file="sdi-widgets.js">https://ADRESSE-DE-CE-SITE/sdi-widgets.js</span>"&gt;&lt;/script&gt;

&lt;sdi-edition-banner region="32"&gt;&lt;/sdi-edition-banner&gt;
&lt;sdi-event-list region="32"&gt;
  &lt;a href="https://www.semaine-industrie.gouv.fr/"&gt;${text}&lt;/a&gt;
&lt;/sdi-event-list&gt;</code></pre>`;

export function indexFr() {
  const rows = ELEMENTS.map(
    ([tag, fr, , attrs]) =>
      `<tr><th scope="row"><code>&lt;${tag}&gt;</code></th><td>${fr}</td><td><code>${attrs}</code></td></tr>`,
  ).join('\n');
  return layout({
    lang: 'fr',
    title: "Widgets de la Semaine de l'industrie : documentation des partenaires",
    nav: NAV_FR,
    body: `      <h1>Widgets de la Semaine de l'industrie</h1>
      <p>Des composants à coller dans votre site (CCI, agence France Travail, préfecture, entreprise…)
      pour montrer les événements labellisés de la Semaine de l'industrie près de chez vous : bandeau de
      l'édition, compte à rebours, liste des événements et carte. Les données viennent d'OpenAgenda, publiées
      sur ce site ; elles sont mises à jour sans que vous ayez à changer votre code.</p>

      <h2>Le code à coller</h2>
      <p>Le plus simple : le <a href="./configurateur.html">configurateur de code</a> écrit le code de chaque widget
      avec vos réglages, et montre un aperçu. Sinon, collez dans un bloc « HTML » de votre page :</p>
      ${snippet("Voir les événements de la Semaine de l'industrie")}
      <p>Le script ne se charge qu'une fois, même avec plusieurs widgets. Le lien à l'intérieur d'un widget
      est ce que voient les visiteurs sans JavaScript, ou dont le CMS a retiré le script ; il disparaît dès que
      le widget s'affiche.</p>
      <p>Facultatif, avant le script : <code>&lt;link rel="stylesheet" href="<span data-site-file="sdi-widgets.css">https://ADRESSE-DE-CE-SITE/sdi-widgets.css</span>"&gt;</code>
      réserve la place des widgets dès l'affichage de la page.</p>

      <h2>Les widgets et leurs réglages</h2>
      <table>
        <thead><tr><th scope="col">Élément</th><th scope="col">Ce qu'il montre</th><th scope="col">Attributs principaux</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>
      <p>Les régions et départements se donnent par leur code INSEE (<code>region="32"</code> : Hauts-de-France).
      Des widgets qui ont le même <code>group</code> partagent leurs filtres : la région choisie sur la carte filtre la liste.
      Les textes sont en français ; <code>lang="en"</code> les met en anglais. Une valeur erronée n'empêche jamais la
      page de s'afficher : le widget affiche un court message et la console du navigateur nomme l'attribut.</p>

      <h2>WordPress et autres CMS</h2>
      <p>Collez le code dans un bloc « HTML personnalisé » (WordPress), un bloc de code ou un élément « HTML ».
      Beaucoup de CMS retirent les scripts pour les rôles sans droit « HTML non filtré » : demandez alors à
      l'administrateur du site d'ajouter le script une fois pour tout le site, et collez seulement les éléments.
      Si votre CMS garde la balise <code>&lt;script&gt;</code> mais retire <code>type="module"</code>, utilisez le script
      classique : <code>&lt;script src="<span data-site-file="sdi-widgets.classic.js">https://ADRESSE-DE-CE-SITE/sdi-widgets.classic.js</span>"&gt;&lt;/script&gt;</code>
      (le configurateur le propose).</p>

      <h2>Vie privée</h2>
      <p>Aucun cookie, aucun stockage dans le navigateur, aucun identifiant, aucune mesure d'audience. Les widgets
      lisent les fichiers de données publiés sur ce site ; les vignettes des événements viennent de l'hébergeur
      d'images indiqué par OpenAgenda. Le bouton « Près de moi » ne demande la position du visiteur que s'il est
      pressé, et elle n'est envoyée nulle part.</p>

      <h2>Sécurité du site (Content-Security-Policy)</h2>
      <p>Si votre site a une politique de sécurité : autorisez l'adresse de ce site dans <code>script-src</code> et
      <code>connect-src</code>, et l'hébergeur des images (<code>https://cdn.openagenda.com</code>) dans <code>img-src</code>.</p>
`,
  });
}

export function indexEn() {
  const rows = ELEMENTS.map(
    ([tag, , en, attrs]) =>
      `<tr><th scope="row"><code>&lt;${tag}&gt;</code></th><td>${en}</td><td><code>${attrs}</code></td></tr>`,
  ).join('\n');
  return layout({
    lang: 'en',
    title: "Semaine de l'industrie widgets: documentation for partners",
    nav: NAV_EN,
    body: `      <h1>Semaine de l'industrie widgets</h1>
      <p>Components to paste into your site to show the labelled events of France's Industry Week near you:
      edition banner, countdown, event list and map. The data comes from OpenAgenda, published on this site.</p>
      <h2>The code to paste</h2>
      <p>The <a href="./configurateur.html" lang="fr" hreflang="fr">code configurator</a> (in French) writes each widget's
      code with your settings. Or paste, in an HTML block of your page:</p>
      ${snippet('See the events of the Semaine de l’industrie')}
      <p>Add <code>lang="en"</code> to a widget for English texts. The link inside an element is what visitors see
      without JavaScript. Where a CMS drops <code>type="module"</code>, use the classic loader
      <code>&lt;script src="<span data-site-file="sdi-widgets.classic.js">https://ADRESSE-DE-CE-SITE/sdi-widgets.classic.js</span>"&gt;&lt;/script&gt;</code>.</p>
      <h2>The widgets</h2>
      <table>
        <thead><tr><th scope="col">Element</th><th scope="col">Shows</th><th scope="col">Main attributes</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>
      <h2>Privacy</h2>
      <p>No cookies, no browser storage, no identifiers, no analytics. The widgets read the data files published on
      this site; event thumbnails come from the image host named by OpenAgenda.</p>
`,
  });
}

/** The configurator page of the demo, re-linked for the site: bundle and pages beside it. */
export function configurator(demoHtml) {
  const html = demoHtml
    .replace('src="../dist/sdi-widgets.js"', 'src="./sdi-widgets.js"')
    .replace("from '../dist/demo/configurator.js'", "from './demo/configurator.js'")
    .replace(
      /<header class="site-header">[\s\S]*?<\/header>/,
      `<header class="site-header">
      <p class="site-name">Widgets de la Semaine de l'industrie</p>
      <nav aria-label="Pages du site"><a href="./index.html">Documentation</a> · <a href="./configurateur.html" aria-current="page">Configurateur de code</a> · <a href="./en.html" lang="en" hreflang="en">English</a></nav>
    </header>`,
    );
  if (html.includes('../dist/') || !html.includes('./demo/configurator.js')) {
    throw new Error('demo/configurator.html changed: scripts/site/pages.mjs no longer finds the lines it re-links');
  }
  return html;
}

/** Fills the snippets' addresses with this site's own, resolved against the page. */
export const DOCS_JS = `for (const span of document.querySelectorAll('[data-site-file]')) {
  span.textContent = new URL(span.dataset.siteFile, document.baseURI).href;
}
`;
