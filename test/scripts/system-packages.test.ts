import { describe, expect, it } from 'vitest';
import { SYSTEM_PACKAGES, stopMessage, systemPackagesPlan } from '../../scripts/system-packages.mjs';

describe('the system packages npm test needs', () => {
  it('are the Debian packages of every program the tests start', () => {
    expect(SYSTEM_PACKAGES.map((pkg) => pkg.name)).toEqual(['docker.io', 'busybox-static', 'debootstrap', 'haproxy', 'openssl', 'openssh-server']);
  });

  it('lets the tests run when nothing is missing, whoever runs them', () => {
    expect(systemPackagesPlan({ missing: [], isRoot: false, hasAptGet: false })).toEqual({ action: 'run' });
  });

  it('are installed with apt-get when root runs the tests', () => {
    expect(systemPackagesPlan({ missing: ['haproxy', 'debootstrap'], isRoot: true, hasAptGet: true })).toEqual({ action: 'install', packages: ['haproxy', 'debootstrap'] });
  });

  it('stop the run and name the apt-get line for a user who is not root', () => {
    const plan = systemPackagesPlan({ missing: ['haproxy', 'openssh-server'], isRoot: false, hasAptGet: true });
    expect(plan).toEqual({ action: 'stop', packages: ['haproxy', 'openssh-server'], reason: 'not-root' });
    if (plan.action !== 'stop') throw new Error('expected a stop');
    const message = stopMessage(plan);
    expect(message).toContain('sudo apt-get install --no-install-recommends haproxy openssh-server');
    expect(message).toContain('openssh-server (/usr/sbin/sshd)');
    expect(message).toContain('No test was run.');
  });

  it('stop the run on a machine without apt-get, naming each program', () => {
    const plan = systemPackagesPlan({ missing: ['docker.io'], isRoot: true, hasAptGet: false });
    expect(plan).toEqual({ action: 'stop', packages: ['docker.io'], reason: 'no-apt-get' });
    if (plan.action !== 'stop') throw new Error('expected a stop');
    expect(stopMessage(plan)).toContain('docker.io (dockerd)');
  });

  it('stop the run when apt-get was tried and a package is still missing', () => {
    const plan = systemPackagesPlan({ missing: ['busybox-static'], isRoot: true, hasAptGet: true, installTried: true });
    expect(plan).toEqual({ action: 'stop', packages: ['busybox-static'], reason: 'install-failed' });
    if (plan.action !== 'stop') throw new Error('expected a stop');
    expect(stopMessage(plan)).toContain('apt-get install busybox-static did not provide them');
  });
});
