import { createServer } from 'node:net';
import { dockerAt } from './docker-cli.js';
import { buildScene, importBusybox, removeLabelled, testLabel, type Scene } from './lab-images.js';

/** Two free consecutive TCP ports on 127.0.0.1, so a published range can collapse like the CLI shows it. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const first = await listenOnce(0);
    if (first !== undefined && first < 65_535 && (await listenOnce(first + 1)) !== undefined) return first;
  }
  throw new Error('no two consecutive free ports on 127.0.0.1');
}

function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

export interface ContainerScene extends Scene {
  /** What every container name of this scene starts with: `gorae-1a2b3c4d-`. */
  readonly namePrefix: string;
}

/**
 * Containers in every state `docker ps -a` can show, all labelled for this scene: created, running,
 * paused, exited 0 / 3 / 137, restarting (`--restart always` on a command that fails), one with
 * published and exposed ports on its own bridge network, and one whose command is Korean.
 */
export async function containerScene(dockerHost: string): Promise<ContainerScene> {
  const label = testLabel('core');
  const id = label.labelValue.slice(-8);
  const image = `gorae-bb-${id}:1`;
  const network = `gorae-net-${id}`;
  const namePrefix = `gorae-${id}-`;
  const docker = (...args: string[]) => dockerAt(dockerHost, args);
  const named = (suffix: string) => `${namePrefix}${suffix}`;
  const run = (suffix: string, ...args: string[]) => docker('run', '--label', label.label, '--name', named(suffix), ...args);

  await buildScene(dockerHost, label, async () => {
    await importBusybox(dockerHost, image, label.labels);
    await docker('network', 'create', '--label', label.label, network);
    const port = await freePortPair();

    await docker('create', '--label', label.label, '--name', named('created'), image, 'sh', '-c', 'sleep 1000');
    await run('running', '-d', image, 'sh', '-c', 'sleep 1000; echo done');
    await run('paused', '-d', image, 'sleep', '1000');
    await docker('pause', named('paused'));
    await run('exit0', image, 'sh', '-c', 'echo "done"');
    await run('exit3', image, 'sh', '-c', 'exit 3').catch(() => undefined);
    await run('killed', '-d', image, 'sleep', '1000');
    await docker('kill', named('killed'));
    await run('restarting', '-d', '--restart', 'always', image, 'sh', '-c', 'exit 1');
    const ports = ['-p', `127.0.0.1:${port}-${port + 1}:${port}-${port + 1}`, '-p', '127.0.0.1::80/udp', '--expose', '9000-9002'];
    await run('ports', '-d', '--network', network, ...ports, image, 'sleep', '1000');
    await run('korean', '-d', image, 'sh', '-c', 'echo 고래가 바다에서 헤엄쳐요; sleep 1000');
    await waitForRestarts(docker, named('restarting'));
  });

  return { ...label, image, namePrefix, docker, cleanup: () => removeLabelled(dockerHost, label.label) };
}

/**
 * The engine backs off between restarts (100 ms, 200 ms, …); after five the container spends
 * seconds at a time in "Restarting", so two listings a moment apart agree on its state.
 */
async function waitForRestarts(docker: Scene['docker'], name: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { stdout } = await docker('inspect', '--format', '{{.RestartCount}} {{.State.Restarting}}', name);
    const [count = '0', restarting] = stdout.trim().split(' ');
    if (Number(count) >= 5 && restarting === 'true') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} never settled into restarting`);
}
