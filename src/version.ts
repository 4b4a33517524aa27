// Replaced at build time by rollup from package.json; the source value serves tests and dev.
export const VERSION = '0.1.0';
