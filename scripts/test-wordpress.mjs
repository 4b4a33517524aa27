/**
 * The WordPress plugin in a real WordPress (Debian's 6.1, PHP 8.2, MariaDB 10.11): an
 * administrator configures it through wp-admin, an Author (no unfiltered_html) places widgets
 * with the block editor and with shortcodes, and the public pages show live widgets. Hostile
 * attributes and forged settings posts are checked too. Prints `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { buildZip } from './wordpress-zip.mjs';
import {
  ensurePackages,
  freePort,
  installWordPress,
  startMariaDb,
  startMockApi,
  startPhpServer,
  startSnapshotServer,
  useRepositoryFolder,
} from '../test/wordpress/stack.mjs';
import {
  canvas,
  chooseInSidebar,
  insertBlock,
  openNewPost,
  publish,
  showBlockSidebar,
  sidebarLabels,
  typeTitle,
} from '../test/wordpress/editor.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const started = performance.now();
const EVENTS = 600;
const users = {
  admin: { login: 'admin', password: 'admin-pass-123' },
  author: { login: 'autrice', password: 'author-pass-123' },
  english: { login: 'admin-en', password: 'admin-en-pass-123' },
};
const LIST_TITLE = "Liste des événements – Semaine de l'industrie";
const MAP_TITLE = "Carte des régions – Semaine de l'industrie";
const children = [];
const servers = [];
let browser;
const dir = mkdtempSync(join(tmpdir(), 'sdi-wp-test-'));
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? ` — ${detail}` : ''}`);
}

function step(label) {
  console.log(`# ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

async function cleanup() {
  await browser?.close().catch(() => {});
  for (const server of servers) server.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}

/** A page that records console errors and failed requests. */
async function openPage(context = browser.defaultBrowserContext()) {
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('requestfailed', (r) => page.errors.push(`request failed: ${r.url()}`));
  page.on('dialog', (d) => {
    page.errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}

async function login(site, who) {
  // One browser context per person: WordPress's cookies have the same names for every user.
  const page = await openPage(await browser.createBrowserContext());
  // Wide enough for the desktop editor: the block sidebar beside the canvas.
  await page.setViewport({ width: 1440, height: 1000 });
  await page.goto(`${site}/wp-login.php`, { waitUntil: 'domcontentloaded' });
  await page.type('#user_login', who.login);
  await page.type('#user_pass', who.password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('#wp-submit')]);
  return page;
}

/** Counts the cards of every list and the region buttons of every map, once they render. */
async function widgetState(page, frame = page.mainFrame()) {
  // The map loads its data once on screen.
  await frame.evaluate(() => document.querySelector('sdi-region-map')?.scrollIntoView());
  await frame
    .waitForFunction(
      () => {
        const lists = [...document.querySelectorAll('sdi-event-list')];
        const maps = [...document.querySelectorAll('sdi-region-map')];
        return (
          lists.every((l) => l.shadowRoot?.querySelector('[part~="card"]')) &&
          maps.every((m) => m.shadowRoot?.querySelector('[part~="region-button"], [part~="map"] path'))
        );
      },
      { timeout: 20000 },
    )
    .catch(() => {});
  return frame.evaluate(() => ({
    lists: [...document.querySelectorAll('sdi-event-list')].map(
      (l) => l.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0,
    ),
    maps: [...document.querySelectorAll('sdi-region-map')].map(
      (m) => m.shadowRoot?.querySelectorAll('[part~="region-button"], [part~="map"] path').length ?? 0,
    ),
    moduleTags: [...document.querySelectorAll('script[type="module"]')].filter((s) =>
      s.src.includes('semaine-industrie/assets/sdi-widgets.js'),
    ).length,
    classicTags: [...document.querySelectorAll('script[src*="semaine-industrie/assets/sdi-widgets.classic.js"]')].map((s) =>
      s.getAttribute('type'),
    ),
    pluginScripts: [...document.querySelectorAll('script[src*="/plugins/semaine-industrie/"]')].length,
    meta: document.querySelector('head meta[name="sdi:src"]')?.getAttribute('content') ?? null,
    stylesheet: !!document.querySelector('head link[href*="semaine-industrie/assets/sdi-widgets.css"]'),
    notices: document.querySelectorAll('.sdi-editor-notice').length,
    defined: !!customElements.get('sdi-event-list'),
    listText: document.querySelector('sdi-event-list')?.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 200) ?? null,
  }));
}

try {
  step('packages');
  await ensurePackages(root);
  step('plugin zip');
  const zip = buildZip();
  step('snapshot and mock OpenAgenda API');
  const mockApi = startMockApi(root, EVENTS, children);
  const snapshotPort = await freePort();
  const snapshotUrl = `http://127.0.0.1:${snapshotPort}/snapshot/`;
  // SDI_WP_BUILDER_ROOT: another checkout whose snapshot builder to use (while this one's is mid-edit).
  const builderRoot = process.env.SDI_WP_BUILDER_ROOT ?? root;
  const snap = spawnSync(
    'node',
    [
      '--import',
      'tsx',
      join(builderRoot, 'test/wordpress/build-snapshot.ts'),
      join(dir, 'snapshot'),
      String(EVENTS),
      `http://127.0.0.1:${snapshotPort}/sample-images/`,
    ],
    { cwd: builderRoot, stdio: 'inherit' },
  );
  if (snap.status !== 0) throw new Error('snapshot build failed');
  servers.push(await startSnapshotServer(join(dir, 'snapshot'), snapshotPort));
  step('MariaDB');
  const db = await startMariaDb(dir, children);
  step('WordPress');
  const wpPort = await freePort();
  const site = `http://127.0.0.1:${wpPort}`;
  const siteDir = join(dir, 'site');
  installWordPress({ site: siteDir, dbPort: db.port, url: site, zip, users });
  await startPhpServer(siteDir, wpPort, children);
  browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });

  step('administrator: settings and connection test');
  const admin = await login(site, users.admin);
  await admin.goto(`${site}/wp-admin/options-general.php?page=semaine-industrie`, { waitUntil: 'domcontentloaded' });
  await admin.$eval('#sdi-src', (el) => {
    el.value = '';
  });
  await admin.type('#sdi-src', snapshotUrl);
  await admin.select('#sdi-region', '32');
  await Promise.all([
    admin.waitForNavigation({ waitUntil: 'domcontentloaded' }),
    admin.click('#sdi-settings-form [type=submit]'),
  ]);
  check('settings saved by the administrator', (await admin.$eval('#sdi-src', (el) => el.value)) === snapshotUrl);
  await admin.click('#sdi-test-connection');
  await admin
    .waitForFunction(() => /réussie|impossible|code HTTP/i.test(document.querySelector('#sdi-test-result')?.textContent ?? ''), {
      timeout: 15000,
    })
    .catch(() => {});
  const report = await admin.$eval('#sdi-test-result', (el) => el.textContent);
  check(
    '"Tester la connexion" reports the edition and the event count',
    report.includes(`${EVENTS} événements`) && report.includes('15e édition'),
    report,
  );
  await admin.$eval('#sdi-src', (el) => {
    el.value = 'javascript:alert(1)';
  });
  await Promise.all([
    admin.waitForNavigation({ waitUntil: 'domcontentloaded' }),
    admin.click('#sdi-settings-form [type=submit]'),
  ]);
  const afterBad = await admin.evaluate(() => ({
    src: document.querySelector('#sdi-src').value,
    error: document.body.textContent.includes('Adresse refusée'),
  }));
  check(
    'a javascript: snapshot address is refused with a message, the previous one kept',
    afterBad.error && afterBad.src === snapshotUrl,
    JSON.stringify(afterBad),
  );
  const forged = await admin.evaluate(async () => {
    const body = new URLSearchParams({
      option_page: 'sdi_settings_group',
      action: 'update',
      'sdi_settings[src]': 'https://evil.example/',
    });
    const r = await fetch('/wp-admin/options.php', { method: 'POST', body, credentials: 'same-origin' });
    return r.status;
  });
  await admin.reload({ waitUntil: 'domcontentloaded' });
  check(
    'settings posted without a nonce are refused',
    forged >= 400 && (await admin.$eval('#sdi-src', (el) => el.value)) === snapshotUrl,
    `status ${forged}`,
  );

  step('Author: refused settings');
  const author = await login(site, users.author);
  const refused = await author.evaluate(async () => {
    const page = await fetch('/wp-admin/options-general.php?page=semaine-industrie', { credentials: 'same-origin' });
    const body = new URLSearchParams({
      option_page: 'sdi_settings_group',
      action: 'update',
      _wpnonce: 'x',
      'sdi_settings[src]': 'https://evil.example/',
    });
    const post = await fetch('/wp-admin/options.php', { method: 'POST', body, credentials: 'same-origin' });
    const ajax = await fetch('/wp-admin/admin-ajax.php', {
      method: 'POST',
      body: new URLSearchParams({ action: 'sdi_test_connection' }),
      credentials: 'same-origin',
    });
    return [(await page.text()).includes('sdi-settings-form') ? 200 : 403, post.status, ajax.status];
  });
  await admin.reload({ waitUntil: 'domcontentloaded' });
  check(
    'the settings page, a settings post and the connection test are refused to an Author',
    refused.every((s) => s === 403) && (await admin.$eval('#sdi-src', (el) => el.value)) === snapshotUrl,
    JSON.stringify(refused),
  );

  step('Author: blocks through the block editor');
  await openNewPost(author, site);
  await typeTitle(author, 'Blocs de la Semaine');
  await insertBlock(author, 'événements', LIST_TITLE);
  await showBlockSidebar(author);
  const regionChosen = await chooseInSidebar(author, 'Région', '32');
  check(
    'the list block is inserted from the "+" inserter, region 32 chosen in its sidebar',
    regionChosen,
    JSON.stringify(await sidebarLabels(author)),
  );
  const preview = await widgetState(author, canvas(author));
  check('the editor preview shows live cards (ServerSideRender + bundle)', preview.lists[0] > 0, JSON.stringify(preview));
  await insertBlock(author, 'carte', MAP_TITLE);
  const blockPostId = await publish(author);
  check('« Publier », confirmed in the pre-publish panel, publishes the post', blockPostId > 0, author.url());
  // Reading back what was saved (not how it was made): the post holds block comments only.
  const saved = await author.evaluate(() => window.wp.data.select('core/editor').getEditedPostContent());
  check(
    'the saved post holds the two blocks, region 32 on the list, and no script',
    saved.includes('<!-- wp:semaine-industrie/event-list {"region":"32"} /-->') &&
      saved.includes('<!-- wp:semaine-industrie/region-map /-->') &&
      !saved.includes('<script'),
    saved,
  );

  // Visitors have no session: their own browser context, without the Author's cookies.
  const visitor = await openPage(await browser.createBrowserContext());
  await visitor.goto(`${site}/?p=${blockPostId}`, { waitUntil: 'networkidle2' });
  let state = await widgetState(visitor);
  check(
    'public block post: real cards and the map',
    state.lists.length === 1 && state.lists[0] > 0 && state.maps.length === 1 && state.maps[0] > 0,
    JSON.stringify(state),
  );
  check(
    'public block post: one module tag, the sdi:src meta and the stylesheet in the head',
    state.moduleTags === 1 && state.meta === snapshotUrl && state.stylesheet,
    JSON.stringify(state),
  );
  check('public block post: no console error', visitor.errors.length === 0, visitor.errors.join(' | '));
  const fallback = await visitor.$eval('sdi-event-list > a', (a) => a.textContent);
  check(
    'the no-JS link is inside the element, in French',
    fallback.includes("Voir les événements de la Semaine de l'industrie"),
    fallback,
  );

  step('Author: shortcodes through the REST API');
  const created = await author.evaluate(async () => {
    const post = (content, title) =>
      window.wp.apiFetch({ path: '/wp/v2/posts', method: 'POST', data: { title, content, status: 'publish' } });
    const good = await post(
      '<p>Agenda :</p>\n[sdi_event_list region="32" layout="grid" page-size="6"]\n[sdi_region_map region="32" height="400"]',
      'Codes courts',
    );
    const hostile = await post(
      `[sdi_event_list region='32" onmouseover="alert(1)' href="javascript:alert(1)" layout="<b>grid" bogus="x" group='a"b onload="alert(2)']\n` +
        '<!-- wp:semaine-industrie/event-list {"region":"\\u0022\\u003e\\u003cimg src=x onerror=alert(3)\\u003e","layout":"evil","pageSize":"9999","href":"javascript:alert(4)","unknownAttr":"1"} /-->',
      'Hostile',
    );
    return { good: good.id, hostile: hostile.id, hostileRaw: hostile.content.raw };
  });
  await visitor.goto(`${site}/?p=${created.good}`, { waitUntil: 'networkidle2' });
  visitor.errors.length = 0;
  await visitor.reload({ waitUntil: 'networkidle2' });
  state = await widgetState(visitor);
  check('public shortcode post: real cards and the map', state.lists[0] > 0 && state.maps[0] > 0, JSON.stringify(state));
  check('public shortcode post: no console error', visitor.errors.length === 0, visitor.errors.join(' | '));
  const layout = await visitor.$eval('sdi-event-list', (el) => el.getAttribute('layout'));
  check('shortcode attributes reach the element', layout === 'grid', layout);

  step('hostile attributes');
  await visitor.goto(`${site}/?p=${created.hostile}`, { waitUntil: 'networkidle2' });
  const hostileView = await visitor.evaluate(() => ({
    html: document.querySelector('main, body').innerHTML,
    elements: [...document.querySelectorAll('sdi-event-list')].map((e) =>
      Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])),
    ),
    notices: document.querySelectorAll('.sdi-editor-notice').length,
    defined: !!customElements.get('sdi-event-list'),
    listText: document.querySelector('sdi-event-list')?.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 200) ?? null,
  }));
  const attrsOk =
    hostileView.elements.length === 2 &&
    hostileView.elements.every(
      (a) =>
        Object.keys(a).every((k) => ['region', 'layout', 'group', 'href', 'page-size'].includes(k)) &&
        !String(a.href ?? '').startsWith('javascript'),
    );
  check('hostile values dropped: no injected attribute, no javascript: link', attrsOk, JSON.stringify(hostileView.elements));
  check(
    'hostile values: no script ran, no injected element',
    visitor.errors.every((e) => !e.startsWith('dialog')) &&
      !/onerror=|onmouseover=|onload=/.test(hostileView.html.replace(/&quot;|&lt;|&gt;/g, '')),
    visitor.errors.join(' | '),
  );
  check("visitors do not see the editors' notice", hostileView.notices === 0);
  await author.goto(`${site}/?p=${created.hostile}`, { waitUntil: 'domcontentloaded' });
  const authorNotices = await author.evaluate(() =>
    [...document.querySelectorAll('.sdi-editor-notice')].map((n) => n.textContent),
  );
  const noticeText = authorNotices.join(' ');
  check(
    'the Author sees a visible notice naming each dropped attribute',
    authorNotices.length === 2 &&
      ['href', 'layout', 'bogus', 'group', 'region', 'page-size', 'unknown-attr'].every((n) => noticeText.includes(`« ${n} »`)),
    noticeText,
  );

  step('administrator: classic loader');
  await admin.goto(`${site}/wp-admin/options-general.php?page=semaine-industrie`, { waitUntil: 'domcontentloaded' });
  await admin.select('#sdi-loader', 'classic');
  await Promise.all([
    admin.waitForNavigation({ waitUntil: 'domcontentloaded' }),
    admin.click('#sdi-settings-form [type=submit]'),
  ]);
  check('the administrator saves the classic loader', (await admin.$eval('#sdi-loader', (el) => el.value)) === 'classic');
  visitor.errors.length = 0;
  await visitor.goto(`${site}/?p=${blockPostId}`, { waitUntil: 'networkidle2' });
  state = await widgetState(visitor);
  check(
    'classic loader: one classic script without type=module, no module tag',
    state.classicTags.length === 1 && state.classicTags[0] !== 'module' && state.moduleTags === 0,
    JSON.stringify(state),
  );
  check(
    'classic loader: real cards and the map, no console error',
    state.lists[0] > 0 && state.maps[0] > 0 && visitor.errors.length === 0,
    `${JSON.stringify(state)} ${visitor.errors.join(' | ')}`,
  );

  step('administrator: live mode against the mock OpenAgenda API');
  const api = await mockApi;
  await admin.select('#sdi-mode', 'live');
  for (const [field, value] of [
    ['#sdi-agenda', api.agenda],
    ['#sdi-api_key', api.key],
    ['#sdi-api', api.url],
  ]) {
    await admin.$eval(field, (el) => {
      el.value = '';
    });
    await admin.type(field, value);
  }
  await Promise.all([
    admin.waitForNavigation({ waitUntil: 'domcontentloaded' }),
    admin.click('#sdi-settings-form [type=submit]'),
  ]);
  const liveSaved = await admin.evaluate(() => ({
    mode: document.querySelector('#sdi-mode').value,
    api: document.querySelector('#sdi-api').value,
    errors: document.querySelectorAll('.notice-error, .error').length,
  }));
  check(
    'live mode saved (agenda, key demo-key, relay)',
    liveSaved.mode === 'live' && liveSaved.api.startsWith(api.url) && liveSaved.errors === 0,
    JSON.stringify(liveSaved),
  );
  await admin.click('#sdi-test-connection');
  await admin
    .waitForFunction(
      () =>
        /réussie|impossible|code HTTP|incomplet|inattendue/i.test(document.querySelector('#sdi-test-result')?.textContent ?? ''),
      { timeout: 15000 },
    )
    .catch(() => {});
  const liveReport = await admin.$eval('#sdi-test-result', (el) => el.textContent.trim());
  check(
    '"Tester la connexion" in live mode reports the agenda\'s event count',
    liveReport.includes(`l’agenda compte ${api.events} événements`),
    liveReport,
  );
  await admin.select('#sdi-mode', 'snapshot');
  await admin.select('#sdi-loader', 'module');
  await Promise.all([
    admin.waitForNavigation({ waitUntil: 'domcontentloaded' }),
    admin.click('#sdi-settings-form [type=submit]'),
  ]);

  step('English-speaking administrator');
  const english = await login(site, users.english);
  await english.goto(`${site}/wp-admin/options-general.php?page=semaine-industrie`, { waitUntil: 'domcontentloaded' });
  const enSettings = await english.evaluate(() => ({
    src: document.querySelector('label[for="sdi-src"]')?.textContent,
    loader: document.querySelector('label[for="sdi-loader"]')?.textContent,
    classic: document.querySelector('#sdi-loader option[value="classic"]')?.textContent,
    button: document.querySelector('#sdi-test-connection')?.textContent,
    headings: [...document.querySelectorAll('.wrap h2')].map((h) => h.textContent),
  }));
  check(
    'English admin: the settings page is in English',
    enSettings.src === 'Snapshot address' &&
      enSettings.loader === 'Script loading' &&
      enSettings.classic.startsWith('Classic loader') &&
      enSettings.button === 'Test the connection' &&
      enSettings.headings.includes('Data source') &&
      enSettings.headings.includes('Widget defaults'),
    JSON.stringify(enSettings),
  );
  await openNewPost(english, site);
  await insertBlock(english, 'event', "Event list – Semaine de l'industrie");
  await showBlockSidebar(english);
  const enSidebar = await sidebarLabels(english);
  check(
    'English admin: the block title and its sidebar are in English',
    enSidebar.panels.includes('Widget settings') &&
      ['Region', 'Department', 'Layout', 'Events per page', 'Group (linked widgets)', 'Language'].every((l) =>
        enSidebar.labels.includes(l),
      ),
    JSON.stringify(enSidebar),
  );
  await english.close();

  step('developer: the repository folder, symlinked, without the bundle');
  useRepositoryFolder(root, siteDir, dir);
  await admin.goto(`${site}/wp-admin/index.php`, { waitUntil: 'domcontentloaded' });
  const devNotice = await admin.$eval('#sdi-missing-bundle', (el) => el.textContent).catch(() => '');
  check(
    'the repository folder loads; administrators get a French notice to build the zip',
    devNotice.includes('npm run wp:zip') && devNotice.includes('le script des widgets est absent'),
    devNotice,
  );
  visitor.errors.length = 0;
  await visitor.goto(`${site}/?p=${blockPostId}`, { waitUntil: 'networkidle2' });
  const devView = await visitor.evaluate(() => ({
    scripts: document.querySelectorAll('script[src*="/plugins/semaine-industrie/"]').length,
    links: [...document.querySelectorAll('sdi-event-list > a, sdi-region-map > a')].map((a) => a.textContent),
  }));
  check(
    'without the bundle the public post shows the no-JS links, no script tag, no console error',
    devView.scripts === 0 && devView.links.length === 2 && visitor.errors.length === 0,
    `${JSON.stringify(devView)} ${visitor.errors.join(' | ')}`,
  );
} catch (error) {
  failed += 1;
  console.log(`FAIL ${error.stack ?? error}`);
} finally {
  const log = join(dir, 'site/debug.log');
  if (existsSync(log)) {
    const text = readFileSync(log, 'utf8');
    const mine = text.split('\n').filter((l) => l.includes('semaine-industrie'));
    if (mine.length) {
      failed += 1;
      console.log(`FAIL PHP notices from the plugin:\n${mine.slice(0, 10).join('\n')}`);
    }
  }
  await cleanup();
}
console.log(`${passed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed > 0 ? 1 : 0);
