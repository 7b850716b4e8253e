// The second engine the lab tests run on: Docker 26 with the containerd image store, as Debian 13
// ships it (docker.io, docker-cli, containerd). The packages are fetched with `apt-get download`
// through a private apt state folder, so the machine's own sources and package state stay untouched,
// and unpacked with `dpkg -x` into a cache folder; Debian 12's runc (installed with docker.io) runs
// the containers. Plain JavaScript: `npm test` fetches it before `npm ci` has installed anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOCKER26_SUITE = 'trixie';
export const DOCKER26_PACKAGES = ['docker.io', 'docker-cli', 'containerd'];

/** Where the unpacked engine is kept between runs (outside the repository's tracked files). */
export const docker26Cache = (root) => join(root, 'node_modules', '.cache', 'gorae', `docker26-${DOCKER26_SUITE}`);

/** The programs of an unpacked engine, and the folders to put first on its PATH. */
export function docker26Programs(cache) {
  const tree = join(cache, 'root');
  return {
    dockerd: join(tree, 'usr', 'sbin', 'dockerd'),
    containerd: join(tree, 'usr', 'bin', 'containerd'),
    docker: join(tree, 'usr', 'bin', 'docker'),
    path: [join(tree, 'usr', 'sbin'), join(tree, 'usr', 'bin')],
  };
}

function step(what, command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status === 0) return { ok: true, stdout: result.stdout };
  const said = `${result.error?.message ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-4).join('\n  ');
  return { ok: false, message: `${what} failed:\n  ${said}` };
}

/** apt-get options that point every state, cache and source file into `apt`. */
function privateApt(apt) {
  const options = {
    'Dir::Etc::SourceList': join(apt, 'sources.list'),
    'Dir::Etc::SourceParts': join(apt, 'sources.list.d'),
    'Dir::Etc::PreferencesParts': join(apt, 'preferences.d'),
    'Dir::State::Lists': join(apt, 'lists'),
    'Dir::State::status': join(apt, 'status'),
    'Dir::Cache': join(apt, 'cache'),
    'Debug::NoLocking': '1',
    // As root apt downloads as _apt, who cannot write into a root-owned private folder.
    ...(process.getuid?.() === 0 ? { 'APT::Sandbox::User': 'root' } : {}),
  };
  for (const dir of ['sources.list.d', 'preferences.d', 'lists/partial', 'cache/archives/partial', 'debs']) mkdirSync(join(apt, dir), { recursive: true });
  writeFileSync(join(apt, 'sources.list'), `deb http://deb.debian.org/debian ${DOCKER26_SUITE} main\n`);
  writeFileSync(join(apt, 'status'), '');
  return Object.entries(options).flatMap(([key, value]) => ['-o', `${key}=${value}`]);
}

/**
 * Fetches and unpacks the engine once; later calls find it in the cache. Answers
 * `{ ok: true, programs }` or `{ ok: false, message }` saying what could not be done.
 */
export function prepareDocker26(cache) {
  const programs = docker26Programs(cache);
  const ready = join(cache, 'ready');
  if (existsSync(ready)) return { ok: true, programs };
  rmSync(cache, { recursive: true, force: true });
  const apt = join(cache, 'apt');
  const options = privateApt(apt);
  const debs = join(apt, 'debs');
  const steps = [
    () => step(`apt-get update for Debian 13 (${DOCKER26_SUITE})`, 'apt-get', [...options, 'update', '-qq']),
    () => step(`apt-get download ${DOCKER26_PACKAGES.join(' ')}`, 'apt-get', [...options, 'download', ...DOCKER26_PACKAGES], debs),
    ...DOCKER26_PACKAGES.map((name) => () => {
      const deb = readdirSync(debs).find((file) => file.startsWith(`${name}_`) && file.endsWith('.deb'));
      return deb ? step(`dpkg -x ${deb}`, 'dpkg', ['-x', join(debs, deb), join(cache, 'root')]) : { ok: false, message: `apt-get download left no ${name} package` };
    }),
    () => {
      const version = step('dockerd --version', programs.dockerd, ['--version']);
      if (!version.ok || / 26\./.test(version.stdout)) return version;
      return { ok: false, message: `Debian 13's docker.io is no longer Docker 26: ${version.stdout.trim()}` };
    },
  ];
  for (const run of steps) {
    const done = run();
    if (!done.ok) return { ok: false, message: `The Docker 26 engine (containerd image store) for the lab tests is not available: ${done.message}` };
  }
  rmSync(apt, { recursive: true, force: true });
  writeFileSync(ready, '');
  return { ok: true, programs };
}
