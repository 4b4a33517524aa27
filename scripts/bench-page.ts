// The page bench moved to bench/page.ts; scripts/bench-navigation.ts still imports it from here.
export * from '../bench/page.js';
