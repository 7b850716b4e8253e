import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SshEngine {
  readonly port: number;
  /** The server's public key line, for a host folder's host_key.pub. */
  readonly hostKey: string;
  /** Writes a private key the server accepts (id_ed25519) into a host's folder. */
  clientFolder(folder: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A private OpenSSH server on 127.0.0.1 whose sessions reach the test engine: what an
 * `ssh://user@lab-host` Docker host looks like. Needs root and openssh-server, as CI installs it.
 */
export async function sshInFrontOf(dockerHost: string): Promise<SshEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-sshd-'));
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id_ed25519')]);
  await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'id_ed25519.pub')));
  await mkdir('/run/sshd', { recursive: true });
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  await writeFile(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      `SetEnv DOCKER_HOST=${dockerHost}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sshd did not start: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const hostKey = (await readFile(join(dir, 'host_key.pub'), 'utf8')).trim();
  const privateKey = await readFile(join(dir, 'id_ed25519'), 'utf8');
  return {
    port,
    hostKey,
    async clientFolder(folder) {
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'id_ed25519'), privateKey, { mode: 0o600 });
    },
    async stop() {
      child.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
