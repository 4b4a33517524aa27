/** What the bench's static servers send: one table, so every contender is served alike. */
export const GZIP_LEVEL = 6;

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Text types, gzipped as a CDN would. */
export const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.svg']);
