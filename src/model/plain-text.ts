/**
 * Plain text out of OpenAgenda's markup (markdown with some HTML): entity decoding and the link
 * and image patterns, shared by display, search and exports.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi;

/** Decodes the few named entities markdown editors emit (&amp;, &nbsp;…) and numeric ones. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, decodeEntity);
}

// A link's label stops at the next bracket and its target at the next bracket or parenthesis (one
// level of parentheses inside, as in Wikipedia addresses), so no attempt runs into the next one.
const LINK_TARGET = String.raw`\((?:[^()[\]\n]|\([^()[\]\n]*\))*\)`;
/** `![alt](target)`, the alt text as $1. */
export const MARKDOWN_IMAGE = new RegExp(String.raw`!\[([^[\]\n]*)\]` + LINK_TARGET, 'g');
/** `[label](target)`, the label as $1. */
export const MARKDOWN_LINK = new RegExp(String.raw`\[([^[\]\n]*)\]` + LINK_TARGET, 'g');

/**
 * Readable text from OpenAgenda's long descriptions, which are markdown with some HTML: links and
 * images keep their words, markup characters go. Paragraph breaks survive as single newlines.
 * Every pattern is linear, since descriptions are untrusted input: no nested quantifiers, and a
 * repeated class never runs past the character that starts the next attempt (`[^<>]*` after "<"),
 * or "<<<<…" would be scanned to its end from every "<" (test/node/pattern-complexity.test.ts).
 */
export function plainText(markup: string): string {
  return markup
    .replace(/\r\n?/g, '\n')
    .replace(/<(?:br|\/p|\/div|\/li|\/h[1-6])\b[^<>]*>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(MARKDOWN_IMAGE, '$1')
    .replace(MARKDOWN_LINK, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}|>+|[-*+]|\d{1,3}[.)])[ \t]+/gm, '')
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|[\s(])[*_]([^\s*_])/g, '$1$2')
    .replace(/([^\s*_])[*_](?=[\s).,;:!?]|$)/gm, '$1')
    .replace(ENTITY, decodeEntity)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
}
