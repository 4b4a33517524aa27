// The bench moved to bench/run.ts; this line keeps `npm run bench` working until package.json points there.
import '../bench/run.js';
