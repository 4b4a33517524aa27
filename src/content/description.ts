/**
 * An event's long description as safe HTML for the detail view. OpenAgenda gives markdown (often
 * with some inline HTML, sometimes whole HTML from older imports), written by thousands of
 * organisers: it is converted to HTML here, then everything goes through DOMPurify with a strict
 * allowlist before it reaches a partner's page.
 *
 * DOMPurify is loaded with a dynamic import, only when a visitor opens a detail, so the script-tag
 * bundle of a page that only shows cards never carries it.
 */
import type { Config, DOMPurify } from 'dompurify';
import { safeHttpUrl } from '../model/url.js';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'a',
  'ul',
  'ol',
  'li',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'span',
  'img',
  'hr',
  'code',
];
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'width', 'height', 'lang'];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // Defence in depth: the hooks below already drop any other scheme.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  // The content of these never makes sense as text on a partner page.
  FORBID_CONTENTS: [
    'script',
    'style',
    'template',
    'iframe',
    'noscript',
    'object',
    'embed',
    'svg',
    'math',
    'form',
    'select',
    'textarea',
  ],
};

/** mailto: and tel: links as organisers write them; anything else is refused. */
// The local part excludes "@", so a failed match is not retried at every "@" (quadratic).
const MAILTO = /^mailto:[^\s<>"'\\@]+@[^\s<>"'\\]+$/i;
const TEL = /^tel:\+?[\d\s().-]{3,32}$/i;

export function safeLinkHref(value: string): string | undefined {
  const trimmed = value.trim();
  if (MAILTO.test(trimmed) || TEL.test(trimmed)) return trimmed;
  return safeHttpUrl(trimmed);
}

type PolicyModule = typeof import('../security/trusted-types.js');

interface Purifier {
  purify: DOMPurify;
  policies: PolicyModule;
}

let purifier: Promise<Purifier> | undefined;

/**
 * A DOMPurify instance of our own (not the module's shared default), so our hooks never change how
 * the host page's own copy of DOMPurify behaves, and theirs never weaken ours.
 */
function loadPurifier(): Promise<Purifier> {
  // The Trusted Types module is a chunk of its own (the JSON-LD shares it): fetched beside
  // DOMPurify, not after the detail's chunk that imports it, so opening a detail waits no longer.
  purifier ??= Promise.all([import('dompurify'), import('../security/trusted-types.js')]).then(
    ([{ default: shared }, policies]) => {
      const purify = shared(window);
      purify.addHook('uponSanitizeAttribute', (node, data) => {
        if (data.attrName === 'href') {
          const href = safeLinkHref(data.attrValue);
          if (href) data.attrValue = href;
          else data.keepAttr = false;
        } else if (data.attrName === 'src') {
          // Only web images: javascript: and data: sources are how markup smuggles script or tracking.
          const src = node.nodeName === 'IMG' ? safeHttpUrl(data.attrValue) : undefined;
          if (src) data.attrValue = src;
          else data.keepAttr = false;
        }
      });
      purify.addHook('afterSanitizeAttributes', (node) => {
        if (node.nodeName === 'A') {
          if (node.hasAttribute('href')) {
            // The partner's page must not be reachable (window.opener) or named (Referer) by the target.
            node.setAttribute('target', '_blank');
            node.setAttribute('rel', 'noopener noreferrer');
          }
        } else if (node.nodeName === 'IMG') {
          if (!node.getAttribute('src')) {
            node.remove();
            return;
          }
          node.setAttribute('loading', 'lazy');
          node.setAttribute('decoding', 'async');
          if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
        }
      });
      return { purify, policies };
    },
  );
  // A failed chunk load (offline, CDN hiccup) must be retried on the next opening.
  purifier.catch(() => {
    purifier = undefined;
  });
  return purifier;
}

/** Start loading the sanitiser ahead of need, e.g. when a visitor hovers a card. Never rejects. */
export function preloadSanitizer(): void {
  loadPurifier().catch(() => undefined);
}

/** Sanitised HTML from any HTML, its headings demoted below the detail's title. */
export function sanitizeHtml(html: string): Promise<string> {
  return sanitizeMarkup(demoteHeadings(html));
}

async function sanitizeMarkup(html: string): Promise<string> {
  const { purify, policies } = await loadPurifier();
  // The library's one policy (src/security/trusted-types.ts) lets DOMPurify parse the text into the
  // inert document it then cleans.
  const trusted = policies.sanitizerPolicy();
  // A string out, always: lit's unsafeHTML takes nothing else (and its own policy, `lit-html`, lets it in).
  // DOMPurify types the option with `trusted-types/lib`'s policy; ours is the same object, typed locally.
  const config: Config = trusted
    ? { ...CONFIG, TRUSTED_TYPES_POLICY: trusted as NonNullable<Config['TRUSTED_TYPES_POLICY']> }
    : CONFIG;
  return purify.sanitize(html, config);
}

/** The description, markdown or HTML, as sanitised HTML ('' when empty). */
export async function descriptionToHtml(text: string | undefined): Promise<string> {
  if (!text?.trim()) return '';
  // Markdown headings are made at their level below the dialog's title already (h4, h5):
  // demoting them again would turn every one into an h6.
  return looksLikeHtml(text) ? sanitizeHtml(text) : sanitizeMarkup(markdownToHtml(text));
}

// Whole-HTML descriptions are recognised by block elements; inline tags alone (a <strong> in a
// markdown text) keep the markdown path, which passes them through to the sanitiser.
// `[^<>]*` rather than `[^>]*`: each attempt stops at the next "<", so "<p<p<p…" stays linear.
const BLOCK_HTML = /<(?:p|br|div|ul|ol|li|h[1-6]|table|blockquote)\b[^<>]*>/i;

export function looksLikeHtml(text: string): boolean {
  return BLOCK_HTML.test(text);
}

/**
 * The detail's title is the dialog's heading; description headings must sit below it, whatever
 * level the organiser used. Done on the string before sanitising, so it cannot weaken it.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])\b/gi, (_match, slash: string, level: string) => {
    const n = Number(level);
    return `<${slash}h${n <= 1 ? 4 : n === 2 ? 5 : 6}`;
  });
}

/* ------------------------------------------------------------------------------------------ */
/* A small markdown subset: what organisers actually use in OpenAgenda's editor.                */

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '»', '"', "'"]);

/**
 * Trailing punctuation is the sentence's, not the URL's: "voir https://x.fr.". Scanned from the
 * end by hand: a pattern anchored only at the end is retried from every dot of "https://a.....x".
 */
function splitTrailing(url: string): [string, string] {
  let end = url.length;
  while (end > 0 && TRAILING.has(url[end - 1] as string)) end--;
  return [url.slice(0, end), url.slice(end)];
}

function emphasis(text: string): string {
  return text
    .replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)([^_\n]*?\S)__(?!\w)/g, '$1<strong>$2</strong>')
    .replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?!\*)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/g, '$1<em>$2</em>');
}

const MAY_HAVE_MARKUP = /[<[*_:\ue000\ue001]/;
const PLACEHOLDER = /\ue000(\d+)\ue001/g;
// Labels exclude "[" as well as "]": each attempt then stops at the next "[", where the next one
// starts, so "[[[[…" or "![![…" is scanned once instead of once per bracket.
const IMAGE = /!\[([^[\]\n]*)\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"\n]*")?\s*\)/g;
const LINK = /\[([^[\]\n]+)\]\(\s*<?([^()\s<>]+(?:\([^()\s]*\))?)>?(?:\s+"[^"\n]*")?\s*\)/g;

/** Inline markdown of one block: links, bare URLs, bold, italic. Raw inline HTML is left to the sanitiser. */
function inline(text: string): string {
  // Most lines hold no markup at all: a description of many short lines must not pay every pass.
  if (!MAY_HAVE_MARKUP.test(text)) return text;
  const kept: string[] = [];
  // Placeholders use a private-use character the cleaned feed text cannot contain.
  const keep = (html: string) => `\ue000${kept.push(html) - 1}\ue001`;
  // What was kept inside a link's label (an inline tag) goes back in, or the visitor would see
  // the placeholder characters and their number.
  const restore = (html: string) => html.replace(PLACEHOLDER, (_match, index: string) => kept[Number(index)] ?? '');
  let out = text.replace(/[\ue000\ue001]/g, '');
  const hasAnchors = /<a\b/i.test(out);
  out = out.replace(/<\/?[a-z][^<>]*>/gi, (tag) => keep(tag));
  out = out.replace(IMAGE, (_match, alt: string, url: string) =>
    // An alt text is plain text: tags kept inside it are dropped, not restored.
    keep(`<img src="${escapeAttribute(url)}" alt="${escapeAttribute(alt.replace(PLACEHOLDER, ''))}">`),
  );
  out = out.replace(LINK, (_match, label: string, url: string) =>
    keep(`<a href="${escapeAttribute(url)}">${restore(emphasis(label))}</a>`),
  );
  out = out.replace(/<(https?:\/\/[^\s<>]+|mailto:[^\s<>]+)>/g, (_match, url: string) =>
    keep(`<a href="${escapeAttribute(url)}">${url}</a>`),
  );
  if (!hasAnchors) {
    out = out.replace(/\bhttps?:\/\/[^\s<>"\ue000\ue001]+/g, (found) => {
      const [url, rest] = splitTrailing(found);
      return keep(`<a href="${escapeAttribute(url)}">${url}</a>`) + rest;
    });
  }
  out = emphasis(out);
  return restore(out);
}

// Only the opening marks are matched; the closing ones are trimmed by `headingText`. A single
// pattern with a lazy text between optional spaces and "#"s backtracks cubically on "# a      b".
const HEADING = /^(#{1,6})\s+/;
const BULLET = /^\s{0,3}[-*+•]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;

/** A heading's text without its optional closing "#"s ("## Titre ##"); "C#" keeps its "#". */
function headingText(rest: string): string {
  const text = rest.trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === text.length) return text;
  if (end === 0) return '';
  return /\s/.test(text[end - 1] as string) ? text.slice(0, end).trimEnd() : text;
}

/**
 * Markdown subset to HTML: paragraphs, line breaks, headings (# → h4, ## and more → h5), bullet
 * and numbered lists, rules, **bold**, *italic*, [links](url), ![images](url) and bare URLs. The output is NOT
 * safe by itself: it always goes through `sanitizeHtml`.
 */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${list.tag}>`);
    list = undefined;
  };

  for (const line of lines) {
    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const tag = (heading[1] as string).length === 1 ? 'h4' : 'h5';
      blocks.push(`<${tag}>${inline(headingText(line.slice(heading[0].length)))}</${tag}>`);
      continue;
    }
    if (RULE.test(line)) {
      flushParagraph();
      flushList();
      blocks.push('<hr>');
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flushParagraph();
      const tag = bullet ? 'ul' : 'ol';
      if (list && list.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push(item[1] ?? '');
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      // An indented line continues the previous item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks.join('\n');
}
