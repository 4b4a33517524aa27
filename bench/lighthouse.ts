/**
 * Lighthouse part of `npm run bench`: the demo page exactly as `npm start` serves it (the script
 * is spawned on a free port: same build, same 8,000-event sample, same server), audited by
 * Lighthouse's Node API in Debian's headless Chromium, mobile (Lighthouse's default: emulated
 * phone, simulated slow 4G and 4× CPU slowdown) then desktop. The machine has no network: the page
 * asks for nothing outside localhost, and Lighthouse only reads the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { launch } from './browser.js';

type Row = (label: string, value: string) => void;

const root = resolve(new URL('..', import.meta.url).pathname);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

/** `npm start` on `port`; resolves once it says it serves (it builds the bundle and the snapshot first). */
async function startDemo(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start did not serve within 3 minutes:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Demo on the sample edition')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited (${code}):\n${output}`));
    });
  });
  return child;
}

function stopDemo(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}

const seconds = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(2)} s`);

export async function lighthouseBench(row: Row): Promise<void> {
  const port = await freePort();
  const demo = await startDemo(port);
  const browser = await launch();
  try {
    // Lighthouse drives the Chromium puppeteer launched (our flags: no sandbox, no background
    // networking) through its debugging port.
    const debugPort = Number(new URL(browser.wsEndpoint()).port);
    const url = `http://localhost:${port}/demo/`;
    const presets: [string, Config | undefined][] = [
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ];
    for (const [preset, config] of presets) {
      const flags: Flags = {
        port: debugPort,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        // The full-page screenshot is a second capture of a long page; nothing here reads it.
        disableFullPageScreenshot: true,
      };
      // On this shared 2-core machine a protocol call can time out under load: one more try.
      let lhr: Result | undefined;
      for (let attempt = 1; attempt <= 2 && !lhr; attempt++) {
        const result = await lighthouse(url, flags, config);
        if (!result) throw new Error(`lighthouse gave no result (${preset})`);
        if (!result.lhr.runtimeError) lhr = result.lhr;
        else if (attempt === 2)
          throw new Error(`lighthouse (${preset}): ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        else console.log(`(lighthouse ${preset}: ${result.lhr.runtimeError.code}, trying again)`);
      }
      if (!lhr) continue;
      const score = (id: string) => {
        const value = lhr.categories[id]?.score;
        return value === null || value === undefined ? '?' : String(Math.round(value * 100));
      };
      const metric = (id: string) => lhr.audits[id]?.numericValue;
      row(
        `demo page, ${preset}: performance / accessibility / best practices`,
        `${score('performance')} / ${score('accessibility')} / ${score('best-practices')}`,
      );
      row(
        `demo page, ${preset}: CLS / LCP / TBT / FCP`,
        `${metric('cumulative-layout-shift')?.toFixed(3) ?? '?'} / ${seconds(metric('largest-contentful-paint'))} / ` +
          `${Math.round(metric('total-blocking-time') ?? NaN)} ms / ${seconds(metric('first-contentful-paint'))}`,
      );
      // What cost points, so the table says why and not only how much.
      const failing = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'notApplicable' &&
            a.scoreDisplayMode !== 'manual',
        )
        .map((a) => `${a.id} (${a.score === null ? '?' : Math.round(a.score * 100)})`);
      if (lhr.runWarnings.length > 0) row(`demo page, ${preset}: Lighthouse warnings`, lhr.runWarnings.join(' | '));
      row(`demo page, ${preset}: audits under 90`, failing.length === 0 ? 'none' : failing.join(', '));
      // Which elements moved: what CLS counts, biggest first.
      const shifts = (
        (lhr.audits['layout-shifts']?.details as { items?: { node?: { selector?: string }; score?: number }[] } | undefined)
          ?.items ?? []
      )
        .slice(0, 4)
        .map((item) => `${item.node?.selector ?? '?'} ${item.score?.toFixed(3) ?? '?'}`);
      if (shifts.length > 0) row(`demo page, ${preset}: largest layout shifts`, shifts.join(', '));
      const consoleErrors =
        (lhr.audits['errors-in-console']?.details as { items?: { description?: string; url?: string }[] } | undefined)?.items ??
        [];
      if (consoleErrors.length > 0) {
        row(
          `demo page, ${preset}: console errors`,
          consoleErrors.map((e) => `${e.description ?? ''} (${e.url ?? ''})`).join(' | '),
        );
      }
    }
  } finally {
    await browser.close();
    await stopDemo(demo);
  }
}
