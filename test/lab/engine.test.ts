import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEngine, type Engine } from '../../bot/lab/engine.js';
import { DEFAULT_HOST, readHosts } from '../../bot/lab/hosts.js';
import { socketOf } from '../support/docker-engine.js';
import { defaultEngine } from '../support/engines.js';
import { dockerAt } from '../support/docker-cli.js';
import { importBusybox, removeLabelled, testLabel } from '../support/lab-images.js';
import { sshInFrontOf, type SshEngine } from '../support/sshd.js';
import { labEngines, usableHost } from '../support/test-engines.js';
import { makePki, tlsInFrontOf, type Pki, type TlsEngine } from '../support/tls-proxy.js';

const dockerHost = inject('dockerHost');
const label = testLabel('engine');
const tag = `gorae-engine-${label.labelValue.slice(-8)}:1`;
let engine: Engine;

beforeAll(async () => {
  const hosts = readHosts({ DOCKER_HOST: dockerHost, GORAE_TLS_DIR: join(tmpdir(), 'gorae-no-tls') });
  if (!hosts.ok) throw new Error(hosts.error.id);
  engine = createEngine(hosts.value.get(DEFAULT_HOST)!, 10_000);
  await importBusybox(dockerHost, tag, label.labels);
});
afterAll(async () => {
  await removeLabelled(dockerHost, label.label);
});

/** A TCP peer that accepts and then says nothing: an engine that hangs. */
async function silentPeer(): Promise<{ server: Server; port: number }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** The test image exported whole through `engine` and loaded back through it. */
async function expectRoundTrip(engine: Engine): Promise<void> {
  const exported = await engine.exportImages([tag], new AbortController().signal);
  if (!exported.ok) throw new Error(exported.error.id);
  const chunks: Buffer[] = [];
  for await (const chunk of exported.value) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).length).toBeGreaterThan(1_900_000);
  expect(await engine.importImages(Readable.from(chunks), new AbortController().signal)).toEqual({ ok: true, value: [`Loaded image: ${tag}`] });
}

describe('the engine port on a real Docker Engine', () => {
  it('answers ping and lists containers and images', async () => {
    expect(await engine.ping()).toEqual({ ok: true, value: undefined });
    const containers = await engine.listContainers(true);
    expect(containers.ok && Array.isArray(containers.value)).toBe(true);
    const images = await engine.listImages({ all: false, dangling: false });
    expect(images.ok && images.value.some((image) => image.RepoTags?.includes(tag))).toBe(true);
  });

  it('inspects an image, and names a missing one with the host', async () => {
    const found = await engine.inspectImage(tag);
    expect(found.ok && found.value.RepoTags).toContain(tag);
    expect(await engine.inspectImage('gorae-missing:404')).toEqual({
      ok: false,
      error: { id: 'lab.image.missing', vars: { host: 'default', image: 'gorae-missing:404' } },
    });
  });

  it('streams an archive the engine exports, and refuses to export a missing image', async () => {
    const exported = await engine.exportImages([tag], new AbortController().signal);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    let bytes = 0;
    for await (const chunk of exported.value) bytes += (chunk as Buffer).length;
    expect(bytes).toBeGreaterThan(1_900_000);
    const missing = await engine.exportImages([tag, 'gorae-missing:404'], new AbortController().signal);
    expect(missing.ok || missing.error.id).toBe('lab.image.missing');
  });

  it('turns a cancel in the middle of a stream into a failure naming the host', async () => {
    const controller = new AbortController();
    const exported = await engine.exportImages([tag], controller.signal);
    if (!exported.ok) throw new Error(exported.error.id);
    const error = await (async () => {
      try {
        for await (const _chunk of exported.value) controller.abort();
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeDefined();
    expect(engine.failureOf(error)).toEqual({ id: 'lab.engine.cancelled', vars: { host: 'default' } });
  });

  it('loads an archive and reports what the engine loaded; a non-image tar is the engine\'s error, as a value', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gorae-engine-'));
    try {
      await dockerAt(dockerHost, ['save', '-o', join(dir, 'image.tar'), tag]);
      const loaded = await engine.importImages(createReadStream(join(dir, 'image.tar')), new AbortController().signal);
      expect(loaded).toEqual({ ok: true, value: [`Loaded image: ${tag}`] });
      await writeFile(join(dir, 'junk.tar'), Buffer.alloc(10_240));
      const junk = await engine.importImages(createReadStream(join(dir, 'junk.tar')), new AbortController().signal);
      expect(junk.ok || junk.error.id).toBe('lab.engine.failed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('an engine that is down, slow or refusing', () => {
  it('is unreachable when its socket is missing, and the failure names the host', async () => {
    const socketPath = join(tmpdir(), `gorae-${randomUUID()}.sock`);
    const gone = createEngine({ name: 'gone', kind: 'socket', socketPath }, 2_000);
    expect(await gone.ping()).toEqual({ ok: false, error: { id: 'lab.engine.unreachable', vars: { host: 'gone', address: socketPath, reason: 'ENOENT' } } });
    expect((await gone.listImages({ all: false, dangling: false })).ok).toBe(false);
  });

  it('is unreachable when nothing listens on its port', async () => {
    const { server, port } = await silentPeer();
    await new Promise((resolve) => server.close(resolve));
    const closed = createEngine({ name: 'closed', kind: 'tcp', hostname: '127.0.0.1', port }, 2_000);
    expect(await closed.listContainers(false)).toEqual({ ok: false, error: { id: 'lab.engine.unreachable', vars: { host: 'closed', address: `tcp://127.0.0.1:${port}`, reason: 'ECONNREFUSED' } } });
  });

  it('times out a metadata call that gets no answer, and a stream that stays idle', async () => {
    const { server, port } = await silentPeer();
    try {
      const slow = createEngine({ name: 'slow', kind: 'tcp', hostname: '127.0.0.1', port }, { callMs: 500, idleMs: 700, stagingMs: 900, totalMs: 60_000 });
      const started = Date.now();
      expect(await slow.ping()).toEqual({ ok: false, error: { id: 'lab.engine.timeout', vars: { host: 'slow', seconds: 1 } } });
      expect(Date.now() - started).toBeLessThan(5_000);
      const stream = await slow.exportImages(['x:1'], new AbortController().signal);
      expect(stream.ok || stream.error).toEqual({ id: 'lab.engine.timeout', vars: { host: 'slow', seconds: 1 } });
    } finally {
      server.close();
    }
  });

  it('gives a load all the time its upload takes, as long as bytes keep going up', async () => {
    const { server, port } = await silentPeer();
    server.on('connection', (socket) => socket.resume());
    try {
      const slow = createEngine({ name: 'slow', kind: 'tcp', hostname: '127.0.0.1', port }, { callMs: 500, idleMs: 400, stagingMs: 400, totalMs: 60_000 });
      const upload = Readable.from(
        (async function* () {
          for (let i = 0; i < 6; i++) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            yield Buffer.alloc(1_024);
          }
        })(),
      );
      const started = Date.now();
      const loaded = await slow.importImages(upload, new AbortController().signal);
      expect(loaded).toEqual({ ok: false, error: { id: 'lab.engine.timeout', vars: { host: 'slow', seconds: 1 } } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    } finally {
      server.close();
    }
  });

  it('times out a stream that stops half-way, after the engine has answered', async () => {
    const { server, port } = await silentPeer();
    server.on('connection', (socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ntar!\r\n'));
    });
    try {
      const stalled = createEngine({ name: 'stalled', kind: 'tcp', hostname: '127.0.0.1', port }, { callMs: 500, idleMs: 600, stagingMs: 5_000, totalMs: 60_000 });
      const exported = await stalled.exportImages(['x:1'], new AbortController().signal);
      if (!exported.ok) throw new Error(exported.error.id);
      const started = Date.now();
      const failure = await failureWhileReading(stalled, exported.value);
      expect(failure).toEqual({ id: 'lab.engine.timeout', vars: { host: 'stalled', seconds: 1 } });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      server.close();
    }
  });

  it('ends a stream that trickles a few bytes at a time once its whole time is up', async () => {
    const { server, port } = await silentPeer();
    const timers: NodeJS.Timeout[] = [];
    server.on('connection', (socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n');
        timers.push(setInterval(() => socket.write('4\r\ntar!\r\n'), 200));
      });
      socket.on('error', () => undefined);
    });
    try {
      const trickling = createEngine({ name: 'trickle', kind: 'tcp', hostname: '127.0.0.1', port }, { callMs: 500, idleMs: 600, stagingMs: 5_000, totalMs: 1_500 });
      const started = Date.now();
      const exported = await trickling.exportImages(['x:1'], new AbortController().signal);
      if (!exported.ok) throw new Error(exported.error.id);
      const failure = await failureWhileReading(trickling, exported.value);
      expect(failure).toEqual({ id: 'lab.engine.tooSlow', vars: { host: 'trickle', minutes: 1 } });
      // Past the 600 ms idle limit: the trickle kept it alive until the whole time was up.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      for (const timer of timers) clearInterval(timer);
      server.close();
    }
  });

  it('reports a streaming call cancelled before any answer as cancelled', async () => {
    const { server, port } = await silentPeer();
    try {
      const slow = createEngine({ name: 'slow', kind: 'tcp', hostname: '127.0.0.1', port }, 10_000);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      expect(await slow.exportImages(['x:1'], controller.signal)).toEqual({ ok: false, error: { id: 'lab.engine.cancelled', vars: { host: 'slow' } } });
    } finally {
      server.close();
    }
  });
});

/** Reads an export to its end; the failure that ended it early, as the engine names it. */
async function failureWhileReading(engine: Engine, stream: NodeJS.ReadableStream) {
  try {
    for await (const _chunk of stream);
  } catch (error) {
    return engine.failureOf(error);
  }
  return undefined;
}

describe('a second host over TLS', () => {
  let pki: Pki;
  let stranger: Pki;
  let front: TlsEngine;
  let tlsDir: string;

  beforeAll(async () => {
    [pki, stranger] = await Promise.all([makePki(), makePki()]);
    const socket = socketOf(dockerHost);
    if (!socket) throw new Error(`the TLS test needs a unix-socket engine, not ${dockerHost}`);
    front = await tlsInFrontOf(socket, pki);
    tlsDir = await mkdtemp(join(tmpdir(), 'gorae-tls-'));
    await pki.clientFolder(join(tlsDir, 'secure'));
    await stranger.clientFolder(join(tlsDir, 'stranger'));
  });
  afterAll(async () => {
    await front?.close();
    await Promise.all([pki?.cleanup(), stranger?.cleanup(), rm(tlsDir, { recursive: true, force: true })]);
  });

  it('talks to both hosts by name, with the certificates from the host\'s folder', async () => {
    const hosts = readHosts({ DOCKER_HOST: dockerHost, GORAE_HOSTS: `secure=tcp://127.0.0.1:${front.port}`, GORAE_TLS_DIR: tlsDir });
    if (!hosts.ok) throw new Error(hosts.error.id);
    expect(hosts.value.get('secure')).toMatchObject({ kind: 'tcp', tls: {} });
    const engines = [...hosts.value.values()].map((spec) => createEngine(spec, 10_000));
    const lists = await Promise.all(engines.map((each) => each.listImages({ all: false, dangling: false })));
    const tags = lists.map((list) => (list.ok ? list.value.flatMap((image) => image.RepoTags ?? []).filter((each) => each === tag) : list.error.id));
    expect(tags).toEqual([[tag], [tag]]);
  });

  it('is refused, naming the host, when its certificates come from another authority', async () => {
    const hosts = readHosts({ GORAE_HOSTS: `stranger=tcp://127.0.0.1:${front.port}`, GORAE_TLS_DIR: tlsDir });
    if (!hosts.ok) throw new Error(hosts.error.id);
    const refused = await createEngine(hosts.value.get('stranger')!, 5_000).ping();
    expect(refused.ok || refused.error).toMatchObject({ id: 'lab.engine.refused', vars: { host: 'stranger' } });
  });

  it('streams an archive out and back in over TLS, and refuses the stream with another authority\'s certificates', async () => {
    const hosts = readHosts({ GORAE_HOSTS: `secure=tcp://127.0.0.1:${front.port},stranger=tcp://127.0.0.1:${front.port}`, GORAE_TLS_DIR: tlsDir });
    if (!hosts.ok) throw new Error(hosts.error.id);
    await expectRoundTrip(createEngine(hosts.value.get('secure')!, 10_000));

    const refused = await createEngine(hosts.value.get('stranger')!, 5_000).exportImages([tag], new AbortController().signal);
    expect(refused.ok || refused.error).toMatchObject({ id: 'lab.engine.refused', vars: { host: 'stranger' } });
  });
});

describe('a host over ssh', () => {
  let sshd: SshEngine;
  let folders: string;

  beforeAll(async () => {
    sshd = await sshInFrontOf(dockerHost);
    folders = await mkdtemp(join(tmpdir(), 'gorae-ssh-'));
    await sshd.clientFolder(join(folders, 'edge'));
    await writeFile(join(folders, 'edge', 'host_key.pub'), sshd.hostKey);
    await sshd.clientFolder(join(folders, 'spoofed'));
    await writeFile(join(folders, 'spoofed', 'host_key.pub'), `ssh-ed25519 ${Buffer.alloc(51, 7).toString('base64')} someone-else`);
    await mkdir(join(folders, 'stranger'));
    const other = await sshInFrontOf(dockerHost);
    await other.clientFolder(join(folders, 'stranger'));
    await other.stop();
  }, 30_000);
  afterAll(async () => {
    await sshd?.stop();
    await rm(folders, { recursive: true, force: true });
  });

  const engineFor = (name: string) => {
    const hosts = readHosts({ GORAE_HOSTS: `${name}=ssh://root@127.0.0.1:${sshd.port}`, GORAE_TLS_DIR: folders });
    if (!hosts.ok) throw new Error(hosts.error.id);
    return createEngine(hosts.value.get(name)!, 10_000);
  };

  it('reaches the engine through `docker system dial-stdio` with the key from the host\'s folder, checking the server key', async () => {
    const edge = engineFor('edge');
    expect(await edge.ping()).toEqual({ ok: true, value: undefined });
    const images = await edge.listImages({ all: false, dangling: false });
    expect(images.ok && images.value.some((image) => image.RepoTags?.includes(tag))).toBe(true);
  });

  it('streams an archive out of the engine and back in over the ssh channel', async () => {
    await expectRoundTrip(engineFor('edge'));
  });

  it('makes a new connection for each call after the last one finished, however its channel was left', async () => {
    const edge = engineFor('edge');
    for (let round = 0; round < 6; round++) await expectRoundTrip(edge);
  }, 60_000);

  it('is refused, naming the host, when the server presents another key than the pinned one', async () => {
    expect(await engineFor('spoofed').ping()).toMatchObject({ ok: false, error: { id: 'lab.engine.refused', vars: { host: 'spoofed' } } });
    expect(await engineFor('spoofed').exportImages([tag], new AbortController().signal)).toMatchObject({
      ok: false,
      error: { id: 'lab.engine.refused', vars: { host: 'spoofed' } },
    });
  });

  it('is refused, naming the host, when the server does not accept our key', async () => {
    expect(await engineFor('stranger').ping()).toMatchObject({ ok: false, error: { id: 'lab.engine.refused', vars: { host: 'stranger' } } });
  });
});

describe('which image store an engine keeps its images in', () => {
  it.each([
    ['classic image store', 'classic'],
    ['containerd image store', 'containerd'],
  ] as const)('reads the %s from the engine itself', async (name, store) => {
    const testEngine = labEngines().find((candidate) => candidate.name === name)!;
    await expect(defaultEngine(usableHost(testEngine)).imageStore()).resolves.toEqual({ ok: true, value: store });
  });
});
