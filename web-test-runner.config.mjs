// Browser tests in the three engines partners' visitors use, all from Debian's packages (no test
// tool can download a browser here): Chromium, Firefox ESR (WebDriver BiDi through puppeteer-core)
// and WebKitGTK's MiniBrowser (WebKitWebDriver, under Xvfb: it has no headless mode).
// SDI_BROWSERS=chromium,firefox,webkit picks a subset (default: all three).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { testMiddleware } from './test/support/server-middleware.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { cdpPlugin } from './test/support/cdp-plugin.mjs';
import { defaultReporter } from '@web/test-runner';

const wanted = (process.env.SDI_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim());

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function webkitLauncher() {
  const port = await freePort();
  const driver = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  process.on('exit', () => driver.kill());
  // WebKitWebDriver needs a moment before it accepts sessions.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  });
}

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: '/usr/bin/firefox-esr',
        headless: true,
        args: ['-headless'],
      },
    }),
  );
}
if (wanted.includes('webkit')) browsers.push(await webkitLauncher());

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production', 'default'] },
  browsers,
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  browserStartTimeout: 120000,
  middleware: [testMiddleware()],
  reporters: [defaultReporter(), ...(process.env.SDI_SUMMARY_FILE ? [summaryReporter(process.env.SDI_SUMMARY_FILE)] : [])],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), cdpPlugin()],
};
