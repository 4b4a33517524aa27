// The one step that gets the real programs the tests drive (issue #18), from Debian's packages:
// no test tool can download a browser or a server on these machines. `npm test` (scripts/test.mjs)
// and `.ci/run` both call it, so a fresh machine needs no install line read elsewhere first.
//
//   node scripts/provision.mjs [component…]        (no name: every component)
//   import { ensure } from './provision.mjs'; await ensure(['wordpress']);
//
// Everything present: silent, a few file checks. Something missing, as root with apt-get: one
// line saying what it installs and why, `apt-get update` once, `apt-get install -y`, checked
// again. Missing and unable to install (not root, no apt-get): a ProvisionError whose message is
// one line naming the exact command; the CLI and `npm test` print it and exit 1, nothing run.
//
// For the test of this step (test/node/provision.test.ts), two variables make a machine look
// unprovisioned without touching it:
//   SDI_PROVISION_FAKE_MISSING  comma-separated paths of the table below to treat as absent
//   SDI_PROVISION_FAKE_UID      the uid to act as (e.g. 1000: not root, so nothing is installed)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What each component needs: the paths the tests use (one `*` segment allowed, for versioned
 * folders) and the Debian packages that install them. `engine` ties a part to SDI_BROWSERS.
 */
export const COMPONENTS = {
  browsers: {
    purpose: 'the browser tests',
    parts: [
      { name: 'Chromium', engine: 'chromium', paths: ['/usr/bin/chromium'], packages: ['chromium'] },
      { name: 'Firefox ESR', engine: 'firefox', paths: ['/usr/bin/firefox-esr'], packages: ['firefox-esr'] },
      // The driver brings WebKitGTK's MiniBrowser; its recommends are a desktop's worth of packages
      // the tests never use.
      {
        name: 'WebKitWebDriver',
        engine: 'webkit',
        paths: ['/usr/bin/WebKitWebDriver'],
        packages: ['webkit2gtk-driver'],
        noRecommends: true,
      },
      // MiniBrowser has no headless mode: the browser run goes under xvfb-run.
      {
        name: 'Xvfb with xauth',
        engine: 'webkit',
        paths: ['/usr/bin/xvfb-run', '/usr/bin/Xvfb', '/usr/bin/xauth'],
        packages: ['xvfb', 'xauth'],
        noRecommends: true,
      },
    ],
  },
  wordpress: {
    purpose: 'the WordPress tests',
    parts: [
      { name: 'PHP', paths: ['/usr/bin/php'], packages: ['php-cli'] },
      { name: "PHP's MySQL extension", paths: ['/etc/php/*/mods-available/mysqli.ini'], packages: ['php-mysql'] },
      // No service manager runs here: the tests start mariadbd themselves (../shared/REAL-COMPONENTS.md).
      {
        name: 'MariaDB',
        paths: ['/usr/sbin/mariadbd', '/usr/bin/mariadb-install-db', '/usr/bin/mariadb'],
        packages: ['mariadb-server'],
      },
      { name: 'WordPress', paths: ['/usr/share/wordpress/wp-load.php'], packages: ['wordpress'] },
    ],
  },
};

const APT_GET = '/usr/bin/apt-get';
const ALL_ENGINES = 'chromium,firefox,webkit';

export class ProvisionError extends Error {
  name = 'ProvisionError';
}

/** A path exists; a `*` segment matches any entry of its folder. */
function pathExists(path) {
  const star = path.split('/').indexOf('*');
  if (star < 0) return existsSync(path);
  const segments = path.split('/');
  const folder = segments.slice(0, star).join('/') || '/';
  const rest = segments.slice(star + 1).join('/');
  let entries;
  try {
    entries = readdirSync(folder);
  } catch {
    return false;
  }
  return entries.some((entry) => pathExists(`${folder}/${entry}${rest ? `/${rest}` : ''}`));
}

/** apt-get, non-interactive, quiet; its output is kept for the message should it fail. */
function runApt(args) {
  return new Promise((done) => {
    const child = spawn(APT_GET, args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => done({ status: 127, output: String(error) }));
    child.on('close', (status) => done({ status: status ?? 1, output }));
  });
}

/** The real machine, unless the documented test variables say otherwise. */
function machineDefaults(env) {
  const fakeMissing = new Set((env.SDI_PROVISION_FAKE_MISSING ?? '').split(',').filter(Boolean));
  const fakeUid = env.SDI_PROVISION_FAKE_UID;
  return {
    exists: (path) => !fakeMissing.has(path) && pathExists(path),
    uid: fakeUid !== undefined && fakeUid !== '' ? Number(fakeUid) : (process.getuid?.() ?? -1),
    apt: runApt,
    log: (line) => console.log(line),
    env,
  };
}

/** The parts of the named components this run needs, each with the component's purpose. */
function neededParts(names, env) {
  const engines = (env.SDI_BROWSERS || ALL_ENGINES).split(',').map((s) => s.trim());
  const parts = [];
  for (const name of names) {
    const component = COMPONENTS[name];
    if (!component) {
      throw new ProvisionError(`provision: unknown component "${name}" (known: ${Object.keys(COMPONENTS).join(', ')})`);
    }
    for (const part of component.parts) {
      if (!part.engine || engines.includes(part.engine)) parts.push({ ...part, purpose: component.purpose });
    }
  }
  return parts;
}

function missingParts(parts, exists) {
  return parts
    .map((part) => ({ ...part, absent: part.paths.filter((path) => !exists(path)) }))
    .filter((part) => part.absent.length > 0);
}

const unique = (items) => [...new Set(items)];

/** The install commands, grouped: packages with their recommends, then those without. */
function installGroups(parts) {
  const plain = unique(parts.filter((p) => !p.noRecommends).flatMap((p) => p.packages));
  const lean = unique(parts.filter((p) => p.noRecommends).flatMap((p) => p.packages));
  const groups = [];
  if (plain.length) groups.push(['install', '-y', ...plain]);
  if (lean.length) groups.push(['install', '-y', '--no-install-recommends', ...lean]);
  return groups;
}

/** "Chromium (/usr/bin/chromium), Xvfb (/usr/bin/xvfb-run) for the browser tests". */
function describeMissing(parts) {
  const byPurpose = new Map();
  for (const part of parts) {
    const list = byPurpose.get(part.purpose) ?? [];
    list.push(`${part.name} (${part.absent.join(', ')})`);
    byPurpose.set(part.purpose, list);
  }
  return [...byPurpose].map(([purpose, list]) => `${list.join(', ')} for ${purpose}`).join('; ');
}

function commandLine(groups, sudo) {
  const prefix = sudo ? 'sudo apt-get' : 'apt-get';
  return [`${prefix} update`, ...groups.map((args) => `${prefix} ${args.join(' ')}`)].join(' && ');
}

/**
 * Makes sure the named components (keys of COMPONENTS) are installed, installing them when it
 * can. Resolves with the packages it installed; rejects with a one-line ProvisionError otherwise.
 * `options` replaces the machine (paths, uid, apt-get, output) for tests.
 */
export async function ensure(names, options = {}) {
  const machine = { ...machineDefaults(options.env ?? process.env), ...options };
  const parts = neededParts(names, machine.env);
  const missing = missingParts(parts, machine.exists);
  if (missing.length === 0) return { installed: [] };

  const groups = installGroups(missing);
  const hasApt = machine.exists(APT_GET);
  if (machine.uid !== 0 || !hasApt) {
    const command = commandLine(groups, machine.uid !== 0);
    const how = hasApt
      ? `install them with: ${command}`
      : `these are Debian's packages (this machine has no apt-get); on Debian or Ubuntu: ${command}`;
    throw new ProvisionError(`Missing: ${describeMissing(missing)}; ${how}`);
  }

  const packages = unique(groups.flatMap((args) => args.filter((a) => !a.startsWith('-') && a !== 'install')));
  machine.log(`Installing ${packages.join(' ')} from Debian's packages: missing ${describeMissing(missing)}`);
  // Another job on the machine may hold dpkg's lock: wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  for (const args of [['update'], ...groups]) {
    const run = await machine.apt(['-qq', ...lock, ...args]);
    if (run.status !== 0) {
      const tail = run.output.trim().split('\n').slice(-15).join('\n');
      throw new ProvisionError(`provision: apt-get ${args.join(' ')} failed (exit ${run.status})${tail ? `:\n${tail}` : ''}`);
    }
  }

  const still = missingParts(parts, machine.exists);
  if (still.length > 0) {
    throw new ProvisionError(`Still missing after installing ${packages.join(' ')}: ${describeMissing(still)}`);
  }
  return { installed: packages };
}

/** `ensure` for scripts: a refusal is its one message on stderr and exit code 1, no stack. */
export async function ensureOrExit(names, options = {}) {
  try {
    return await ensure(names, options);
  } catch (error) {
    if (!(error instanceof ProvisionError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  await ensureOrExit(names.length ? names : Object.keys(COMPONENTS));
}
