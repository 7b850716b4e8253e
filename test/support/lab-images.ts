import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { dockerAt, startImport } from './docker-cli.js';

/** Applets the lab test containers call; each is a link to the one static busybox. */
const APPLETS = ['sh', 'sleep', 'echo', 'true', 'false', 'cat', 'ls', 'kill'];

/** The label key every test image and container carries; each scene or harness has its own value. */
export const LABEL_KEY = 'gorae.test';

export interface TestLabel {
  readonly labelKey: string;
  readonly labelValue: string;
  /** `key=value`, as `--label` and `--filter label=` take it. */
  readonly label: string;
  /** The same as `importBusybox` / `importRandomImage` take it. */
  readonly labels: Readonly<Record<string, string>>;
}

/** A label value nobody else uses: `prefix-1a2b3c4d`. */
export function testLabel(prefix: string): TestLabel {
  const labelValue = `${prefix}-${randomUUID().slice(0, 8)}`;
  return { labelKey: LABEL_KEY, labelValue, label: `${LABEL_KEY}=${labelValue}`, labels: { [LABEL_KEY]: labelValue } };
}

/** A root file system with /bin/busybox and its applet links, as a tar stream. */
function busyboxRoot(): ReturnType<typeof pack> {
  const archive = pack();
  archive.entry({ name: 'bin', type: 'directory', mode: 0o755 });
  archive.entry({ name: 'bin/busybox', mode: 0o755 }, readFileSync('/bin/busybox'));
  for (const applet of APPLETS) archive.entry({ name: `bin/${applet}`, type: 'symlink', linkname: 'busybox' });
  archive.entry({ name: 'tmp', type: 'directory', mode: 0o1777 });
  archive.finalize();
  return archive;
}

/**
 * Imports a tiny busybox image (no registry needed): `docker import` of a root file system with
 * /bin/busybox and its applet links. Labels let a test list, and remove, only what it made.
 */
export async function importBusybox(dockerHost: string, tag: string, labels: Readonly<Record<string, string>> = {}): Promise<string> {
  const changes = ['CMD ["sh"]', ...Object.entries(labels).map(([key, value]) => `LABEL ${key}=${value}`)];
  const imported = startImport(dockerHost, tag, changes);
  busyboxRoot().pipe(imported.stdin);
  return imported.done;
}

async function buffered(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * An archive in the layout `docker save` wrote before Docker 25 (manifest.json, a config named by
 * its digest, one `<layer id>/layer.tar`): what `docker load` still takes from older engines.
 */
export async function legacyArchive(tag: string, layer: Buffer, created: Date, labels: Readonly<Record<string, string>>): Promise<Buffer> {
  const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
  const config = JSON.stringify({
    architecture: process.arch === 'arm64' ? 'arm64' : 'amd64',
    os: 'linux',
    created: created.toISOString(),
    config: { Cmd: ['sh'], Labels: labels },
    rootfs: { type: 'layers', diff_ids: [`sha256:${sha(layer)}`] },
  });
  const id = sha(config);
  const archive = pack();
  archive.entry({ name: `${id}.json` }, config);
  archive.entry({ name: `${sha(layer)}/layer.tar` }, layer);
  archive.entry({ name: 'manifest.json' }, JSON.stringify([{ Config: `${id}.json`, RepoTags: [tag], Layers: [`${sha(layer)}/layer.tar`] }]));
  archive.finalize();
  return buffered(archive);
}

/**
 * A busybox image made `ageMs` ago, so CREATED can read "2 days ago" or "3 months ago": a legacy
 * archive with a back-dated config, put in with the real `docker load`; returns its image id.
 */
export async function loadAgedBusybox(dockerHost: string, tag: string, ageMs: number, labels: Readonly<Record<string, string>>): Promise<string> {
  const archive = await legacyArchive(tag, await buffered(busyboxRoot()), new Date(Date.now() - ageMs), labels);
  const dir = await mkdtemp(join(tmpdir(), 'gorae-aged-'));
  try {
    await writeFile(join(dir, 'aged.tar'), archive);
    await dockerAt(dockerHost, ['load', '-q', '-i', join(dir, 'aged.tar')]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return (await dockerAt(dockerHost, ['image', 'inspect', '--format', '{{.Id}}', tag])).stdout.trim();
}

/**
 * Removes every container, image and network that carries `label`, dangling and intermediate
 * images included, and fails when an image stays behind: a test may not litter the engine.
 */
export async function removeLabelled(dockerHost: string, label: string): Promise<void> {
  const docker = (...args: string[]) => dockerAt(dockerHost, args);
  const list = async (...args: string[]) => [...new Set((await docker(...args, '--filter', `label=${label}`)).stdout.split('\n').filter(Boolean))];
  const containers = await list('ps', '-aq');
  if (containers.length > 0) await docker('rm', '-f', ...containers);
  const networks = await list('network', 'ls', '-q');
  if (networks.length > 0) await docker('network', 'rm', ...networks);
  // An image with children cannot go before them; whatever order the list comes in, a few rounds do it.
  for (let round = 0; round < 5; round += 1) {
    const images = await list('images', '-aq');
    if (images.length === 0) return;
    await docker('rmi', '-f', ...images).catch(() => undefined);
  }
  throw new Error(`images labelled ${label} are still on the engine after cleanup`);
}

export interface Scene extends TestLabel {
  readonly image: string;
  readonly docker: (...args: string[]) => Promise<{ stdout: string; stderr: string }>;
  cleanup(): Promise<void>;
}

/** Builds a scene; if a step fails half-way, what was made so far is removed before the error goes on. */
export async function buildScene<T>(dockerHost: string, label: TestLabel, build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    await removeLabelled(dockerHost, label.label).catch(() => undefined);
    throw error;
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Images in every shape `docker images` shows, all labelled for this scene: one image under three
 * names (one with a registry), a dangling `<none>` left behind by moving a tag, a build by
 * the classic builder, whose steps leave intermediate images that only `docker images -a` lists,
 * and images made days, weeks and months ago.
 */
export async function imageScene(dockerHost: string): Promise<Scene> {
  const label = testLabel('images');
  const id = label.labelValue.slice(-8);
  const image = `gorae-img-${id}:1`;
  const docker = (...args: string[]) => dockerAt(dockerHost, args);

  await buildScene(dockerHost, label, async () => {
    await importBusybox(dockerHost, image, label.labels);
    await docker('tag', image, `gorae-img-${id}-alias:2`);
    await docker('tag', image, `localhost:5000/gorae-${id}/app:3`);
    await importBusybox(dockerHost, `gorae-img-${id}:old`, label.labels);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // Moving a tag leaves its old image dangling on both image stores; re-importing it does so only on the classic one.
    await importBusybox(dockerHost, `gorae-img-${id}:new`, label.labels);
    await docker('tag', `gorae-img-${id}:new`, `gorae-img-${id}:old`);
    await docker('rmi', `gorae-img-${id}:new`);
    // Ages where rounding would show: 2 days 14 hours is "2 days", 18 days "2 weeks", 74 days "2 months".
    for (const [name, ageMs] of [['days', 2 * DAY + 14 * HOUR], ['weeks', 18 * DAY], ['months', 74 * DAY]] as const) {
      await loadAgedBusybox(dockerHost, `gorae-img-${id}-aged:${name}`, ageMs, { ...label.labels, 'gorae.age': name });
    }
    const context = await mkdtemp(join(tmpdir(), 'gorae-build-'));
    try {
      await writeFile(join(context, 'Dockerfile'), `FROM ${image}\nENV STEP=1\nCOPY Dockerfile /Dockerfile\nENV STEP=2\n`);
      await dockerAt(dockerHost, ['build', '-q', '-t', `gorae-img-${id}-built:1`, context], { DOCKER_BUILDKIT: '0' });
    } finally {
      await rm(context, { recursive: true, force: true });
    }
  });

  return { ...label, image, docker, cleanup: () => removeLabelled(dockerHost, label.label) };
}
