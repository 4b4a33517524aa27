/**
 * The real stack the WordPress test drives: MariaDB in a temporary folder on a free port, a copy
 * of Debian's WordPress installed from PHP, the plugin unzipped from the built zip, PHP's
 * built-in server, and a static server for the snapshot (with CORS, as a CDN would send it).
 */
import { pathToFileURL } from 'node:url';
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { extname, join, normalize } from 'node:path';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

async function waitFor(check, what, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** WordPress, PHP and MariaDB from Debian's packages, through the one provisioning step of the tests. */
export async function ensurePackages(root) {
  const { ensureOrExit } = await import(pathToFileURL(join(root, 'scripts/provision.mjs')).href);
  await ensureOrExit(['wordpress']);
}

export async function startMariaDb(dir, children) {
  const port = await freePort();
  const data = join(dir, 'db');
  const socket = join(dir, 'mysql.sock');
  run('mariadb-install-db', ['--user=root', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db']);
  const child = spawn('mariadbd', ['--user=root', `--datadir=${data}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1', '--skip-log-bin', '--innodb-buffer-pool-size=64M'], { stdio: 'ignore' });
  children.push(child);
  await waitFor(() => spawnSync('mariadb', [`--socket=${socket}`, '-uroot', '-e', 'SELECT 1']).status === 0, 'MariaDB');
  run('mariadb', [`--socket=${socket}`, '-uroot', '-e', "CREATE DATABASE wp; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';"]);
  return { port };
}

export function installWordPress({ site, dbPort, url, zip, users }) {
  run('cp', ['-rL', '/usr/share/wordpress/.', site], {});
  writeFileSync(join(site, 'wp-config.php'), `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', '127.0.0.1:${dbPort}'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_HOME', '${url}'); define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content'); define('WP_CONTENT_URL', '${url}/wp-content');
define('WP_DEBUG', true); define('WP_DEBUG_DISPLAY', false); define('WP_DEBUG_LOG', __DIR__ . '/debug.log');
define('AUTOMATIC_UPDATER_DISABLED', true); define('DISABLE_WP_CRON', true);
foreach (['AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT'] as $k) define($k, '${Math.random().toString(36).slice(2)}' . $k);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
  run('python3', ['-m', 'zipfile', '-e', zip, join(site, 'wp-content/plugins')]);
  const script = join(site, 'sdi-install.php');
  writeFileSync(script, `<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url('${url}', PHP_URL_HOST) . ':' . parse_url('${url}', PHP_URL_PORT);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_install('SDI test', '${users.admin.login}', 'admin@example.org', true, '', '${users.admin.password}');
update_option('WPLANG', 'fr_FR');
$id = wp_create_user('${users.author.login}', '${users.author.password}', 'author@example.org');
(new WP_User($id))->set_role('author');
update_user_meta($id, 'locale', 'fr_FR');
// A second administrator works in English: the plugin's own catalogue is what she reads.
$en = wp_create_user('${users.english.login}', '${users.english.password}', 'admin-en@example.org');
(new WP_User($en))->set_role('administrator');
update_user_meta($en, 'locale', 'en_US');
$r = activate_plugin('semaine-industrie/semaine-industrie.php');
if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message()); exit(1); }
echo "ok";
`);
  return run('php', [script]);
}

/** The mock OpenAgenda API (tools/mock-api) in a child process; resolves to what it printed. */
export function startMockApi(root, events, children) {
  const child = spawn('node', ['--import', 'tsx', join(root, 'test/wordpress/serve-mock-api.ts'), String(events)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolveApi, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolveApi(JSON.parse(out.slice(0, out.indexOf('\n'))));
    });
    child.once('exit', (code) => reject(new Error(`serve-mock-api.ts exited (${code})`)));
  });
}

/**
 * Replaces the installed plugin by a symlink to a copy of the repository folder as git holds it
 * (no assets/, no .mo): what a developer gets by symlinking the checkout.
 */
export function useRepositoryFolder(root, site, dir) {
  const copy = join(dir, 'checkout/semaine-industrie');
  run('mkdir', ['-p', join(dir, 'checkout')]);
  run('cp', ['-r', join(root, 'wordpress/semaine-industrie'), copy]);
  run('rm', ['-rf', join(copy, 'assets')]);
  run('find', [copy, '-name', '*.mo', '-delete']);
  const installed = join(site, 'wp-content/plugins/semaine-industrie');
  run('mv', [installed, join(dir, 'zip-plugin')]);
  run('ln', ['-s', copy, installed]);
}

export async function startPhpServer(site, port, children) {
  const child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', site], { stdio: 'ignore', env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
  children.push(child);
  await waitFor(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/wp-login.php`)).ok;
    } catch {
      return false;
    }
  }, 'php -S');
}

const TYPES = { '.json': 'application/json; charset=utf-8' };

/** The snapshot folder over HTTP, with a drawn picture for every sample image. */
export function startSnapshotServer(folder, port) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-cache' };
    if (url.pathname.startsWith('/sample-images/')) {
      res.writeHead(200, { ...headers, 'content-type': 'image/svg+xml' });
      res.end('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#88a"/></svg>');
      return;
    }
    const file = join(folder, normalize(decodeURIComponent(url.pathname.replace(/^\/snapshot\//, '/'))));
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}
