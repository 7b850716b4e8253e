import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { DEFAULT_HOST, readHosts } from '../../bot/lab/hosts.js';

let tlsDir: string;
beforeEach(async () => {
  tlsDir = await mkdtemp(join(tmpdir(), 'gorae-hosts-'));
});
afterEach(async () => {
  await rm(tlsDir, { recursive: true, force: true });
});

describe('the hosts Gorae knows', () => {
  it('has a default host from DOCKER_HOST, or the default socket without it', () => {
    const named = readHosts({ DOCKER_HOST: 'unix:///tmp/x/d.sock', GORAE_TLS_DIR: tlsDir });
    expect(named.ok && named.value.get(DEFAULT_HOST)).toEqual({ name: 'default', kind: 'socket', socketPath: '/tmp/x/d.sock' });
    const fallback = readHosts({ GORAE_TLS_DIR: tlsDir });
    expect(fallback.ok && fallback.value.get(DEFAULT_HOST)).toEqual({ name: 'default', kind: 'socket', socketPath: '/var/run/docker.sock' });
  });

  it('adds the name=url pairs of GORAE_HOSTS: unix, tcp and ssh', () => {
    const hosts = readHosts({
      GORAE_HOSTS: 'lab1=unix:///run/lab1.sock, lab2=tcp://10.0.0.5:2375,edge=ssh://ops@edge.example.com:2222,v6=tcp://[fd00::5]',
      GORAE_TLS_DIR: tlsDir,
      SSH_AUTH_SOCK: '/run/agent.sock',
    });
    expect(hosts.ok).toBe(true);
    if (!hosts.ok) return;
    expect([...hosts.value.keys()]).toEqual(['default', 'lab1', 'lab2', 'edge', 'v6']);
    expect(hosts.value.get('lab1')).toEqual({ name: 'lab1', kind: 'socket', socketPath: '/run/lab1.sock' });
    expect(hosts.value.get('lab2')).toEqual({ name: 'lab2', kind: 'tcp', hostname: '10.0.0.5', port: 2375 });
    expect(hosts.value.get('edge')).toMatchObject({ name: 'edge', kind: 'ssh', hostname: 'edge.example.com', port: 2222, username: 'ops', agent: '/run/agent.sock' });
    expect(hosts.value.get('v6')).toEqual({ name: 'v6', kind: 'tcp', hostname: 'fd00::5', port: 2375 });
  });

  it('lets GORAE_HOSTS redefine the default host', () => {
    const hosts = readHosts({ DOCKER_HOST: 'unix:///a.sock', GORAE_HOSTS: 'default=unix:///b.sock', GORAE_TLS_DIR: tlsDir });
    expect(hosts.ok && hosts.value.get(DEFAULT_HOST)).toEqual({ name: 'default', kind: 'socket', socketPath: '/b.sock' });
  });

  it('uses TLS for a tcp host that has a certificate folder, defaulting to port 2376', async () => {
    const folder = join(tlsDir, 'secure');
    await mkdir(folder);
    await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((file) => writeFile(join(folder, file), `${file} text`)));
    const hosts = readHosts({ GORAE_HOSTS: 'secure=tcp://lab.example.com', GORAE_TLS_DIR: tlsDir });
    expect(hosts.ok && hosts.value.get('secure')).toEqual({
      name: 'secure',
      kind: 'tcp',
      hostname: 'lab.example.com',
      port: 2376,
      tls: { ca: 'ca.pem text', cert: 'cert.pem text', key: 'key.pem text' },
    });
  });

  it('refuses a TLS folder that lacks a file, naming the file', async () => {
    const folder = join(tlsDir, 'secure');
    await mkdir(folder);
    await writeFile(join(folder, 'ca.pem'), 'x');
    expect(readHosts({ GORAE_HOSTS: 'secure=tcp://lab:2376', GORAE_TLS_DIR: tlsDir })).toEqual({
      ok: false,
      error: { id: 'lab.host.tls', vars: { host: 'secure', file: join(folder, 'cert.pem') } },
    });
  });

  it('pins an ssh server key from host_key.pub, and refuses a file that holds no key', async () => {
    const folder = join(tlsDir, 'edge');
    await mkdir(folder);
    await writeFile(join(folder, 'host_key.pub'), 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEY root@edge\n');
    const hosts = readHosts({ GORAE_HOSTS: 'edge=ssh://ops@edge', GORAE_TLS_DIR: tlsDir });
    expect(hosts.ok && hosts.value.get('edge')).toMatchObject({ hostKey: 'AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEY' });
    await writeFile(join(folder, 'host_key.pub'), 'not a key');
    expect(readHosts({ GORAE_HOSTS: 'edge=ssh://ops@edge', GORAE_TLS_DIR: tlsDir })).toEqual({
      ok: false,
      error: { id: 'lab.host.hostKey', vars: { host: 'edge', file: join(folder, 'host_key.pub') } },
    });
  });

  it.each([
    ['lab1', 'lab.host.entry'],
    ['=unix:///x.sock', 'lab.host.entry'],
    ['bad name=unix:///x.sock', 'lab.host.name'],
    ['-x=unix:///x.sock', 'lab.host.name'],
    ['lab1=unix:///a.sock,lab1=unix:///b.sock', 'lab.host.duplicate'],
    ['lab1=http://10.0.0.5:2375', 'lab.host.url'],
    ['lab1=10.0.0.5:2375', 'lab.host.url'],
    ['lab1=unix://relative.sock', 'lab.host.url'],
    ['lab1=tcp://10.0.0.5:2375/path', 'lab.host.url'],
    ['lab1=ssh://ops:hunter2@edge', 'lab.host.password'],
  ])('refuses GORAE_HOSTS=%s with %s', (value, id) => {
    const hosts = readHosts({ GORAE_HOSTS: value, GORAE_TLS_DIR: tlsDir });
    expect(hosts.ok).toBe(false);
    if (!hosts.ok) expect(hosts.error.id).toBe(id);
  });

  it('never repeats a password it refuses', () => {
    const hosts = readHosts({ GORAE_HOSTS: 'edge=ssh://ops:hunter2@edge', GORAE_TLS_DIR: tlsDir });
    expect(JSON.stringify(hosts)).not.toContain('hunter2');
  });

  it('reads its TLS folder from GORAE_TLS_DIR in the one config schema', () => {
    const config = readConfig({ GORAE_TLS_DIR: '/etc/gorae/tls' });
    expect(config.ok && config.value.GORAE_TLS_DIR).toBe('/etc/gorae/tls');
  });
});
