import { existsSync } from 'node:fs';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docker26Cache, prepareDocker26, type Docker26Programs } from '../../scripts/docker26.mjs';
import { pingSocket, privateDockerdArgs, startLogged, stopAndRemove, waitUntil, type PrivateEngine, type Started } from './docker-engine.js';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** containerd's own root, state and sockets under `root`, and none of the Kubernetes plugin. */
const containerdConfig = (root: string): string => `version = 2
root = "${join(root, 'containerd', 'root')}"
state = "${join(root, 'containerd', 'state')}"
[grpc]
  address = "${join(root, 'containerd.sock')}"
[ttrpc]
  address = "${join(root, 'containerd.sock.ttrpc')}"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "${join(root, 'containerd', 'opt')}"
[plugins."io.containerd.grpc.v1.cri"]
  disable = true
`;

/**
 * Starts Debian 13's Docker 26 with the containerd image store on sockets under a temp folder: its
 * own containerd, then dockerd on it. Its matching docker CLI is linked next to its socket, where
 * the tests' CLI helper looks first (test/support/docker-cli.ts).
 */
export async function startContainerdEngine(programs: Docker26Programs): Promise<PrivateEngine> {
  const root = await mkdtemp(join(tmpdir(), 'gorae-dockerd26-'));
  const env = { ...process.env, PATH: [...programs.path, process.env.PATH ?? ''].join(delimiter) };
  await writeFile(join(root, 'containerd.toml'), containerdConfig(root));
  await writeFile(join(root, 'daemon.json'), JSON.stringify({ features: { 'containerd-snapshotter': true } }));
  await symlink(programs.docker, join(root, 'docker'));
  const started: Started[] = [];
  const stop = stopAndRemove(root, started);
  try {
    started.push(startLogged(programs.containerd, ['--config', join(root, 'containerd.toml')], env));
    await waitUntil(started[0]!, 'containerd', async () => existsSync(join(root, 'containerd.sock')));
    const dockerdArgs = [...privateDockerdArgs(root), `--config-file=${join(root, 'daemon.json')}`, `--containerd=${join(root, 'containerd.sock')}`];
    started.push(startLogged(programs.dockerd, dockerdArgs, env));
    await waitUntil(started[1]!, 'dockerd 26', () => pingSocket(join(root, 'docker.sock'), 500));
  } catch (error) {
    await stop();
    throw error;
  }
  return { dockerHost: `unix://${join(root, 'docker.sock')}`, root, stop };
}

/** The containerd-store engine, or why there is none: fetched (once) and started for this run. */
export async function containerdEngineOrProblem(): Promise<{ engine: PrivateEngine } | { problem: string }> {
  const prepared = prepareDocker26(docker26Cache(repository));
  if (!prepared.ok) return { problem: prepared.message };
  try {
    return { engine: await startContainerdEngine(prepared.programs) };
  } catch (error) {
    return { problem: `The Docker 26 engine (containerd image store) did not start: ${(error as Error).message}` };
  }
}
