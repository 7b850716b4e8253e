import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { socketOf } from './docker-engine.js';

const execFileAsync = promisify(execFile);

/** The engine's own CLI when one is linked next to its socket (test/support/containerd-engine.ts), else `docker`. */
export function cliFor(dockerHost: string): string {
  const socket = socketOf(dockerHost);
  const beside = socket === undefined ? undefined : join(dirname(socket), 'docker');
  return beside !== undefined && existsSync(beside) ? beside : 'docker';
}

/** The real docker CLI against one engine (never a shell): the reference Gorae is compared with. */
export function dockerAt(
  dockerHost: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(cliFor(dockerHost), [...args], { env: { ...process.env, DOCKER_HOST: dockerHost, ...env }, maxBuffer: 16 << 20 });
}

/**
 * Starts `docker import - TAG` with its changes (`CMD [...]`, `LABEL k=v`); the caller streams a
 * root file system tar into `stdin`, and `done` resolves with the new image id.
 */
export function startImport(dockerHost: string, tag: string, changes: readonly string[]): { stdin: NodeJS.WritableStream; done: Promise<string> } {
  const child = spawn(cliFor(dockerHost), ['import', ...changes.flatMap((change) => ['-c', change]), '-', tag], {
    env: { ...process.env, DOCKER_HOST: dockerHost },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<string>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`docker import ${tag} failed (${code}): ${err}`)))),
  );
  return { stdin: child.stdin, done };
}
