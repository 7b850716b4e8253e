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

/**
 * Starts a throwaway dockerd on its own socket and data root, without touching the host's
 * networking (no iptables rules, no bridge), so tests can run where no engine is installed as a service.
 */
export async function startPrivateEngine(): Promise<PrivateEngine> {
  const root = await mkdtemp(join(tmpdir(), 'gorae-dockerd-'));
  const socket = join(root, 'docker.sock');
  const child: ChildProcess = spawn(
    'dockerd',
    [
      `--host=unix://${socket}`,
      `--data-root=${join(root, 'data')}`,
      `--exec-root=${join(root, 'exec')}`,
      `--pidfile=${join(root, 'docker.pid')}`,
      '--iptables=false',
      '--ip6tables=false',
      '--bridge=none',
      '--storage-driver=overlay2',
      // A throwaway engine need not wait for its containers to stop gracefully on the way out.
      '--shutdown-timeout=2',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000);
  });
  const deadline = Date.now() + 60_000;
  while (!(await pingSocket(socket, 500))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`dockerd did not start (exit ${child.exitCode}). Last log lines:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    dockerHost: `unix://${socket}`,
    root,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await unmountBelow(root);
      await rm(root, { recursive: true, force: true }).catch(() => undefined);
    },
  };
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
