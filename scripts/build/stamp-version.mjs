// Writes package.json's version into src/version.ts at build time, for both builds.
import { readFileSync } from 'node:fs';

export function stampVersion() {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return {
    name: 'stamp-version',
    transform(code, id) {
      if (id.endsWith('/src/version.ts')) {
        return code.replace(/VERSION = '[^']*'/, `VERSION = ${JSON.stringify(pkg.version)}`);
      }
      return null;
    },
  };
}
