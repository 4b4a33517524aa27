// Moved to scripts/size/check.mjs; runs it from here until package.json names the new path.
import { fileURLToPath } from 'node:url';
process.argv[1] = fileURLToPath(new URL('./size/check.mjs', import.meta.url));
await import('./size/check.mjs');
