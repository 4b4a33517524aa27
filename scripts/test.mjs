// `npm test`: the Node suites, then the browser suites in Chromium, Firefox and WebKit, and one
// closing line "N passed, N failed" for all of them (CI reads it). WebKit's MiniBrowser has no
// headless mode, so the browser run goes under xvfb-run when it is there. The programs the suites
// drive are checked (and installed when it can) first, by scripts/provision.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureOrExit } from './provision.mjs';

const args = process.argv.slice(2);
const only = args.find((a) => a === '--node' || a === '--browser');

// Before any suite runs or dist/ is built: a machine that lacks a browser and cannot install it
// stops here with one line naming the command, not with one stack trace per test file.
await ensureOrExit(only === '--node' ? [] : ['browsers']);

function listTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listTests(path));
    else if (entry.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

if (only !== '--browser') {
  const files = listTests('test/node');
  if (files.length) {
    // A fresh clone has no .cache/; a report left by an earlier run must not be read as this one's.
    mkdirSync('.cache', { recursive: true });
    rmSync('.cache/node-tests.tap', { force: true });
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        '--test-reporter-destination=.cache/node-tests.tap',
        ...files,
      ],
      { stdio: 'inherit', env: { ...process.env } },
    );
    const tap = existsSync('.cache/node-tests.tap') ? readFileSync('.cache/node-tests.tap', 'utf8') : '';
    const pick = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)`, 'm')) ?? [])[1] ?? 0);
    const node = { passed: pick('pass'), failed: pick('fail') + pick('cancelled'), skipped: pick('skipped') + pick('todo') };
    if (result.status !== 0 && node.failed === 0) node.failed = 1;
    totals.passed += node.passed;
    totals.failed += node.failed;
    totals.skipped += node.skipped;
    lines.push(`node: ${node.passed} passed, ${node.failed} failed, ${node.skipped} skipped`);
  }
}

if (only !== '--node') {
  // The browser suite also tests the built bundle as partners load it; build it when missing.
  if (!existsSync('dist/sdi-widgets.js')) {
    console.log('dist/ is missing: npm run build');
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) {
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
  const summary = join(mkdtempSync(join(tmpdir(), 'sdi-wtr-')), 'summary.json');
  const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
  const wtr = ['npx', 'web-test-runner', ...args.filter((a) => !a.startsWith('--node') && a !== '--browser')];
  const command = hasXvfb && !process.env.DISPLAY ? ['xvfb-run', '-a', ...wtr] : wtr;
  const result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, SDI_SUMMARY_FILE: summary },
  });
  if (existsSync(summary)) {
    const byBrowser = JSON.parse(readFileSync(summary, 'utf8'));
    for (const [browser, t] of Object.entries(byBrowser)) {
      totals.passed += t.passed;
      totals.failed += t.failed + t.errors;
      totals.skipped += t.skipped;
      lines.push(`${browser}: ${t.passed} passed, ${t.failed + t.errors} failed, ${t.skipped} skipped`);
    }
    if (result.status !== 0 && Object.values(byBrowser).every((t) => t.failed + t.errors === 0)) {
      totals.failed += 1;
      lines.push('browser run: the test runner exited with an error');
    }
  } else {
    totals.failed += 1;
    lines.push('browser run: the test runner did not finish');
  }
}

console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
