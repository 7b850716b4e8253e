// The Debian packages the test suite runs beside Node: a Docker Engine it starts privately, busybox
// for test images, debootstrap for the stand-in Node base, HAProxy for deploy/haproxy.cfg, openssl and
// sshd for the TLS and ssh engine tests. Plain JavaScript: it runs before `npm ci` has installed anything.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each package with the one thing the tests use from it. */
export const SYSTEM_PACKAGES = [
  { name: 'docker.io', provides: 'dockerd', check: { command: 'dockerd' } },
  // The dynamic `busybox` package also installs /bin/busybox; the test images need the static one.
  { name: 'busybox-static', provides: '/bin/busybox (static)', check: { dpkg: 'busybox-static' } },
  { name: 'debootstrap', provides: 'debootstrap', check: { command: 'debootstrap' } },
  { name: 'haproxy', provides: 'haproxy', check: { command: 'haproxy' } },
  { name: 'openssl', provides: 'openssl', check: { command: 'openssl' } },
  { name: 'openssh-server', provides: '/usr/sbin/sshd', check: { file: '/usr/sbin/sshd' } },
];

/**
 * What to do about the missing packages: nothing, install them (root with apt-get), or stop and say
 * exactly what to install.
 */
export function systemPackagesPlan({ missing, isRoot, hasAptGet, installTried = false }) {
  if (missing.length === 0) return { action: 'run' };
  if (installTried) return { action: 'stop', packages: missing, reason: 'install-failed' };
  if (isRoot && hasAptGet) return { action: 'install', packages: missing };
  return { action: 'stop', packages: missing, reason: hasAptGet ? 'not-root' : 'no-apt-get' };
}

const HOW = {
  'not-root': (names) => `Install them as root, then run npm test again:\n  sudo apt-get install --no-install-recommends ${names}`,
  'no-apt-get': () => 'This machine has no apt-get: install the same programs with its own package manager, then run npm test again.',
  'install-failed': (names) => `apt-get install ${names} did not provide them; install them by hand, then run npm test again.`,
};

/** The lines a person reads when the tests cannot install their packages themselves. */
export function stopMessage(plan) {
  const list = plan.packages.map((name) => {
    const wanted = SYSTEM_PACKAGES.find((pkg) => pkg.name === name);
    return `  ${name} (${wanted?.provides ?? name})`;
  });
  const how = HOW[plan.reason](plan.packages.join(' '));
  return `npm test needs these Debian packages, which are not installed:\n${list.join('\n')}\n${how}\nNo test was run.`;
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const onPath = (command) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, command)));

function dpkgInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

function present({ check }) {
  if (check.command) return onPath(check.command);
  if (check.dpkg) return dpkgInstalled(check.dpkg);
  return executable(check.file);
}

/** The names of the packages whose program this machine lacks. */
export const missingSystemPackages = () => SYSTEM_PACKAGES.filter((pkg) => !present(pkg)).map((pkg) => pkg.name);

export const canInstall = () => ({ isRoot: process.getuid?.() === 0, hasAptGet: onPath('apt-get') });
