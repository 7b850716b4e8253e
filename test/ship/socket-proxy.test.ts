import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../bot/core/clock.js';
import { labActionSchema } from '../../bot/lab/actions.js';
import { createEngine } from '../../bot/lab/engine.js';
import { createExchange } from '../../bot/lab/exchange.js';
import { DEFAULT_HOST, readHosts } from '../../bot/lab/hosts.js';
import { runLab, type LabServices } from '../../bot/lab/run.js';
import { socketOf } from '../support/docker-engine.js';
import { importBusybox } from '../support/lab-images.js';
import { dockerAt } from '../support/docker-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CONFIG = join(ROOT, 'deploy', 'haproxy.cfg');

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** One raw HTTP call, as any client of the proxy could make it. */
function call(port: number, method: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('the socket proxy from deploy/haproxy.cfg, in front of the real engine', () => {
  const dockerHost = inject('dockerHost');
  const id = randomUUID().slice(0, 8);
  const image = `gorae-proxy-${id}:1`;
  const docker = (...args: string[]) => dockerAt(dockerHost, args);
  let proxy: ChildProcess;
  let proxyLog = '';
  let port: number;
  /** The engine's own API version prefix (`/v1.41`); test names write it `/v1.xx`. */
  let v = '';
  let work: string;
  let services: LabServices;

  beforeAll(async () => {
    const socket = socketOf(dockerHost);
    if (!socket) throw new Error(`The proxy test needs the engine on a unix socket, not ${dockerHost}.`);
    port = await freePort();
    proxy = spawn('haproxy', ['-db', '-f', CONFIG], {
      env: { PATH: process.env.PATH, GORAE_PROXY_BIND: `127.0.0.1:${port}`, DOCKER_SOCKET: socket },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proxy.on('error', (error) => (proxyLog += `${error.message} (apt-get install haproxy)\n`));
    proxy.stdout?.on('data', (chunk: Buffer) => (proxyLog += chunk.toString()));
    proxy.stderr?.on('data', (chunk: Buffer) => (proxyLog += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while ((await call(port, 'GET', '/_ping').catch(() => undefined))?.status !== 200) {
      if (Date.now() > deadline || proxy.exitCode !== null) throw new Error(`HAProxy did not start:\n${proxyLog}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    v = `/v${(JSON.parse((await call(port, 'GET', '/version')).body) as { ApiVersion: string }).ApiVersion}`;
    await importBusybox(dockerHost, image);
    work = await mkdtemp(join(tmpdir(), 'gorae-proxy-'));
    // Built the way main builds them, with DOCKER_HOST naming the proxy as docker-compose.yml does.
    const hosts = readHosts({ DOCKER_HOST: `tcp://127.0.0.1:${port}`, GORAE_TLS_DIR: join(work, 'tls') });
    if (!hosts.ok) throw new Error(hosts.error.id);
    const engines = new Map([...hosts.value].map(([name, spec]) => [name, createEngine(spec, 10_000)]));
    services = { engines, exchange: createExchange(join(work, 'exchange')), clock: systemClock };
  });

  afterAll(async () => {
    proxy?.kill('SIGTERM');
    await docker('rmi', '--force', image, `gorae-proxy-${id}:tagged`).catch(() => undefined);
    if (work) await rm(work, { recursive: true, force: true });
  });

  const fill = (path: string) =>
    path.replaceAll('/v1.xx', v).replaceAll('{image}', image).replaceAll('{encoded}', encodeURIComponent(image)).replaceAll('{name}', `gorae-proxy-${id}`);
  const lab = (action: Record<string, unknown>) => runLab(labActionSchema.parse(action), services, { who: 'proxy test' });

  it('lets ps and images through, so the lab tables still fill', async () => {
    const ps = await lab({ action: 'ps', all: true });
    expect(ps.ok).toBe(true);
    const images = await lab({ action: 'images' });
    expect(images.ok && images.value.action === 'images' && images.value.rows.map((row) => `${row.repository}:${row.tag}`)).toContain(image);
    expect((await services.engines.get(DEFAULT_HOST)!.ping()).ok).toBe(true);
  });

  it('lets an image be saved to the exchange folder and loaded back', async () => {
    const saved = await lab({ action: 'save', images: [image], file: 'through-proxy.tar' });
    expect(saved).toMatchObject({ ok: true });
    await docker('rmi', image);
    const loaded = await lab({ action: 'load', file: 'through-proxy.tar', yes: true });
    expect(loaded).toMatchObject({ ok: true });
    await expect(docker('image', 'inspect', image)).resolves.toBeTruthy();
  });

  it.each([
    ['GET', '/_ping'],
    ['HEAD', '/_ping'],
    ['GET', '/v1.xx/version'],
    ['GET', '/v1.xx/info'],
    ['GET', '/v1.xx/containers/json?all=1'],
    ['GET', '/v1.xx/images/json'],
    ['GET', '/v1.xx/images/{image}/json'],
    ['GET', '/images/{encoded}/json'],
    ['GET', '/v1.xx/images/get?names={image}'],
    ['GET', '/v1.xx/images/{image}/get'],
  ])('admits %s %s, a call the bot makes', async (method, path) => {
    expect((await call(port, method, fill(path))).status).toBe(200);
  });

  it.each([
    ['DELETE', '/images/{image}'],
    ['DELETE', '/v1.xx/images/{image}?force=1'],
    ['POST', '/containers/create'],
    ['POST', '/v1.xx/containers/create?name={name}'],
    ['POST', '/images/create?fromImage=busybox&tag=latest'],
    ['POST', '/images/{image}/tag?repo={name}&tag=tagged'],
    ['POST', '/v1.xx/images/{image}/push'],
    ['POST', '/containers/abc/exec'],
    ['POST', '/v1.xx/build'],
    ['POST', '/v1.xx/images/prune'],
    ['POST', '/v1.xx/containers/abc/start'],
    ['PUT', '/v1.xx/containers/abc/archive?path=/'],
    ['POST', '/v1.xx/volumes/create'],
    ['POST', '/v1.xx/images/get?names={image}'],
    ['GET', '/v1.xx/images/load'],
    ['GET', '/containers/abc/archive?path=/'],
    ['GET', '/v1.xx/containers/abc/json'],
    ['GET', '/images/..%2Fcontainers%2Fabc/json'],
    ['GET', '/v1x41/_ping'],
  ])('refuses %s %s with 403 and changes nothing', async (method, path) => {
    const answer = await call(port, method, fill(path));
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ message: expect.stringContaining('Gorae socket proxy') });
    await expect(docker('image', 'inspect', image)).resolves.toBeTruthy();
    const { stdout } = await docker('ps', '-a', '--filter', `name=gorae-proxy-${id}`, '--format', '{{.Names}}');
    expect(stdout.trim()).toBe('');
    await expect(docker('image', 'inspect', `gorae-proxy-${id}:tagged`)).rejects.toThrow();
  });

  it('is the only way docker-compose.yml gives Gorae to the engine', async () => {
    const compose = parse(await readFile(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { environment?: Record<string, string>; volumes?: string[]; networks?: string[] }>;
      networks: Record<string, { internal?: boolean }>;
    };
    const { gorae, 'docker-proxy': socketProxy } = compose.services;
    expect(gorae?.environment?.DOCKER_HOST).toBe('tcp://docker-proxy:2375');
    expect(JSON.stringify(gorae?.volumes ?? [])).not.toContain('docker.sock');
    expect(socketProxy?.volumes).toContain('./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    expect(socketProxy?.volumes).toContain('/var/run/docker.sock:/var/run/docker.sock');
    expect(socketProxy?.networks).toEqual(['docker-api']);
    expect(compose.networks['docker-api']?.internal).toBe(true);
  });

  it('names the proxy by digest and builds Gorae on every up, so an archive the lab loads cannot retag what compose runs', async () => {
    const compose = parse(await readFile(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { image?: string; build?: string; pull_policy?: string }>;
    };
    const { gorae, 'docker-proxy': socketProxy } = compose.services;
    expect(socketProxy?.image).toMatch(/^haproxy:3\.2-alpine@sha256:[0-9a-f]{64}$/);
    expect(gorae).toMatchObject({ build: '.', image: 'gorae:0.1.0', pull_policy: 'build' });
  });
});
