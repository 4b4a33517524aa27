// Moved to scripts/size/floor.mjs; runs it from here until package.json names the new path.
import { fileURLToPath } from 'node:url';
process.argv[1] = fileURLToPath(new URL('./size/floor.mjs', import.meta.url));
await import('./size/floor.mjs');
