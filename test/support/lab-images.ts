import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { dockerAt, startImport } from './docker-cli.js';

/** Applets the lab test containers call; each is a link to the one static busybox. */
const APPLETS = ['sh', 'sleep', 'echo', 'true', 'false', 'cat', 'ls', 'kill'];

/**
 * Imports a tiny busybox image (no registry needed): `docker import` of a root file system with
 * /bin/busybox and its applet links. Labels let a test list only what it made.
 */
export async function importBusybox(dockerHost: string, tag: string, labels: Readonly<Record<string, string>> = {}): Promise<string> {
  const archive = pack();
  archive.entry({ name: 'bin', type: 'directory', mode: 0o755 });
  archive.entry({ name: 'bin/busybox', mode: 0o755 }, readFileSync('/bin/busybox'));
  for (const applet of APPLETS) archive.entry({ name: `bin/${applet}`, type: 'symlink', linkname: 'busybox' });
  archive.entry({ name: 'tmp', type: 'directory', mode: 0o1777 });
  archive.finalize();
  const changes = ['CMD ["sh"]', ...Object.entries(labels).map(([key, value]) => `LABEL ${key}=${value}`)];
  const imported = startImport(dockerHost, tag, changes);
  archive.pipe(imported.stdin);
  return imported.done;
}

export interface Scene {
  /** `key=value` that every container and image of this scene carries. */
  readonly label: string;
  readonly labelKey: string;
  readonly labelValue: string;
  readonly image: string;
  readonly docker: (...args: string[]) => Promise<{ stdout: string; stderr: string }>;
  cleanup(): Promise<void>;
}

/** Two free consecutive TCP ports on 127.0.0.1, so a published range can collapse like the CLI shows it. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const first = await listenOnce(0);
    if (first !== undefined && first < 65_535 && (await listenOnce(first + 1)) !== undefined) return first;
  }
  throw new Error('no two consecutive free ports on 127.0.0.1');
}

function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

/**
 * Containers in every state `docker ps -a` can show, all labelled for this scene: created, running,
 * paused, exited 0 / 3 / 137, restarting (`--restart always` on a command that fails), one with
 * published and exposed ports on its own bridge network, and one whose command is Korean.
 */
export async function containerScene(dockerHost: string): Promise<Scene> {
  const id = randomUUID().slice(0, 8);
  const labelKey = 'gorae.test';
  const labelValue = `core-${id}`;
  const label = `${labelKey}=${labelValue}`;
  const image = `gorae-bb-${id}:1`;
  const network = `gorae-net-${id}`;
  const docker = (...args: string[]) => dockerAt(dockerHost, args);
  const named = (suffix: string) => `gorae-${id}-${suffix}`;
  const run = (suffix: string, ...args: string[]) => docker('run', '--label', label, '--name', named(suffix), ...args);

  await importBusybox(dockerHost, image, { [labelKey]: labelValue });
  await docker('network', 'create', '--label', label, network);
  const port = await freePortPair();

  await docker('create', '--label', label, '--name', named('created'), image, 'sh', '-c', 'sleep 1000');
  await run('running', '-d', image, 'sh', '-c', 'sleep 1000; echo done');
  await run('paused', '-d', image, 'sleep', '1000');
  await docker('pause', named('paused'));
  await run('exit0', image, 'sh', '-c', 'echo "done"');
  await run('exit3', image, 'sh', '-c', 'exit 3').catch(() => undefined);
  await run('killed', '-d', image, 'sleep', '1000');
  await docker('kill', named('killed'));
  await run('restarting', '-d', '--restart', 'always', image, 'sh', '-c', 'exit 1');
  await run(
    'ports',
    '-d',
    '--network',
    network,
    '-p',
    `127.0.0.1:${port}-${port + 1}:${port}-${port + 1}`,
    '-p',
    '127.0.0.1::80/udp',
    '--expose',
    '9000-9002',
    image,
    'sleep',
    '1000',
  );
  await run('korean', '-d', image, 'sh', '-c', 'echo 고래가 바다에서 헤엄쳐요; sleep 1000');
  await waitForRestarts(docker, named('restarting'));

  return {
    label,
    labelKey,
    labelValue,
    image,
    docker,
    async cleanup() {
      const { stdout } = await docker('ps', '-aq', '--filter', `label=${label}`);
      const ids = stdout.split('\n').filter(Boolean);
      if (ids.length > 0) await docker('rm', '-f', ...ids).catch(() => undefined);
      await docker('network', 'rm', network).catch(() => undefined);
      await docker('rmi', '-f', image).catch(() => undefined);
    },
  };
}

/**
 * The engine backs off between restarts (100 ms, 200 ms, …); after five the container spends
 * seconds at a time in "Restarting", so two listings a moment apart agree on its state.
 */
async function waitForRestarts(docker: Scene['docker'], name: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { stdout } = await docker('inspect', '--format', '{{.RestartCount}} {{.State.Restarting}}', name);
    const [count = '0', restarting] = stdout.trim().split(' ');
    if (Number(count) >= 5 && restarting === 'true') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} never settled into restarting`);
}

/**
 * Images in every shape `docker images` shows, all labelled for this scene: one image under three
 * names (one with a registry), a dangling `<none>` left behind by re-importing a tag, and a build by
 * the classic builder, whose steps leave intermediate images that only `docker images -a` lists.
 */
export async function imageScene(dockerHost: string): Promise<Scene> {
  const id = randomUUID().slice(0, 8);
  const labelKey = 'gorae.test';
  const labelValue = `images-${id}`;
  const label = `${labelKey}=${labelValue}`;
  const image = `gorae-img-${id}:1`;
  const docker = (...args: string[]) => dockerAt(dockerHost, args);
  const labels = { [labelKey]: labelValue };

  await importBusybox(dockerHost, image, labels);
  await docker('tag', image, `gorae-img-${id}-alias:2`);
  await docker('tag', image, `localhost:5000/gorae-${id}/app:3`);
  await importBusybox(dockerHost, `gorae-img-${id}:old`, labels);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await importBusybox(dockerHost, `gorae-img-${id}:old`, labels);
  const context = await mkdtemp(join(tmpdir(), 'gorae-build-'));
  try {
    await writeFile(join(context, 'Dockerfile'), `FROM ${image}\nENV STEP=1\nCOPY Dockerfile /Dockerfile\nENV STEP=2\n`);
    await dockerAt(dockerHost, ['build', '-q', '-t', `gorae-img-${id}-built:1`, context], { DOCKER_BUILDKIT: '0' });
  } finally {
    await rm(context, { recursive: true, force: true });
  }

  return {
    label,
    labelKey,
    labelValue,
    image,
    docker,
    async cleanup() {
      const { stdout } = await docker('images', '-aq', '--filter', `label=${label}`);
      const ids = [...new Set(stdout.split('\n').filter(Boolean))];
      if (ids.length > 0) await docker('rmi', '-f', ...ids).catch(() => undefined);
    },
  };
}
