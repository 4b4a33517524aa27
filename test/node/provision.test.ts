/**
 * scripts/provision.mjs, the one step that gets the tests' real components (browsers, WordPress)
 * from Debian's packages (issue #18): its checks pointed at a fake file system, a fake uid and a
 * fake apt-get that records its calls; then `npm test`'s own script, made to believe Chromium is
 * missing on a machine where it cannot install, must stop at once with one line.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { COMPONENTS, ProvisionError, ensure, type AptRunner, type ProvisionOptions } from '../../scripts/provision.mjs';

const APT_GET = '/usr/bin/apt-get';

/** Every path the table checks, plus apt-get: a machine with all of it installed. */
function everything(): Set<string> {
  const paths = new Set<string>([APT_GET]);
  for (const component of Object.values(COMPONENTS)) {
    for (const part of component.parts) for (const path of part.paths) paths.add(path);
  }
  return paths;
}

/** A machine: what exists, who runs, an apt-get that records calls and "installs" packages. */
function machine(options: { missing?: string[]; uid?: number; env?: Record<string, string> } = {}) {
  const present = everything();
  for (const path of options.missing ?? []) present.delete(path);
  const calls: string[][] = [];
  const logged: string[] = [];
  const apt: AptRunner = async (args) => {
    calls.push(args);
    if (args.includes('install')) {
      // A Debian package brings the files the table expects of it.
      for (const component of Object.values(COMPONENTS)) {
        for (const part of component.parts) {
          if (part.packages.some((name) => args.includes(name))) for (const path of part.paths) present.add(path);
        }
      }
    }
    return { status: 0, output: '' };
  };
  const settings: ProvisionOptions = {
    exists: (path) => present.has(path),
    uid: options.uid ?? 0,
    apt,
    log: (line) => logged.push(line),
    env: options.env ?? {},
  };
  return { settings, calls, logged, present };
}

async function failure(promise: Promise<unknown>): Promise<ProvisionError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProvisionError, `a ProvisionError, not ${String(error)}`);
    return error;
  }
  assert.fail('expected the step to refuse');
}

describe('provision: the checks', () => {
  test('everything present: silent, no apt-get', async () => {
    const m = machine();
    await ensure(['browsers', 'wordpress'], m.settings);
    assert.deepEqual(m.calls, []);
    assert.deepEqual(m.logged, []);
  });

  test('as root with apt-get: says what it installs and why in one line, updates once, installs, checks again', async () => {
    const m = machine({ missing: ['/usr/bin/chromium', '/usr/bin/xvfb-run'] });
    const result = await ensure(['browsers'], m.settings);
    assert.equal(m.logged.length, 1);
    assert.match(m.logged[0] ?? '', /chromium xvfb xauth/);
    assert.match(m.logged[0] ?? '', /browser tests/);
    assert.match(m.logged[0] ?? '', /Chromium/);
    const verbs = m.calls.map((args) => args.filter((a) => !a.startsWith('-') && !a.includes('=')));
    assert.deepEqual(verbs, [['update'], ['install', 'chromium'], ['install', 'xvfb', 'xauth']]);
    assert.ok(m.calls[1]?.includes('-y'));
    assert.ok(!m.calls[1]?.includes('--no-install-recommends'), 'Chromium with its recommends');
    assert.ok(m.calls[2]?.includes('-y') && m.calls[2].includes('--no-install-recommends'));
    assert.deepEqual(result.installed, ['chromium', 'xvfb', 'xauth']);
    assert.ok(m.present.has('/usr/bin/chromium'));
  });

  test('as root, a package that does not bring what was missing: refused, naming it', async () => {
    const m = machine({ missing: ['/usr/bin/firefox-esr'] });
    const apt: AptRunner = async (args) => {
      m.calls.push(args);
      return { status: 0, output: '' };
    };
    const error = await failure(ensure(['browsers'], { ...m.settings, apt }));
    assert.match(error.message, /Firefox ESR/);
    assert.match(error.message, /\/usr\/bin\/firefox-esr/);
    assert.equal(m.calls.length, 2);
  });

  test('as root, apt-get failing: refused with its output, no further call', async () => {
    const m = machine({ missing: ['/usr/bin/chromium'] });
    const apt: AptRunner = async (args) => {
      m.calls.push(args);
      return { status: 100, output: 'E: Unable to locate package chromium' };
    };
    const error = await failure(ensure(['browsers'], { ...m.settings, apt }));
    assert.match(error.message, /apt-get update/);
    assert.match(error.message, /Unable to locate package/);
    assert.equal(m.calls.length, 1);
  });

  test('not root: one line naming the exact command, nothing run', async () => {
    const m = machine({ missing: ['/usr/bin/chromium', '/usr/bin/WebKitWebDriver'], uid: 1000 });
    const error = await failure(ensure(['browsers'], m.settings));
    assert.deepEqual(m.calls, []);
    assert.doesNotMatch(error.message, /\n/);
    assert.ok(
      error.message.includes(
        'sudo apt-get update && sudo apt-get install -y chromium && sudo apt-get install -y --no-install-recommends webkit2gtk-driver',
      ),
      error.message,
    );
    assert.doesNotMatch(error.message, /firefox-esr/, 'only what is missing');
  });

  test('root without apt-get (another system): one line, the Debian command without sudo', async () => {
    const m = machine({ missing: ['/usr/bin/firefox-esr', APT_GET] });
    const error = await failure(ensure(['browsers'], m.settings));
    assert.deepEqual(m.calls, []);
    assert.doesNotMatch(error.message, /\n/);
    assert.match(error.message, /apt-get/);
    assert.match(error.message, /Debian/);
    assert.ok(error.message.includes('apt-get install -y firefox-esr'));
  });

  test('SDI_BROWSERS=chromium needs Chromium only', async () => {
    const missing = ['/usr/bin/firefox-esr', '/usr/bin/WebKitWebDriver', '/usr/bin/xvfb-run'];
    const m = machine({ missing, uid: 1000, env: { SDI_BROWSERS: 'chromium' } });
    await ensure(['browsers'], m.settings);
    const without = machine({ missing: ['/usr/bin/chromium'], uid: 1000, env: { SDI_BROWSERS: 'chromium' } });
    const error = await failure(ensure(['browsers'], without.settings));
    assert.match(error.message, /install -y chromium$/);
  });

  test('wordpress: PHP with its MySQL extension, MariaDB and WordPress, from their packages', async () => {
    const m = machine({
      missing: ['/usr/bin/php', '/etc/php/*/mods-available/mysqli.ini', '/usr/sbin/mariadbd', '/usr/share/wordpress/wp-load.php'],
      uid: 1000,
    });
    const error = await failure(ensure(['wordpress'], m.settings));
    assert.match(error.message, /WordPress tests/);
    assert.ok(
      error.message.endsWith('sudo apt-get update && sudo apt-get install -y php-cli php-mysql mariadb-server wordpress'),
      error.message,
    );
  });

  test('an unknown component is refused by name', async () => {
    const error = await failure(ensure(['postgres'], machine().settings));
    assert.match(error.message, /postgres/);
    assert.match(error.message, /browsers, wordpress/);
  });
});

describe('provision: npm test on a machine it cannot provision', () => {
  test('scripts/test.mjs --browser stops at once with one line, before building or testing anything', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['scripts/test.mjs', '--browser'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        SDI_BROWSERS: 'chromium',
        SDI_PROVISION_FAKE_MISSING: '/usr/bin/chromium',
        SDI_PROVISION_FAKE_UID: '1000',
      },
    });
    const lines = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() !== '');
    assert.equal(run.status, 1);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0] ?? '', /Chromium \(\/usr\/bin\/chromium\)/);
    assert.match(lines[0] ?? '', /sudo apt-get update && sudo apt-get install -y chromium$/);
    assert.ok(Date.now() - started < 5000, `stopped at once, not after ${Date.now() - started} ms`);
  });
});
