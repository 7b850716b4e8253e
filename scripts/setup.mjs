// Makes `npm start` and `npm test` work on a fresh clone: with `--tests`, first makes sure the system
// packages the tests use are installed (or says which to install and stops); then installs dependencies
// when the lock file is newer than the installed tree, with `--tests` fetches the Docker 26 engine the
// lab tests also run on, and compiles the TypeScript when a source changed.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP, buildFacts, buildIsStale } from './build-freshness.mjs';
import { docker26Cache, prepareDocker26 } from './docker26.mjs';
import { canInstall, missingSystemPackages, stopMessage, systemPackagesPlan } from './system-packages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureSystemPackages() {
  const facts = canInstall();
  let plan = systemPackagesPlan({ missing: missingSystemPackages(), ...facts });
  if (plan.action === 'install') {
    console.error(`gorae: installing what the tests need: ${plan.packages.join(' ')}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], env);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...plan.packages], env);
    // Whatever apt-get could not provide is named below, before any test runs.
    plan = systemPackagesPlan({ missing: missingSystemPackages(), ...facts, installTried: true });
  }
  if (plan.action === 'stop') {
    console.error(stopMessage(plan));
    process.exit(1);
  }
}

if (process.argv.includes('--tests')) ensureSystemPackages();
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error('gorae: installing dependencies (first run)…');
  run(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
}
// After `npm ci`, which empties node_modules and with it the cache the engine is kept in.
if (process.argv.includes('--tests')) {
  console.error('gorae: making ready the Docker 26 engine with the containerd image store (Debian 13 packages)…');
  const docker26 = prepareDocker26(docker26Cache(root));
  // The tests on that engine fail with the same message; the others still run.
  if (!docker26.ok) console.error(`gorae: ${docker26.message}`);
}
if (buildIsStale(buildFacts(root))) {
  const began = new Date();
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  const stamp = join(root, BUILD_STAMP);
  closeSync(openSync(stamp, 'a'));
  utimesSync(stamp, began, began);
}
