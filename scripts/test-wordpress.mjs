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
import { ensurePackages, freePort, installWordPress, startMariaDb, startPhpServer, startSnapshotServer } from '../test/wordpress/stack.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const started = performance.now();
const EVENTS = 600;
const users = {
  admin: { login: 'admin', password: 'admin-pass-123' },
  author: { login: 'autrice', password: 'author-pass-123' },
};
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
  await page.goto(`${site}/wp-login.php`, { waitUntil: 'domcontentloaded' });
  await page.type('#user_login', who.login);
  await page.type('#user_pass', who.password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('#wp-submit')]);
  return page;
}

/** Counts the cards of every list and the region buttons of every map, once they render. */
async function widgetState(page) {
  // The map loads its data once on screen.
  await page.evaluate(() => document.querySelector('sdi-region-map')?.scrollIntoView());
  await page.waitForFunction(() => {
    const lists = [...document.querySelectorAll('sdi-event-list')];
    const maps = [...document.querySelectorAll('sdi-region-map')];
    return lists.every((l) => l.shadowRoot?.querySelector('[part~="card"]'))
      && maps.every((m) => m.shadowRoot?.querySelector('[part~="region-button"], [part~="map"] path'));
  }, { timeout: 20000 }).catch(() => {});
  return page.evaluate(() => ({
    lists: [...document.querySelectorAll('sdi-event-list')].map((l) => l.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0),
    maps: [...document.querySelectorAll('sdi-region-map')].map((m) => m.shadowRoot?.querySelectorAll('[part~="region-button"], [part~="map"] path').length ?? 0),
    moduleTags: [...document.querySelectorAll('script[type="module"]')].filter((s) => s.src.includes('semaine-industrie/assets/sdi-widgets.js')).length,
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
  step('snapshot');
  const snapshotPort = await freePort();
  const snapshotUrl = `http://127.0.0.1:${snapshotPort}/snapshot/`;
  // SDI_WP_BUILDER_ROOT: another checkout whose snapshot builder to use (while this one's is mid-edit).
  const builderRoot = process.env.SDI_WP_BUILDER_ROOT ?? root;
  const snap = spawnSync('node', ['--import', 'tsx', join(builderRoot, 'test/wordpress/build-snapshot.ts'), join(dir, 'snapshot'), String(EVENTS), `http://127.0.0.1:${snapshotPort}/sample-images/`], { cwd: builderRoot, stdio: 'inherit' });
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
  await admin.$eval('#sdi-src', (el) => { el.value = ''; });
  await admin.type('#sdi-src', snapshotUrl);
  await admin.select('#sdi-region', '32');
  await Promise.all([admin.waitForNavigation({ waitUntil: 'domcontentloaded' }), admin.click('#sdi-settings-form [type=submit]')]);
  check('settings saved by the administrator', (await admin.$eval('#sdi-src', (el) => el.value)) === snapshotUrl);
  await admin.click('#sdi-test-connection');
  await admin.waitForFunction(() => /réussie|impossible|code HTTP/i.test(document.querySelector('#sdi-test-result')?.textContent ?? ''), { timeout: 15000 }).catch(() => {});
  const report = await admin.$eval('#sdi-test-result', (el) => el.textContent);
  check('"Tester la connexion" reports the edition and the event count', report.includes(`${EVENTS} événements`) && report.includes('15e édition'), report);
  await admin.$eval('#sdi-src', (el) => { el.value = 'javascript:alert(1)'; });
  await Promise.all([admin.waitForNavigation({ waitUntil: 'domcontentloaded' }), admin.click('#sdi-settings-form [type=submit]')]);
  const afterBad = await admin.evaluate(() => ({ src: document.querySelector('#sdi-src').value, error: document.body.textContent.includes('Adresse refusée') }));
  check('a javascript: snapshot address is refused with a message, the previous one kept', afterBad.error && afterBad.src === snapshotUrl, JSON.stringify(afterBad));
  const forged = await admin.evaluate(async () => {
    const body = new URLSearchParams({ option_page: 'sdi_settings_group', action: 'update', 'sdi_settings[src]': 'https://evil.example/' });
    const r = await fetch('/wp-admin/options.php', { method: 'POST', body, credentials: 'same-origin' });
    return r.status;
  });
  await admin.reload({ waitUntil: 'domcontentloaded' });
  check('settings posted without a nonce are refused', forged >= 400 && (await admin.$eval('#sdi-src', (el) => el.value)) === snapshotUrl, `status ${forged}`);

  step('Author: refused settings');
  const author = await login(site, users.author);
  const refused = await author.evaluate(async () => {
    const page = await fetch('/wp-admin/options-general.php?page=semaine-industrie', { credentials: 'same-origin' });
    const body = new URLSearchParams({ option_page: 'sdi_settings_group', action: 'update', _wpnonce: 'x', 'sdi_settings[src]': 'https://evil.example/' });
    const post = await fetch('/wp-admin/options.php', { method: 'POST', body, credentials: 'same-origin' });
    const ajax = await fetch('/wp-admin/admin-ajax.php', { method: 'POST', body: new URLSearchParams({ action: 'sdi_test_connection' }), credentials: 'same-origin' });
    return [(await page.text()).includes('sdi-settings-form') ? 200 : 403, post.status, ajax.status];
  });
  await admin.reload({ waitUntil: 'domcontentloaded' });
  check('the settings page, a settings post and the connection test are refused to an Author', refused.every((s) => s === 403) && (await admin.$eval('#sdi-src', (el) => el.value)) === snapshotUrl, JSON.stringify(refused));

  step('Author: blocks in the block editor');
  await author.goto(`${site}/wp-admin/post-new.php`, { waitUntil: 'networkidle2' });
  await author.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId(), { timeout: 30000 });
  const inserted = await author.evaluate(() => {
    const { data, blocks } = window.wp;
    if (data.select('core/edit-post').isFeatureActive('welcomeGuide')) data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
    data.dispatch('core/editor').editPost({ title: 'Blocs de la Semaine' });
    const list = blocks.createBlock('semaine-industrie/event-list', {});
    const map = blocks.createBlock('semaine-industrie/region-map', { group: 'hdf' });
    data.dispatch('core/block-editor').insertBlocks([list, map]);
    data.dispatch('core/block-editor').selectBlock(list.clientId);
    return !!blocks.getBlockType('semaine-industrie/event-list');
  });
  check('the list and map blocks are registered in the block editor', inserted);
  // The region is chosen in the block's sidebar, as an editor does.
  await author.evaluate(() => window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block'));
  const regionSelect = await author.waitForSelector('.interface-complementary-area select', { timeout: 10000 }).catch(() => null);
  if (regionSelect) await regionSelect.select('32');
  const attrs = await author.evaluate(() => window.wp.data.select('core/block-editor').getBlocks().map((b) => b.attributes.region));
  check('region 32 set from the block sidebar', attrs[0] === '32', JSON.stringify(attrs));
  const preview = await widgetState(author);
  check('the editor preview shows live cards (ServerSideRender + bundle)', preview.lists[0] > 0, JSON.stringify(preview));
  await author.evaluate(() => {
    window.wp.data.dispatch('core/editor').editPost({ status: 'publish' });
    return window.wp.data.dispatch('core/editor').savePost();
  });
  await author.waitForFunction(() => window.wp.data.select('core/editor').getCurrentPostAttribute('status') === 'publish' && !window.wp.data.select('core/editor').isSavingPost(), { timeout: 20000 });
  const blockPostId = await author.evaluate(() => window.wp.data.select('core/editor').getCurrentPostId());
  const saved = await author.evaluate(() => window.wp.data.select('core/editor').getEditedPostContent());
  check('the saved post holds block comments only, no script', saved.includes('<!-- wp:semaine-industrie/event-list {"region":"32"} /-->') && !saved.includes('<script'), saved);

  // Visitors have no session: their own browser context, without the Author's cookies.
  const visitor = await openPage(await browser.createBrowserContext());
  await visitor.goto(`${site}/?p=${blockPostId}`, { waitUntil: 'networkidle2' });
  let state = await widgetState(visitor);
  check('public block post: real cards and the map', state.lists.length === 1 && state.lists[0] > 0 && state.maps.length === 1 && state.maps[0] > 0, JSON.stringify(state));
  check('public block post: one module tag, the sdi:src meta and the stylesheet in the head', state.moduleTags === 1 && state.meta === snapshotUrl && state.stylesheet, JSON.stringify(state));
  check('public block post: no console error', visitor.errors.length === 0, visitor.errors.join(' | '));
  const fallback = await visitor.$eval('sdi-event-list > a', (a) => a.textContent);
  check('the no-JS link is inside the element, in French', fallback.includes("Voir les événements de la Semaine de l'industrie"), fallback);

  step('Author: shortcodes through the REST API');
  const created = await author.evaluate(async () => {
    const post = (content, title) => window.wp.apiFetch({ path: '/wp/v2/posts', method: 'POST', data: { title, content, status: 'publish' } });
    const good = await post('<p>Agenda :</p>\n[sdi_event_list region="32" layout="grid" page-size="6"]\n[sdi_region_map region="32" height="400"]', 'Codes courts');
    const hostile = await post(
      `[sdi_event_list region='32" onmouseover="alert(1)' href="javascript:alert(1)" layout="<b>grid" bogus="x" group='a"b onload="alert(2)']\n`
      + '<!-- wp:semaine-industrie/event-list {"region":"\\u0022\\u003e\\u003cimg src=x onerror=alert(3)\\u003e","layout":"evil","pageSize":"9999","href":"javascript:alert(4)","unknownAttr":"1"} /-->',
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
    elements: [...document.querySelectorAll('sdi-event-list')].map((e) => Object.fromEntries([...e.attributes].map((a) => [a.name, a.value]))),
    notices: document.querySelectorAll('.sdi-editor-notice').length,
    defined: !!customElements.get('sdi-event-list'),
    listText: document.querySelector('sdi-event-list')?.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 200) ?? null,
  }));
  const attrsOk = hostileView.elements.length === 2 && hostileView.elements.every((a) => Object.keys(a).every((k) => ['region', 'layout', 'group', 'href', 'page-size'].includes(k)) && !String(a.href ?? '').startsWith('javascript'));
  check('hostile values dropped: no injected attribute, no javascript: link', attrsOk, JSON.stringify(hostileView.elements));
  check('hostile values: no script ran, no injected element', visitor.errors.every((e) => !e.startsWith('dialog')) && !/onerror=|onmouseover=|onload=/.test(hostileView.html.replace(/&quot;|&lt;|&gt;/g, '')), visitor.errors.join(' | '));
  check('visitors do not see the editors\' notice', hostileView.notices === 0);
  await author.goto(`${site}/?p=${created.hostile}`, { waitUntil: 'domcontentloaded' });
  const authorNotices = await author.evaluate(() => [...document.querySelectorAll('.sdi-editor-notice')].map((n) => n.textContent));
  const noticeText = authorNotices.join(' ');
  check('the Author sees a visible notice naming each dropped attribute', authorNotices.length === 2 && ['href', 'layout', 'bogus', 'group', 'region', 'page-size', 'unknown-attr'].every((n) => noticeText.includes(`« ${n} »`)), noticeText);
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
