import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Answers whether an engine answers `GET /_ping` on a unix socket. */
export function pingSocket(socketPath: string, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

export const socketOf = (dockerHost: string): string | undefined =>
  dockerHost.startsWith('unix://') ? dockerHost.slice('unix://'.length) : undefined;

export interface PrivateEngine {
  readonly dockerHost: string;
  readonly root: string;
  stop(): Promise<void>;
}

/** A program started for the tests, with the tail of what it wrote to stderr. */
export interface Started {
  readonly child: ChildProcess;
  log(): string;
}

export function startLogged(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Started {
  const child = spawn(command, [...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000);
  });
  return { child, log: () => log };
}

/** Waits until `ready` answers true; fails with the program's last log lines if it exits or a minute passes. */
export async function waitUntil(started: Started, name: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await ready())) {
    if (started.child.exitCode !== null || Date.now() > deadline) {
      started.child.kill('SIGKILL');
      throw new Error(`${name} did not start (exit ${started.child.exitCode}). Last log lines:\n${started.log()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM, then SIGKILL if the program has not exited within 15 s. */
export async function stopStarted({ child }: Started): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  // The deadline is cleared once the program exits: a pending timer would hold vitest open for 15 s.
  let deadline: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((r) => (deadline = setTimeout(r, 15_000)))]);
  clearTimeout(deadline);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** dockerd's flags for an engine of its own under `root`, without touching the host's networking (no iptables rules, no bridge). */
export const privateDockerdArgs = (root: string): string[] => [
  `--host=unix://${join(root, 'docker.sock')}`,
  `--data-root=${join(root, 'data')}`,
  `--exec-root=${join(root, 'exec')}`,
  `--pidfile=${join(root, 'docker.pid')}`,
  '--iptables=false',
  '--ip6tables=false',
  '--bridge=none',
  // A throwaway engine need not wait for its containers to stop gracefully on the way out.
  '--shutdown-timeout=2',
];

/** Stops what was started, newest first, then removes the folder and whatever is still mounted below it. */
export const stopAndRemove = (root: string, started: readonly Started[]) => async (): Promise<void> => {
  for (const program of [...started].reverse()) await stopStarted(program);
  await unmountBelow(root);
  await rm(root, { recursive: true, force: true }).catch(() => undefined);
};

/**
 * Starts a throwaway dockerd on its own socket and data root, so tests can run where no engine is
 * installed as a service.
 */
export async function startPrivateEngine(): Promise<PrivateEngine> {
  const root = await mkdtemp(join(tmpdir(), 'gorae-dockerd-'));
  const dockerd = startLogged('dockerd', [...privateDockerdArgs(root), '--storage-driver=overlay2']);
  const stop = stopAndRemove(root, [dockerd]);
  try {
    await waitUntil(dockerd, 'dockerd', () => pingSocket(join(root, 'docker.sock'), 500));
  } catch (error) {
    await stop();
    throw error;
  }
  return { dockerHost: `unix://${join(root, 'docker.sock')}`, root, stop };
}

/** The engine the tests should use: DOCKER_HOST, else the default socket, else a private dockerd. */
export async function findOrStartEngine(): Promise<{ dockerHost: string; stop?: () => Promise<void> }> {
  const named = process.env.DOCKER_HOST;
  if (named) {
    const socket = socketOf(named);
    if (socket && !(await pingSocket(socket))) throw new Error(`DOCKER_HOST=${named} does not answer /_ping.`);
    return { dockerHost: named };
  }
  if (existsSync('/var/run/docker.sock') && (await pingSocket('/var/run/docker.sock'))) {
    return { dockerHost: 'unix:///var/run/docker.sock' };
  }
  if (!hasDockerd()) {
    throw new Error(
      'The lab tests need a Docker Engine. Start one (or set DOCKER_HOST), or install dockerd ' +
        "(Debian: apt-get install docker.io busybox-static) and run the tests as root so they can start a private one.",
    );
  }
  const engine = await startPrivateEngine();
  return { dockerHost: engine.dockerHost, stop: () => engine.stop() };
}

function hasDockerd(): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, 'dockerd')));
}

/** A dockerd that was killed leaves its mounts behind; undo them (deepest first) so the folder can go. */
export async function unmountBelow(root: string): Promise<void> {
  let mountinfo: string;
  try {
    mountinfo = await readFile('/proc/self/mountinfo', 'utf8');
  } catch {
    return;
  }
  const points = mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((point): point is string => point !== undefined && (point === root || point.startsWith(`${root}/`)))
    .sort((a, b) => b.length - a.length);
  // Asynchronously: a synchronous child here can trip libuv's signal handling in the test worker.
  for (const point of points) await new Promise((resolve) => execFile('umount', ['-l', point], resolve));
}
