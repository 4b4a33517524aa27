import { expect, fixture, html } from '@open-wc/testing';
import {
  NATIONAL_PROGRAMME_URL,
  PLACEHOLDER_SCRIPT_URL,
  COMMON_OPTIONS,
  DOCUMENTED_ATTRIBUTES,
  THEME_PROPERTIES,
  WIDGETS,
  WIDGET_KEYS,
  attributesFor,
  createWidgetElement,
  defaultValue,
  mountConfigurator,
  optionsOf,
  snippetFor,
  type ConfiguratorHandle,
  type OptionSpec,
  type OptionValue,
  type WidgetKey,
  type WidgetOptions,
} from '../../demo/configurator.js';
// The classes only, never registered here: the previews stay inert elements, so this file makes
// no request and the audits see the configurator's own markup.
import { SdiCountdown } from '../../src/elements/countdown/sdi-countdown.js';
import { SdiEditionBanner } from '../../src/elements/edition-banner/sdi-edition-banner.js';
import { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';

const CLASSES: Record<WidgetKey, { observedAttributes: string[] }> = {
  banner: SdiEditionBanner,
  countdown: SdiCountdown,
  list: SdiEventList,
  map: SdiRegionMap,
};

/** A valid value different from the default, for every kind of control. */
function nonDefault(spec: OptionSpec): OptionValue {
  switch (spec.kind) {
    case 'text':
      if (spec.name === 'href') return 'https://www.example.org/agenda';
      if (spec.name === 'height') return '480';
      if (spec.name === 'group') return 'agenda';
      return 'Un texte';
    case 'integer':
      return String(Math.min(spec.max, spec.min + 2));
    case 'select':
      return spec.choices.find((c) => c.value !== spec.default)?.value ?? spec.default;
    case 'boolean':
      return true;
    case 'set':
      return ['near'];
    case 'region':
      return '32';
    case 'department':
      return '59';
    case 'color':
      return '#e1000f';
  }
}

function everything(widget: WidgetKey): Record<string, OptionValue> {
  return Object.fromEntries(optionsOf(widget).map((spec) => [spec.name, nonDefault(spec)]));
}

function defaults(widget: WidgetKey): Record<string, OptionValue> {
  return Object.fromEntries(optionsOf(widget).map((spec) => [spec.name, defaultValue(spec)]));
}

/** The snippet as a browser reads it: the script, and the element with its attributes. */
function parse(snippet: string, widget: WidgetKey): { script: HTMLScriptElement; element: Element; doc: Document } {
  const doc = new DOMParser().parseFromString(snippet, 'text/html');
  const script = doc.querySelector('script');
  const element = doc.querySelector(WIDGETS[widget].tag);
  if (!script || !element) throw new Error(`unparsable snippet:\n${snippet}`);
  return { script, element, doc };
}

function attributeMap(element: Element): Record<string, string> {
  return Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]));
}

describe('configurator: the option table', () => {
  for (const widget of WIDGET_KEYS) {
    it(`${widget}: every documented attribute is one <${WIDGETS[widget].tag}> observes`, () => {
      const observed = new Set(CLASSES[widget].observedAttributes);
      for (const name of DOCUMENTED_ATTRIBUTES[widget]) expect(observed.has(name), name).to.equal(true);
    });

    it(`${widget}: every option maps to one documented attribute or theme property`, () => {
      const names = optionsOf(widget).map((spec) => spec.name);
      expect(new Set(names).size, 'one control per attribute').to.equal(names.length);
      for (const name of names) {
        if (name.startsWith('--')) expect(THEME_PROPERTIES as readonly string[]).to.include(name);
        else expect(DOCUMENTED_ATTRIBUTES[widget]).to.include(name);
      }
    });
  }
});

describe('configurator: snippetFor', () => {
  for (const widget of WIDGET_KEYS) {
    it(`${widget}: the script tag, then the element with documented attributes only`, () => {
      const snippet = snippetFor(widget, everything(widget));
      const { script, element, doc } = parse(snippet, widget);
      expect(script.getAttribute('type')).to.equal('module');
      expect(script.getAttribute('src')).to.equal(PLACEHOLDER_SCRIPT_URL);
      expect(doc.querySelectorAll('script')).to.have.length(1);
      const allowed = new Set([...DOCUMENTED_ATTRIBUTES[widget], 'style']);
      const names = element.getAttributeNames();
      for (const name of names) expect(allowed.has(name), name).to.equal(true);
      // Every option set away from its default shows up (cta and href need their partner option).
      for (const spec of WIDGETS[widget].options) expect(names, spec.name).to.include(spec.name);
      expect(element.getAttribute('style')).to.equal('--sdi-primary: #e1000f; --sdi-radius: 2px');
    });

    it(`${widget}: defaults, given or not, write a bare element`, () => {
      const { tag } = WIDGETS[widget];
      const link = `<a href="${NATIONAL_PROGRAMME_URL}">Voir les événements de la Semaine de l'industrie</a>`;
      const bare = `<script type="module" src="${PLACEHOLDER_SCRIPT_URL}"></script>\n<${tag}>\n  ${link}\n</${tag}>\n`;
      expect(snippetFor(widget, {})).to.equal(bare);
      expect(snippetFor(widget, defaults(widget))).to.equal(bare);
      expect(snippetFor(widget, {}, { fallback: false })).to.equal(
        `<script type="module" src="${PLACEHOLDER_SCRIPT_URL}"></script>\n<${tag}></${tag}>\n`,
      );
    });

    it(`${widget}: the preview element gets exactly the snippet's attributes`, () => {
      const options: WidgetOptions = {
        ...everything(widget),
        ...(widget === 'banner' ? { theme: 'Fab "Lab" <b>&</b>' } : {}),
        ...(widget === 'countdown' ? { heading: '<script>alert("x")</script> & co' } : {}),
      };
      const preview = createWidgetElement(widget, options);
      expect(preview.localName).to.equal(WIDGETS[widget].tag);
      expect(attributeMap(preview)).to.deep.equal(attributeMap(parse(snippetFor(widget, options), widget).element));
      // The fallback link is for pages without the script; the preview has the script.
      expect(preview.childNodes).to.have.length(0);
    });
  }

  it('escapes values: a theme with "<>& stays one attribute value', () => {
    const theme = 'Fab "Lab" <b>&amp;</b> & <img src=x onerror=alert(1)>';
    const snippet = snippetFor('banner', { theme, href: 'https://example.org/?a=1&b="2"', cta: '<Voir>' });
    expect(snippet).to.include(
      'theme="Fab &quot;Lab&quot; &lt;b&gt;&amp;amp;&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"',
    );
    expect(snippet).to.include('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
    expect(snippet).to.include('cta="&lt;Voir&gt;"');
    const { element, doc } = parse(snippet, 'banner');
    expect(element.getAttribute('theme')).to.equal(theme);
    expect(element.getAttribute('cta')).to.equal('<Voir>');
    expect(doc.querySelector('img, b')).to.equal(null);
  });

  it('omits values equal to the default, keeps the same value where it is not the default', () => {
    expect(attributesFor('banner', { 'heading-level': '2' })).to.deep.equal([]);
    expect(attributesFor('list', { 'heading-level': '2' })).to.deep.equal([['heading-level', '2']]);
    expect(attributesFor('list', { filters: ['search', 'date', 'audience', 'type', 'department', 'region'] })).to.deep.equal([]);
    expect(attributesFor('list', { layout: 'list', sort: 'date', 'sync-url': 'off', seo: false })).to.deep.equal([]);
    expect(attributesFor('map', { tiles: 'none', '--sdi-primary': '#000091', '--sdi-radius': '' })).to.deep.equal([]);
    expect(attributesFor('countdown', { lang: 'page', seconds: false })).to.deep.equal([]);
  });

  it('writes boolean-like attributes bare and the filters in a stable order', () => {
    const snippet = snippetFor('list', { seo: true, 'sync-url': 'query', filters: ['near', 'region'] });
    expect(snippet).to.include('<sdi-event-list filters="region near" sync-url seo>\n  <a href=');
    expect(attributesFor('list', { filters: [] })).to.deep.equal([['filters', 'none']]);
    expect(attributesFor('list', { 'sync-url': 'hash' })).to.deep.equal([['sync-url', 'hash']]);
    expect(attributesFor('countdown', { seconds: true, lang: 'en' })).to.deep.equal([
      ['seconds', ''],
      ['lang', 'en'],
    ]);
  });

  it('leaves out refused values and options the widget would ignore', () => {
    expect(attributesFor('banner', { href: 'javascript:alert(1)', cta: 'Voir' })).to.deep.equal([]);
    expect(attributesFor('banner', { href: '/agenda', cta: 'Voir' })).to.deep.equal([
      ['href', '/agenda'],
      ['cta', 'Voir'],
    ]);
    expect(attributesFor('list', { href: 'https://example.org/' })).to.deep.equal([]);
    expect(attributesFor('list', { limit: '3', href: 'https://example.org/' })).to.deep.equal([
      ['limit', '3'],
      ['href', 'https://example.org/'],
    ]);
    expect(attributesFor('list', { limit: '0', 'page-size': '12.5' })).to.deep.equal([]);
    expect(attributesFor('map', { height: '10', group: 'a b' })).to.deep.equal([]);
    expect(attributesFor('map', { height: '30rem' })).to.deep.equal([['height', '30rem']]);
    // The Nord (59) is not in Auvergne-Rhône-Alpes (84).
    expect(attributesFor('list', { region: '84', department: '59' })).to.deep.equal([['region', '84']]);
    expect(attributesFor('list', { region: '99' })).to.deep.equal([]);
    expect(attributesFor('map', { '--sdi-primary': 'red; background: url(x)' })).to.deep.equal([]);
  });

  it('writes a long element one attribute a line, read back the same', () => {
    const options = everything('list');
    const snippet = snippetFor('list', options);
    expect(snippet).to.include('<sdi-event-list\n  region="32"\n');
    expect(attributeMap(parse(snippet, 'list').element)).to.deep.equal(attributeMap(createWidgetElement('list', options)));
  });

  it("the fallback link goes to the partner's own link when the widget has one, in the widget's language", () => {
    expect(snippetFor('banner', { href: '/agenda?a=1&b=2' })).to.include(
      `<a href="/agenda?a=1&amp;b=2">Voir les événements de la Semaine de l'industrie</a>`,
    );
    // A list's href counts only with a teaser (limit): otherwise the widget ignores it.
    expect(snippetFor('list', { href: 'https://example.org/a' })).to.include(`<a href="${NATIONAL_PROGRAMME_URL}">`);
    expect(snippetFor('list', { limit: '3', href: 'https://example.org/a' })).to.include('<a href="https://example.org/a">');
    expect(snippetFor('countdown', { lang: 'en' })).to.include('>See the events of the Semaine de l’industrie</a>');
    const { doc } = parse(snippetFor('banner', { href: 'https://example.org/"><b>x</b>' }), 'banner');
    expect(doc.querySelector('b')).to.equal(null);
  });

  it('offers the classic loader and the stylesheet, both beside the bundle', () => {
    const scriptUrl = 'https://static.cci-exemple.fr/sdi/v1/sdi-widgets.js';
    expect(snippetFor('countdown', {}, { scriptUrl, loader: 'classic', stylesheet: true, fallback: false })).to.equal(
      '<link rel="stylesheet" href="https://static.cci-exemple.fr/sdi/v1/sdi-widgets.css">\n' +
        '<script src="https://static.cci-exemple.fr/sdi/v1/sdi-widgets.classic.js"></script>\n' +
        '<sdi-countdown></sdi-countdown>\n',
    );
  });

  it('writes a long element one attribute a line with its link, read back the same', () => {
    const snippet = snippetFor('list', everything('list'));
    expect(snippet).to.match(
      /\n  style="[^"]*"\n>\n  <a href="https:\/\/www\.example\.org\/agenda">[^<]+<\/a>\n<\/sdi-event-list>\n$/,
    );
  });

  it('offers language and colours to every widget', () => {
    expect(COMMON_OPTIONS.map((o) => o.name)).to.deep.equal(['lang', '--sdi-primary', '--sdi-radius']);
    for (const widget of WIDGET_KEYS) expect(optionsOf(widget).slice(-3)).to.deep.equal([...COMMON_OPTIONS]);
  });
});

describe('configurator: the form', () => {
  let root: HTMLElement;
  let ui: ConfiguratorHandle;

  beforeEach(async () => {
    root = await fixture<HTMLElement>(html`<div></div>`);
    ui = mountConfigurator(root);
  });

  afterEach(() => ui.destroy());

  function control<T extends HTMLElement>(selector: string): T {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  }

  function choose(widget: WidgetKey): void {
    control<HTMLInputElement>(`#sdi-cfg-widget-${widget}`).click();
  }

  function set(selector: string, value: string, event: 'input' | 'change' = 'change'): void {
    const field = control<HTMLInputElement | HTMLSelectElement>(selector);
    field.value = value;
    field.dispatchEvent(new Event(event, { bubbles: true }));
  }

  it('starts on the banner with a bare snippet and its preview', () => {
    expect(ui.snippet.value).to.equal(snippetFor('banner', {}));
    expect(ui.snippet.readOnly).to.equal(true);
    expect(ui.preview.firstElementChild?.localName).to.equal('sdi-edition-banner');
  });

  it('offers the 18 regions by INSEE code', () => {
    const codes = [...control<HTMLSelectElement>('#sdi-cfg-banner-region').options].map((o) => o.value);
    expect(codes).to.have.length(19);
    expect(codes[0]).to.equal('');
    expect(codes).to.include.members([
      '01',
      '02',
      '03',
      '04',
      '06',
      '11',
      '24',
      '27',
      '28',
      '32',
      '44',
      '52',
      '53',
      '75',
      '76',
      '84',
      '93',
      '94',
    ]);
  });

  it('switches widget: its options only, a new snippet and a new preview', () => {
    choose('map');
    expect(ui.current().widget).to.equal('map');
    expect(control('fieldset[data-widget="map"]').hidden).to.equal(false);
    expect(control('fieldset[data-widget="banner"]').hidden).to.equal(true);
    expect(ui.snippet.value).to.include('<sdi-region-map>\n  <a href=');
    expect(ui.preview.firstElementChild?.localName).to.equal('sdi-region-map');
  });

  it('updates the snippet and the preview when a control changes', () => {
    choose('list');
    set('#sdi-cfg-list-region', '32');
    set('#sdi-cfg-list-layout', 'grid');
    expect(ui.snippet.value).to.include('<sdi-event-list region="32" layout="grid">\n  <a href=');
    const preview = ui.preview.firstElementChild;
    expect(preview?.getAttribute('region')).to.equal('32');
    expect(preview?.getAttribute('layout')).to.equal('grid');
  });

  it('filters the departments by region, dropping one outside it', () => {
    choose('list');
    set('#sdi-cfg-list-department', '69');
    expect(ui.snippet.value).to.include('department="69"');
    set('#sdi-cfg-list-region', '32');
    const codes = [...control<HTMLSelectElement>('#sdi-cfg-list-department').options].map((o) => o.value);
    expect(codes).to.deep.equal(['', '02', '59', '60', '62', '80']);
    expect(control<HTMLSelectElement>('#sdi-cfg-list-department').value).to.equal('');
    expect(ui.snippet.value).not.to.include('department=');
  });

  it('writes filters="none" when every filter is unchecked', () => {
    choose('list');
    for (const box of root.querySelectorAll<HTMLInputElement>('#sdi-cfg-list-filters input:checked')) box.click();
    expect(ui.snippet.value).to.include('filters="none"');
    control<HTMLInputElement>('#sdi-cfg-list-filters-near').click();
    expect(ui.snippet.value).to.include('filters="near"');
  });

  it('updates the snippet while typing, the preview after the pause', () => {
    set('#sdi-cfg-banner-theme', 'Fab "Lab" <b>&', 'input');
    expect(ui.snippet.value).to.include('theme="Fab &quot;Lab&quot; &lt;b&gt;&amp;"');
    ui.flush();
    expect(ui.preview.firstElementChild?.getAttribute('theme')).to.equal('Fab "Lab" <b>&');
  });

  it('flags a refused link and enables the button text only with a link', () => {
    const cta = control<HTMLInputElement>('#sdi-cfg-banner-cta');
    expect(cta.disabled).to.equal(true);
    set('#sdi-cfg-banner-href', 'javascript:alert(1)', 'input');
    const href = control<HTMLInputElement>('#sdi-cfg-banner-href');
    expect(href.getAttribute('aria-invalid')).to.equal('true');
    expect(control('#sdi-cfg-banner-href-error').textContent).to.match(/http/);
    expect(ui.snippet.value).not.to.match(/<sdi-edition-banner[^>]* href=/);
    set('#sdi-cfg-banner-href', 'https://www.example.org/agenda', 'input');
    expect(href.hasAttribute('aria-invalid')).to.equal(false);
    expect(cta.disabled).to.equal(false);
    expect(ui.snippet.value).to.include('href="https://www.example.org/agenda"');
  });

  it('sets the colours as custom properties in a style attribute', () => {
    set('#sdi-cfg-common-sdi-primary', '#e1000f', 'input');
    set('#sdi-cfg-common-sdi-radius', '8', 'input');
    expect(ui.snippet.value).to.include('style="--sdi-primary: #e1000f; --sdi-radius: 8px"');
    ui.flush();
    expect((ui.preview.firstElementChild as HTMLElement).style.getPropertyValue('--sdi-primary').trim()).to.equal('#e1000f');
  });

  it('copies the snippet with the Clipboard API and announces it', async () => {
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void (copied = text) },
    });
    try {
      set('#sdi-cfg-banner-region', '32');
      ui.copyButton.click();
      await waitForStatus(ui.status);
      expect(copied).to.equal(ui.snippet.value);
      expect(ui.status.textContent).to.equal('Code copié');
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('falls back to selecting the text and execCommand when the Clipboard API refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    let selected = '';
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string) => {
        selected = ui.snippet.value.slice(ui.snippet.selectionStart, ui.snippet.selectionEnd);
        return command === 'copy';
      },
    });
    try {
      await ui.copy();
      expect(selected).to.equal(ui.snippet.value);
      expect(ui.status.textContent).to.equal('Code copié');
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  for (const widget of WIDGET_KEYS) {
    it(`passes an axe audit with the ${widget} options shown`, async () => {
      choose(widget);
      await expect(root).to.be.accessible();
    });
  }
});

async function waitForStatus(status: HTMLElement): Promise<void> {
  for (let i = 0; i < 100 && !status.textContent; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}
