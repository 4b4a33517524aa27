/**
 * The snippet configurator of the demo: a CMS editor picks a widget, sets its options with form
 * controls, sees the widget live and copies the exact HTML to paste into their page.
 *
 * The option table (`WIDGETS`, `COMMON_OPTIONS`) is the configurator's whole knowledge of the
 * elements: every control maps to one documented attribute (or one documented CSS custom
 * property), and `DOCUMENTED_ATTRIBUTES` copies the elements' JSDoc `@attr` lists so the tests can
 * check that nothing else ever reaches a snippet. The widgets themselves are not imported: the
 * page loads the real script-tag loader, which picks up the preview elements as they are added.
 */
import { CONTROL_KEYS, DEFAULT_CONTROLS, type ControlKey } from '../src/elements/event-list/options.js';
import { departments, regions } from '../src/geo/admin.js';
import { parseHeight } from '../src/map/height.js';
import { hasHiddenCharacters } from '../src/model/url.js';
import {
  PLACEHOLDER_SCRIPT_URL,
  classifyAddress,
  deploymentFiles,
  findBundleUrl,
  type AddressKind,
} from './deployment-address.js';
import { frenchDay, previewIncludesPast, readSnapshotDays, type SnapshotDays } from './preview-phase.js';

export { PLACEHOLDER_SCRIPT_URL } from './deployment-address.js';

/**
 * Where the fallback link of an element goes when the partner gave no link of their own: the
 * national programme's site, whose address has stayed the same across editions, while the
 * OpenAgenda agenda changes slug every year and a pasted snippet stays for years.
 */
export const NATIONAL_PROGRAMME_URL = 'https://www.semaine-industrie.gouv.fr/';

export type LoaderKind = 'module' | 'classic';

/** How the code around the element is written; none of it is an attribute of the element. */
export interface SnippetSettings {
  /** The bundle's absolute URL; the classic loader and the stylesheet are beside it. */
  scriptUrl: string;
  /** `classic` for CMSs that keep `<script>` but drop its `type="module"`. */
  loader: LoaderKind;
  /** A plain link inside the element: what visitors see without JavaScript or when a CMS drops the script. */
  fallback: boolean;
  /** The optional stylesheet that keeps the widgets' space from the first paint. */
  stylesheet: boolean;
}

export const DEFAULT_SNIPPET: Readonly<SnippetSettings> = {
  scriptUrl: PLACEHOLDER_SCRIPT_URL,
  loader: 'module',
  fallback: true,
  stylesheet: false,
};

export type WidgetKey = 'banner' | 'countdown' | 'list' | 'map';
export const WIDGET_KEYS: readonly WidgetKey[] = ['banner', 'countdown', 'list', 'map'];

/**
 * The `@attr` lists of the elements' JSDoc (src/elements/<name>/sdi-*.ts), as of writing. The
 * configurator offers a subset; the tests check both that snippets stay inside these lists and
 * that the elements still observe every attribute listed here.
 */
export const DOCUMENTED_ATTRIBUTES: Readonly<Record<WidgetKey, readonly string[]>> = {
  banner: [
    'edition',
    'start',
    'end',
    'theme',
    'number',
    'region',
    'department',
    'href',
    'cta',
    'heading-level',
    'src',
    'agenda',
    'api-key',
    'api',
    'lang',
  ],
  countdown: ['edition', 'start', 'end', 'start-time', 'seconds', 'lang', 'href', 'heading'],
  list: [
    'region',
    'department',
    'city',
    'type',
    'audience',
    'from',
    'to',
    'attendance',
    'accessibility',
    'q',
    'filters',
    'page-size',
    'sort',
    'layout',
    'limit',
    'href',
    'heading-level',
    'sync-url',
    'group',
    'seo',
    'past',
    'src',
    'agenda',
    'api-key',
    'api',
    'lang',
  ],
  map: [
    'region',
    'department',
    'type',
    'audience',
    'from',
    'to',
    'group',
    'tiles',
    'attribution',
    'height',
    'regions-geojson',
    'src',
    'agenda',
    'api-key',
    'api',
    'lang',
  ],
};

/** The `@cssprop` custom properties the configurator sets, all documented on every element. */
export const THEME_PROPERTIES = ['--sdi-primary', '--sdi-radius'] as const;

export interface Choice {
  value: string;
  label: string;
  /** The attribute's value when it differs from the control's ('' is a bare attribute). */
  attribute?: string;
  /** Language of the label, when it is not French (read aloud with the right voice). */
  lang?: string;
}

interface OptionBase {
  /** The attribute, or a CSS custom property (starting with `--`) set in the `style` attribute. */
  name: string;
  label: string;
  hint?: string;
  /** Another option without which the widget ignores this one: the control is disabled meanwhile. */
  requires?: string;
}

export type OptionSpec =
  | (OptionBase & { kind: 'text'; placeholder?: string; check?: (value: string) => boolean; error?: string })
  | (OptionBase & { kind: 'integer'; min: number; max: number; placeholder?: string; unit?: string })
  | (OptionBase & { kind: 'select'; choices: readonly Choice[]; default: string })
  | (OptionBase & { kind: 'boolean' })
  | (OptionBase & { kind: 'set'; choices: readonly Choice[]; default: readonly string[]; whenEmpty: string })
  | (OptionBase & { kind: 'region' })
  | (OptionBase & { kind: 'department'; region: string })
  | (OptionBase & { kind: 'color'; default: string });

export type OptionValue = string | boolean | readonly string[];
/** Control values by option name; a missing value means the control's default. */
export type WidgetOptions = Readonly<Partial<Record<string, OptionValue>>>;

export interface WidgetSpec {
  tag: string;
  label: string;
  description: string;
  options: readonly OptionSpec[];
}

const CONTROL_LABELS: Record<ControlKey, string> = {
  region: 'Région',
  department: 'Département',
  city: 'Commune',
  type: 'Format',
  audience: 'Public',
  date: 'Dates',
  attendance: 'Sur place ou en ligne',
  accessibility: 'Accessibilité',
  search: 'Recherche',
  near: 'Près de moi',
};

/**
 * The widgets resolve links against the partner's page, so a path of their site is as good as a
 * full address; only other schemes (javascript:, data:) and disguised characters are refused.
 */
function isLink(value: string): boolean {
  if (hasHiddenCharacters(value) || value.length > 2048) return false;
  try {
    const url = new URL(value, 'https://partenaire.example/page');
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

function isPlainText(value: string): boolean {
  return value.length <= 200 && !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u.test(value);
}

const LINK_HINT = 'Adresse web (https://…) ou chemin de votre site (/agenda).';
const LINK_ERROR = 'Indiquez une adresse en http(s) ou un chemin de votre site.';

const edition: OptionSpec = {
  kind: 'integer',
  name: 'edition',
  label: "Numéro de l'édition",
  min: 1,
  max: 999,
  placeholder: '15',
  hint: "Vide : l'édition en cours, sinon la prochaine.",
};

const group: OptionSpec = {
  kind: 'text',
  name: 'group',
  label: 'Groupe',
  placeholder: 'agenda',
  hint: 'Le même nom sur une carte et une liste de la page : la région choisie sur la carte filtre la liste.',
  check: (value) => value.length <= 50 && /^[\p{L}\p{N}_-]+$/u.test(value),
  error: 'Lettres, chiffres, tirets et soulignés seulement (50 au plus).',
};

function headingLevel(defaultLevel: string, label: string): OptionSpec {
  return {
    kind: 'select',
    name: 'heading-level',
    label,
    default: defaultLevel,
    choices: ['1', '2', '3', '4', '5', '6'].map((level) => ({
      value: level,
      label: level === defaultLevel ? `h${level} (par défaut)` : `h${level}`,
    })),
    hint: 'Choisissez le niveau qui suit les titres de votre page.',
  };
}

export const WIDGETS: Readonly<Record<WidgetKey, WidgetSpec>> = {
  banner: {
    tag: 'sdi-edition-banner',
    label: "Bandeau de l'édition",
    description: "Numéro, thème, dates et nombre d'événements labellisés.",
    options: [
      edition,
      {
        kind: 'text',
        name: 'theme',
        label: 'Thème',
        hint: "Vide : le thème officiel de l'édition, quand il est connu.",
        check: isPlainText,
        error: 'Un texte de 200 caractères au plus.',
      },
      {
        kind: 'region',
        name: 'region',
        label: 'Région',
        hint: 'Compter les événements de cette région. Vide : toute la France.',
      },
      {
        kind: 'department',
        name: 'department',
        region: 'region',
        label: 'Département',
        hint: "Compter les événements de ce département (il l'emporte sur la région).",
      },
      {
        kind: 'text',
        name: 'href',
        label: 'Lien du bouton',
        placeholder: 'https://',
        hint: LINK_HINT,
        check: isLink,
        error: LINK_ERROR,
      },
      {
        kind: 'text',
        name: 'cta',
        label: 'Texte du bouton',
        requires: 'href',
        placeholder: 'Découvrir les événements',
        hint: 'Vide : « Découvrir les événements ». Sans lien, pas de bouton.',
        check: isPlainText,
        error: 'Un texte de 200 caractères au plus.',
      },
      headingLevel('2', 'Niveau du titre'),
    ],
  },
  countdown: {
    tag: 'sdi-countdown',
    label: 'Compte à rebours',
    description: 'Jours, heures et minutes avant la prochaine édition.',
    options: [
      edition,
      {
        kind: 'boolean',
        name: 'seconds',
        label: 'Afficher les secondes',
        hint: 'Jamais pour les visiteurs qui demandent moins d’animations.',
      },
      {
        kind: 'text',
        name: 'href',
        label: 'Lien vers le programme',
        placeholder: 'https://',
        hint: LINK_HINT,
        check: isLink,
        error: LINK_ERROR,
      },
      {
        kind: 'text',
        name: 'heading',
        label: 'Titre',
        placeholder: 'Rendez-vous en novembre',
        hint: 'Facultatif, affiché au-dessus du compte à rebours.',
        check: isPlainText,
        error: 'Un texte de 200 caractères au plus.',
      },
    ],
  },
  list: {
    tag: 'sdi-event-list',
    label: 'Liste des événements',
    description: 'Les événements, filtrables, groupés par jour.',
    options: [
      { kind: 'region', name: 'region', label: 'Région', hint: 'Événements de cette région seulement. Vide : toute la France.' },
      { kind: 'department', name: 'department', region: 'region', label: 'Département' },
      {
        kind: 'set',
        name: 'filters',
        label: 'Filtres proposés aux visiteurs',
        choices: CONTROL_KEYS.map((key) => ({ value: key, label: CONTROL_LABELS[key] })),
        default: DEFAULT_CONTROLS,
        whenEmpty: 'none',
        hint: 'Aucun coché : la liste sans filtres.',
      },
      {
        kind: 'select',
        name: 'layout',
        label: 'Présentation',
        default: 'list',
        choices: [
          { value: 'list', label: 'Liste (par défaut)' },
          { value: 'compact', label: 'Compacte' },
          { value: 'grid', label: 'Grille de cartes' },
        ],
      },
      {
        kind: 'integer',
        name: 'page-size',
        label: 'Événements par page',
        min: 1,
        max: 500,
        placeholder: '20',
        hint: 'Vide : 20.',
      },
      {
        kind: 'select',
        name: 'sort',
        label: 'Ordre',
        default: 'date',
        choices: [
          { value: 'date', label: 'Par date (par défaut)' },
          { value: 'distance', label: 'Par distance (le visiteur donne sa position)' },
          { value: 'title', label: 'Par titre' },
        ],
      },
      {
        kind: 'integer',
        name: 'limit',
        label: "Aperçu : nombre d'événements",
        min: 1,
        max: 500,
        hint: 'Seulement les prochains événements, sans filtres ni pages. Vide : la liste complète.',
      },
      {
        kind: 'text',
        name: 'href',
        label: 'Lien « Voir tous les événements »',
        requires: 'limit',
        placeholder: 'https://',
        hint: `Avec un aperçu seulement. ${LINK_HINT}`,
        check: isLink,
        error: LINK_ERROR,
      },
      headingLevel('3', 'Niveau des titres des jours'),
      {
        kind: 'select',
        name: 'sync-url',
        label: "Filtres dans l'adresse de la page",
        default: 'off',
        choices: [
          { value: 'off', label: 'Non (par défaut)' },
          { value: 'query', label: 'Oui, en paramètres (?region=…)', attribute: '' },
          { value: 'hash', label: 'Oui, après le # de l’adresse', attribute: 'hash' },
        ],
        hint: 'Une liste filtrée peut alors être partagée ou mise en favori.',
      },
      group,
      {
        kind: 'boolean',
        name: 'seo',
        label: 'Publier les événements pour les moteurs de recherche',
        hint: 'Données schema.org (JSON-LD) des événements affichés.',
      },
    ],
  },
  map: {
    tag: 'sdi-region-map',
    label: 'Carte des événements',
    description: "La France et ses régions d'outre-mer, avec le nombre d'événements.",
    options: [
      { kind: 'region', name: 'region', label: 'Région sélectionnée au départ', hint: 'Vide : toute la France.' },
      {
        kind: 'text',
        name: 'height',
        label: 'Hauteur',
        placeholder: '480',
        hint: 'En pixels (480) ou en unité CSS (30rem). Vide : 28rem.',
        check: (value) => parseHeight(value) !== undefined,
        error: 'Entre 120 et 4000 pixels, ou une longueur en rem, em ou vh.',
      },
      {
        kind: 'select',
        name: 'tiles',
        label: 'Fond de carte',
        default: 'none',
        choices: [
          { value: 'none', label: 'Fond dessiné, sans requête vers un tiers (par défaut)' },
          { value: 'ign', label: 'Plan IGN (Géoplateforme)' },
          { value: 'osm', label: 'OpenStreetMap' },
        ],
        hint: 'IGN et OpenStreetMap : les tuiles sont demandées à leurs serveurs.',
      },
      group,
    ],
  },
};

/** Language and colours, the same for every widget. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  {
    kind: 'select',
    name: 'lang',
    label: 'Langue',
    default: 'page',
    choices: [
      { value: 'page', label: 'Celle de la page (par défaut)' },
      { value: 'fr', label: 'Français', attribute: 'fr' },
      { value: 'en', label: 'English', attribute: 'en', lang: 'en' },
    ],
  },
  // The DSFR blue the widgets fall back to: choosing it again is no change.
  { kind: 'color', name: '--sdi-primary', label: 'Couleur principale', default: '#000091', hint: 'Liens, boutons et chiffres.' },
  {
    kind: 'integer',
    name: '--sdi-radius',
    label: 'Arrondi des angles (pixels)',
    min: 0,
    max: 40,
    unit: 'px',
    placeholder: '4',
    hint: 'Vide : 4 pixels.',
  },
];

export function optionsOf(widget: WidgetKey): readonly OptionSpec[] {
  return [...WIDGETS[widget].options, ...COMMON_OPTIONS];
}

export function defaultValue(spec: OptionSpec): OptionValue {
  switch (spec.kind) {
    case 'select':
    case 'color':
      return spec.default;
    case 'set':
      return spec.default;
    case 'boolean':
      return false;
    default:
      return '';
  }
}

function textOf(value: OptionValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The attribute value an option contributes, or undefined when it adds nothing: default, empty,
 * or invalid (the form flags invalid values; a snippet never carries one).
 */
function emitted(spec: OptionSpec, value: OptionValue | undefined, options: WidgetOptions): string | undefined {
  switch (spec.kind) {
    case 'text': {
      const text = textOf(value);
      return text && (!spec.check || spec.check(text)) ? text : undefined;
    }
    case 'integer': {
      const text = textOf(value);
      if (!/^\d+$/.test(text)) return undefined;
      const n = Number(text);
      return n >= spec.min && n <= spec.max ? `${n}${spec.unit ?? ''}` : undefined;
    }
    case 'select': {
      const choice = spec.choices.find((c) => c.value === value);
      return choice && choice.value !== spec.default ? (choice.attribute ?? choice.value) : undefined;
    }
    case 'boolean':
      return value === true ? '' : undefined;
    case 'set': {
      const chosen = new Set(Array.isArray(value) ? (value as readonly string[]) : spec.default);
      // Choice order, not click order: the same selection always gives the same snippet.
      const words = spec.choices.map((c) => c.value).filter((v) => chosen.has(v));
      const isDefault = words.length === spec.default.length && spec.default.every((v) => chosen.has(v));
      if (isDefault) return undefined;
      return words.length ? words.join(' ') : spec.whenEmpty;
    }
    case 'region': {
      const code = textOf(value);
      return regions.some((r) => r.code === code) ? code : undefined;
    }
    case 'department': {
      const department = departments.find((d) => d.code === textOf(value));
      const region = textOf(options[spec.region]);
      // A department outside the chosen region would filter the widget down to nothing.
      if (!department || (region && department.regionCode !== region)) return undefined;
      return department.code;
    }
    case 'color': {
      const colour = textOf(value).toLowerCase();
      return /^#[0-9a-f]{6}$/.test(colour) && colour !== spec.default.toLowerCase() ? colour : undefined;
    }
  }
}

function isEmitted(specs: readonly OptionSpec[], name: string, options: WidgetOptions): boolean {
  const spec = specs.find((s) => s.name === name);
  return spec !== undefined && emitted(spec, options[spec.name], options) !== undefined;
}

/** Whether the widget would ignore this option as things stand (its `requires` is not set). */
export function isInert(widget: WidgetKey, spec: OptionSpec, options: WidgetOptions): boolean {
  return spec.requires !== undefined && !isEmitted(optionsOf(widget), spec.requires, options);
}

/**
 * The element's attributes, in table order, for the options given: only the non-default ones,
 * theme properties gathered into one `style` attribute (last).
 */
export function attributesFor(widget: WidgetKey, options: WidgetOptions): Array<[string, string]> {
  const specs = optionsOf(widget);
  const attributes: Array<[string, string]> = [];
  const style: string[] = [];
  for (const spec of specs) {
    if (isInert(widget, spec, options)) continue;
    const value = emitted(spec, options[spec.name], options);
    if (value === undefined) continue;
    if (spec.name.startsWith('--')) style.push(`${spec.name}: ${value}`);
    else attributes.push([spec.name, value]);
  }
  if (style.length) attributes.push(['style', style.join('; ')]);
  return attributes;
}

/** Escapes an attribute value for a double-quoted HTML attribute (`<>` too, for readers' sake). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}

/** Past this the element is written one attribute a line, easier to read and edit in a CMS. */
const MAX_LINE = 100;

/** The element's no-JavaScript link: the partner's own link when the widget has one, else the national site. */
export function fallbackLink(widget: WidgetKey, options: WidgetOptions): { href: string; text: string } {
  const attributes = attributesFor(widget, options);
  const href = attributes.find(([name]) => name === 'href')?.[1] ?? NATIONAL_PROGRAMME_URL;
  const english = attributes.some(([name, value]) => name === 'lang' && value === 'en');
  return {
    href,
    text: english ? 'See the events of the Semaine de l’industrie' : "Voir les événements de la Semaine de l'industrie",
  };
}

function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}

export function elementHtml(widget: WidgetKey, options: WidgetOptions, fallback = false): string {
  const { tag } = WIDGETS[widget];
  const written = attributesFor(widget, options).map(([name, value]) =>
    value === '' ? name : `${name}="${escapeAttribute(value)}"`,
  );
  const link = fallback ? fallbackLink(widget, options) : undefined;
  const inner = link ? `\n  <a href="${escapeAttribute(link.href)}">${escapeText(link.text)}</a>\n` : '';
  const line = `<${tag}${written.map((a) => ` ${a}`).join('')}>`;
  if (line.length <= MAX_LINE) return `${line}${inner}</${tag}>`;
  return `<${tag}\n${written.map((a) => `  ${a}`).join('\n')}\n>${inner}</${tag}>`;
}

/** The HTML a partner pastes: the optional stylesheet, the loader script, then the element. */
export function snippetFor(widget: WidgetKey, options: WidgetOptions, settings: Partial<SnippetSettings> = {}): string {
  const { scriptUrl, loader, fallback, stylesheet } = { ...DEFAULT_SNIPPET, ...settings };
  const files = deploymentFiles(scriptUrl);
  const lines: string[] = [];
  if (stylesheet) lines.push(`<link rel="stylesheet" href="${escapeAttribute(files.stylesheet)}">`);
  lines.push(
    loader === 'classic'
      ? `<script src="${escapeAttribute(files.classic)}"></script>`
      : `<script type="module" src="${escapeAttribute(files.module)}"></script>`,
  );
  lines.push(elementHtml(widget, options, fallback));
  return `${lines.join('\n')}\n`;
}

/** What the editor is told about the address the code loads the widgets from. */
export function addressNotice(scriptUrl: string, kind: AddressKind = classifyAddress(scriptUrl)): string {
  switch (kind) {
    case 'local':
      return `Attention : ce code charge les widgets depuis ${scriptUrl}, une adresse locale, que seul cet ordinateur (ou son réseau) peut joindre. Collé dans un autre site, il n'affichera rien. Copiez le code depuis le configurateur publié avec les widgets, à leur adresse publique.`;
    case 'placeholder':
      return `Attention : ce code charge les widgets depuis ${scriptUrl}, une adresse d'exemple qui ne mène nulle part. Collé dans un site, il n'affichera rien. Copiez le code depuis le configurateur publié avec les widgets, à leur adresse publique.`;
    case 'public':
      return `Ce code charge les widgets depuis ${scriptUrl}.`;
  }
}

/** The live element for the preview: built with DOM calls from the same attributes as the snippet. */
export function createWidgetElement(widget: WidgetKey, options: WidgetOptions, doc: Document = document): HTMLElement {
  const element = doc.createElement(WIDGETS[widget].tag);
  for (const [name, value] of attributesFor(widget, options)) element.setAttribute(name, value);
  return element;
}

// ---------------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------------

type Child = Node | string;

/** A small element builder: attributes through setAttribute, text through text nodes, never HTML. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

const collator = new Intl.Collator('fr');

function controlId(scope: string, name: string): string {
  return `sdi-cfg-${scope}-${name.replace(/^-+/, '')}`;
}

function departmentChoices(regionCode: string): HTMLOptionElement[] {
  return [
    new Option('Tous les départements', ''),
    ...departments
      .filter((d) => !regionCode || d.regionCode === regionCode)
      .map((d) => new Option(`${d.code} – ${d.name}`, d.code)),
  ];
}

interface Control {
  spec: OptionSpec;
  /** The element holding the value (the wrapper fieldset for checkbox sets). */
  element: HTMLElement;
  read(): OptionValue;
  setDisabled(disabled: boolean): void;
  /** The message element of a checked text field, filled when the value is refused. */
  error?: HTMLElement;
}

function buildControl(scope: string, spec: OptionSpec): { node: HTMLElement; control: Control } {
  const id = controlId(scope, spec.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hint = spec.hint ? h('p', { class: 'cfg-hint', id: hintId }, [spec.hint]) : undefined;
  const describedBy = [spec.hint ? hintId : undefined, spec.kind === 'text' && spec.check ? errorId : undefined]
    .filter((v) => v !== undefined)
    .join(' ');

  if (spec.kind === 'set') {
    const boxes = spec.choices.map((choice) =>
      h('input', {
        type: 'checkbox',
        id: `${id}-${choice.value}`,
        name: id,
        value: choice.value,
        checked: spec.default.includes(choice.value),
      }),
    );
    const node = h('fieldset', { class: 'cfg-set', id, 'aria-describedby': hint ? hintId : undefined }, [
      h('legend', {}, [spec.label]),
      ...(hint ? [hint] : []),
      h(
        'div',
        { class: 'cfg-checks' },
        boxes.map((box, i) =>
          h('div', { class: 'cfg-check' }, [box, h('label', { for: box.id }, [spec.choices[i]?.label ?? box.value])]),
        ),
      ),
    ]);
    return {
      node,
      control: {
        spec,
        element: node,
        read: () => boxes.filter((b) => b.checked).map((b) => b.value),
        setDisabled: (disabled) => boxes.forEach((b) => (b.disabled = disabled)),
      },
    };
  }

  if (spec.kind === 'boolean') {
    const input = h('input', { type: 'checkbox', id, 'aria-describedby': describedBy || undefined });
    const node = h('div', { class: 'cfg-field cfg-field-check' }, [
      h('div', { class: 'cfg-check' }, [input, h('label', { for: id }, [spec.label])]),
      ...(hint ? [hint] : []),
    ]);
    return {
      node,
      control: { spec, element: input, read: () => input.checked, setDisabled: (d) => (input.disabled = d) },
    };
  }

  let field: HTMLInputElement | HTMLSelectElement;
  let error: HTMLElement | undefined;
  switch (spec.kind) {
    case 'select': {
      const select = h('select', { id, 'aria-describedby': describedBy || undefined });
      for (const choice of spec.choices) {
        const option = new Option(choice.label, choice.value, false, choice.value === spec.default);
        if (choice.lang) option.lang = choice.lang;
        select.append(option);
      }
      field = select;
      break;
    }
    case 'region': {
      const select = h('select', { id, 'aria-describedby': describedBy || undefined });
      select.append(
        new Option('Toute la France', ''),
        ...[...regions].sort((a, b) => collator.compare(a.name, b.name)).map((r) => new Option(`${r.name} (${r.code})`, r.code)),
      );
      field = select;
      break;
    }
    case 'department': {
      const select = h('select', { id, 'aria-describedby': describedBy || undefined });
      select.append(...departmentChoices(''));
      field = select;
      break;
    }
    case 'color':
      field = h('input', { type: 'color', id, value: spec.default, 'aria-describedby': describedBy || undefined });
      break;
    case 'integer':
      field = h('input', {
        type: 'number',
        id,
        min: String(spec.min),
        max: String(spec.max),
        step: '1',
        inputmode: 'numeric',
        placeholder: spec.placeholder,
        'aria-describedby': describedBy || undefined,
      });
      break;
    case 'text':
      field = h('input', {
        type: 'text',
        id,
        placeholder: spec.placeholder,
        spellcheck: 'false',
        autocomplete: 'off',
        'aria-describedby': describedBy || undefined,
      });
      // Empty until a value is refused; referenced from the start so the description is stable.
      if (spec.check) error = h('p', { class: 'cfg-error', id: errorId }, []);
      break;
  }
  const node = h('div', { class: 'cfg-field' }, [
    h('label', { for: id }, [spec.label]),
    field,
    ...(hint ? [hint] : []),
    ...(error ? [error] : []),
  ]);
  const control: Control = {
    spec,
    element: field,
    read: () => field.value,
    setDisabled: (disabled) => (field.disabled = disabled),
  };
  if (error) control.error = error;
  return { node, control };
}

export interface ConfiguratorHandle {
  form: HTMLFormElement;
  snippet: HTMLTextAreaElement;
  preview: HTMLElement;
  status: HTMLElement;
  copyButton: HTMLButtonElement;
  /** The widget chosen and its options as the form has them now. */
  current(): { widget: WidgetKey; options: WidgetOptions };
  /** Recreates the preview now rather than after the typing pause. */
  flush(): void;
  /** Copies the snippet and announces the result; resolves when done. */
  copy(): Promise<void>;
  /** Resolves once the snapshot beside the bundle has been read and the preview follows it. */
  ready: Promise<void>;
  destroy(): void;
}

export interface MountOptions {
  widget?: WidgetKey;
  /** The bundle the snippets load; by default the one this page loaded (the placeholder if none). */
  scriptUrl?: string;
  /** Clock, to tell whether the snapshot's events are all over. */
  now?: () => number;
}

/** Typing in a text field rebuilds the preview after this pause, not on every key. */
const PREVIEW_DELAY_MS = 300;

/**
 * Builds the configurator in `root` (the form, the snippet with its copy button, the preview) and
 * keeps them in step. Element ids are prefixed `sdi-cfg-`: mount it once per page.
 */
export function mountConfigurator(root: HTMLElement, mount: MountOptions = {}): ConfiguratorHandle {
  let widget: WidgetKey = mount.widget ?? 'banner';
  const controls = new Map<string, Control[]>();
  const scriptUrl = mount.scriptUrl ?? findBundleUrl(root.ownerDocument) ?? PLACEHOLDER_SCRIPT_URL;
  const addressKind = classifyAddress(scriptUrl);
  const now = mount.now ?? (() => Date.now());

  const radios = WIDGET_KEYS.map((key) =>
    h('input', { type: 'radio', name: 'sdi-cfg-widget', id: `sdi-cfg-widget-${key}`, value: key, checked: key === widget }),
  );
  const widgetFieldset = h('fieldset', { class: 'cfg-widgets' }, [
    h('legend', {}, ['1. Choisissez un widget']),
    h(
      'div',
      { class: 'cfg-widget-choices' },
      WIDGET_KEYS.map((key, i) => {
        const radio = radios[i] as HTMLInputElement;
        const descriptionId = `sdi-cfg-widget-${key}-description`;
        radio.setAttribute('aria-describedby', descriptionId);
        return h('div', { class: 'cfg-widget-choice' }, [
          radio,
          h('label', { for: radio.id }, [
            h('span', { class: 'cfg-widget-name' }, [WIDGETS[key].label]),
            h('code', { class: 'cfg-widget-tag', 'aria-hidden': 'true' }, [`<${WIDGETS[key].tag}>`]),
          ]),
          h('p', { class: 'cfg-hint', id: descriptionId }, [WIDGETS[key].description]),
        ]);
      }),
    ),
  ]);

  const optionFieldsets = new Map<WidgetKey, HTMLFieldSetElement>();
  for (const key of WIDGET_KEYS) {
    const built = WIDGETS[key].options.map((spec) => buildControl(key, spec));
    controls.set(
      key,
      built.map((b) => b.control),
    );
    optionFieldsets.set(
      key,
      h('fieldset', { class: 'cfg-options', 'data-widget': key, hidden: key !== widget }, [
        h('legend', {}, [`2. Options : ${WIDGETS[key].label.toLowerCase()}`]),
        h(
          'div',
          { class: 'cfg-grid' },
          built.map((b) => b.node),
        ),
      ]),
    );
  }
  const common = COMMON_OPTIONS.map((spec) => buildControl('common', spec));
  controls.set(
    'common',
    common.map((b) => b.control),
  );
  const commonFieldset = h('fieldset', { class: 'cfg-options' }, [
    h('legend', {}, ['3. Langue et couleurs']),
    h(
      'div',
      { class: 'cfg-grid' },
      common.map((b) => b.node),
    ),
  ]);

  const fallbackBox = h('input', {
    type: 'checkbox',
    id: 'sdi-cfg-snippet-fallback',
    checked: DEFAULT_SNIPPET.fallback,
    'aria-describedby': 'sdi-cfg-snippet-fallback-hint',
  });
  const stylesheetBox = h('input', {
    type: 'checkbox',
    id: 'sdi-cfg-snippet-stylesheet',
    checked: DEFAULT_SNIPPET.stylesheet,
    'aria-describedby': 'sdi-cfg-snippet-stylesheet-hint',
  });
  const loaderSelect = h('select', { id: 'sdi-cfg-snippet-loader', 'aria-describedby': 'sdi-cfg-snippet-loader-hint' });
  loaderSelect.append(
    new Option('Module (par défaut)', 'module', false, DEFAULT_SNIPPET.loader === 'module'),
    new Option('Script classique', 'classic', false, DEFAULT_SNIPPET.loader === 'classic'),
  );
  const snippetFieldset = h('fieldset', { class: 'cfg-options' }, [
    h('legend', {}, ['4. Code à coller']),
    h('div', { class: 'cfg-grid' }, [
      h('div', { class: 'cfg-field cfg-field-check' }, [
        h('div', { class: 'cfg-check' }, [
          fallbackBox,
          h('label', { for: fallbackBox.id }, ['Lien pour les visiteurs sans JavaScript']),
        ]),
        h('p', { class: 'cfg-hint', id: 'sdi-cfg-snippet-fallback-hint' }, [
          'Un lien dans le widget, vers votre lien s’il en a un, sinon vers le site national de la Semaine de l’industrie : ' +
            'les visiteurs le voient si le script ne se charge pas (JavaScript désactivé, script retiré par le CMS).',
        ]),
      ]),
      h('div', { class: 'cfg-field' }, [
        h('label', { for: loaderSelect.id }, ['Chargement du script']),
        loaderSelect,
        h('p', { class: 'cfg-hint', id: 'sdi-cfg-snippet-loader-hint' }, [
          'Script classique : pour un CMS qui garde la balise <script> mais retire type="module".',
        ]),
      ]),
      h('div', { class: 'cfg-field cfg-field-check' }, [
        h('div', { class: 'cfg-check' }, [
          stylesheetBox,
          h('label', { for: stylesheetBox.id }, ['Feuille de style facultative']),
        ]),
        h('p', { class: 'cfg-hint', id: 'sdi-cfg-snippet-stylesheet-hint' }, [
          'Réserve la place des widgets dès l’affichage de la page, pour que rien ne bouge quand ils arrivent (une requête de plus).',
        ]),
      ]),
    ]),
  ]);

  const form = h('form', { class: 'cfg-form', 'aria-label': 'Réglages du widget' }, [
    widgetFieldset,
    ...optionFieldsets.values(),
    commonFieldset,
    snippetFieldset,
  ]);
  // Enter in a text field would submit the form and reload the page.
  form.addEventListener('submit', (event) => event.preventDefault());

  const snippet = h('textarea', {
    id: 'sdi-cfg-snippet',
    class: 'cfg-snippet',
    readonly: true,
    spellcheck: 'false',
    rows: '4',
    'aria-describedby': 'sdi-cfg-snippet-hint sdi-cfg-address-notice',
  });
  const addressNoticeNode = h(
    'p',
    { class: addressKind === 'public' ? 'cfg-hint' : 'cfg-warning', id: 'sdi-cfg-address-notice' },
    [addressNotice(scriptUrl, addressKind)],
  );
  const previewNotice = h('p', { class: 'cfg-warning', id: 'sdi-cfg-preview-notice', hidden: true }, []);
  const copyButton = h('button', { type: 'button', class: 'cfg-copy' }, ['Copier le code']);
  const status = h('p', { class: 'cfg-status', role: 'status', 'aria-live': 'polite' }, []);
  const preview = h('div', { class: 'cfg-preview', id: 'sdi-cfg-preview' }, []);

  const output = h('div', { class: 'cfg-output' }, [
    h('section', { class: 'cfg-code', 'aria-labelledby': 'sdi-cfg-code-title' }, [
      h('h2', { id: 'sdi-cfg-code-title' }, ['Code à copier']),
      h('label', { for: snippet.id }, ['Code HTML du widget']),
      h('p', { class: 'cfg-hint', id: 'sdi-cfg-snippet-hint' }, [
        'À coller dans votre page, dans un bloc « HTML ». Le script ne se charge qu’une fois, même avec plusieurs widgets.',
      ]),
      addressNoticeNode,
      snippet,
      h('div', { class: 'cfg-actions' }, [copyButton, status]),
    ]),
    h('section', { class: 'cfg-preview-section', 'aria-labelledby': 'sdi-cfg-preview-title' }, [
      h('h2', { id: 'sdi-cfg-preview-title' }, ['Aperçu']),
      previewNotice,
      preview,
    ]),
  ]);

  root.replaceChildren(h('div', { class: 'cfg' }, [form, output]));

  function read(): WidgetOptions {
    const options: Record<string, OptionValue> = {};
    for (const control of [...(controls.get(widget) ?? []), ...(controls.get('common') ?? [])]) {
      options[control.spec.name] = control.read();
    }
    return options;
  }

  /** Disabled dependants and refused values, so the form says why the snippet lacks something. */
  function reflectValidity(options: WidgetOptions): void {
    for (const control of [...(controls.get(widget) ?? []), ...(controls.get('common') ?? [])]) {
      control.setDisabled(isInert(widget, control.spec, options));
      const { spec, error } = control;
      if (spec.kind !== 'text' || !spec.check || !error) continue;
      const text = textOf(options[spec.name]);
      const refused = text !== '' && !spec.check(text);
      if (refused) control.element.setAttribute('aria-invalid', 'true');
      else control.element.removeAttribute('aria-invalid');
      error.textContent = refused ? (spec.error ?? 'Valeur refusée.') : '';
    }
  }

  let shownKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let snapshotDays: SnapshotDays | undefined;

  function settings(): SnippetSettings {
    return {
      scriptUrl,
      loader: loaderSelect.value === 'classic' ? 'classic' : 'module',
      fallback: fallbackBox.checked,
      stylesheet: stylesheetBox.checked,
    };
  }

  function renderPreview(): void {
    clearTimeout(timer);
    timer = undefined;
    const options = read();
    // A list of events that are all over shows no card: the preview (never the code) then
    // includes past events, and says so, so the options still show what they do.
    const pastOnly = widget === 'list' && previewIncludesPast(snapshotDays, now());
    previewNotice.hidden = !pastOnly;
    previewNotice.textContent =
      pastOnly && snapshotDays
        ? `Aperçu : l’édition est passée (dernier événement le ${frenchDay(snapshotDays.lastDay)}). ` +
          'L’aperçu montre ses événements, marqués « Passé », pour que vous voyiez le rendu de vos réglages ; sur ' +
          'votre site, la liste indiquera que l’édition s’est tenue et proposera de voir ses événements.'
        : '';
    const key = JSON.stringify([widget, attributesFor(widget, options), pastOnly]);
    // A new element only when the attributes changed: each one reloads its data and resets.
    if (key === shownKey) return;
    shownKey = key;
    const element = createWidgetElement(widget, options);
    if (pastOnly) element.setAttribute('past', '');
    preview.replaceChildren(element);
  }

  function renderSnippet(): void {
    const options = read();
    reflectValidity(options);
    const text = snippetFor(widget, options, settings());
    if (snippet.value !== text) {
      snippet.value = text;
      snippet.rows = Math.max(3, text.split('\n').length);
      // «Code copié» would now describe an older snippet.
      status.textContent = '';
    }
  }

  function onChange(event: Event, immediate: boolean): void {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name === 'sdi-cfg-widget') {
      widget = target.value as WidgetKey;
      for (const [key, fieldset] of optionFieldsets) fieldset.hidden = key !== widget;
    }
    if (target instanceof HTMLSelectElement && target.id === controlId(widget, 'region')) {
      const department = (controls.get(widget) ?? []).find((c) => c.spec.kind === 'department');
      if (department?.element instanceof HTMLSelectElement) {
        const select = department.element;
        const kept = select.value;
        select.replaceChildren(...departmentChoices(target.value));
        // Keep the department when it lies in the new region; otherwise back to "all".
        select.value = [...select.options].some((o) => o.value === kept) ? kept : '';
      }
    }
    renderSnippet();
    if (immediate) renderPreview();
    else {
      clearTimeout(timer);
      timer = setTimeout(renderPreview, PREVIEW_DELAY_MS);
    }
  }

  const onInput = (event: Event) => onChange(event, false);
  const onCommit = (event: Event) => onChange(event, true);
  form.addEventListener('input', onInput);
  form.addEventListener('change', onCommit);

  async function copy(): Promise<void> {
    const text = snippet.value;
    let copied = false;
    // Absent outside secure contexts, whatever the type says.
    const clipboard: Clipboard | undefined = navigator.clipboard;
    if (clipboard && typeof clipboard.writeText === 'function') {
      try {
        await clipboard.writeText(text);
        copied = true;
      } catch {
        // Refused (permissions, a browser without focus): the selection fallback may still work.
      }
    }
    if (!copied) {
      snippet.focus();
      snippet.select();
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
      if (copied) copyButton.focus();
    }
    // Emptied first so a second copy of the same code is announced again.
    status.textContent = '';
    await new Promise((resolve) => setTimeout(resolve, 50));
    status.textContent = copied ? 'Code copié' : 'Copie impossible : le code est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).';
  }

  const onCopy = () => void copy();
  copyButton.addEventListener('click', onCopy);

  renderSnippet();
  renderPreview();
  let destroyed = false;
  // A placeholder address resolves nowhere: no request for it.
  const ready =
    addressKind === 'placeholder'
      ? Promise.resolve()
      : readSnapshotDays(new URL('snapshot/index.json', scriptUrl).href).then((days) => {
          snapshotDays = days;
          if (!destroyed) renderPreview();
        });

  return {
    form,
    snippet,
    preview,
    status,
    copyButton,
    current: () => ({ widget, options: read() }),
    flush: renderPreview,
    copy,
    ready,
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      form.removeEventListener('input', onInput);
      form.removeEventListener('change', onCommit);
      copyButton.removeEventListener('click', onCopy);
      root.replaceChildren();
    },
  };
}
