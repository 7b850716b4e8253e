import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../bot/core/clock.js';
import { createEngine } from '../../bot/lab/engine.js';
import { createExchange } from '../../bot/lab/exchange.js';
import { readHosts } from '../../bot/lab/hosts.js';
import { runLab, type LabServices } from '../../bot/lab/run.js';
import { dockerAt } from '../support/docker-cli.js';
import { findOrStartEngine, startPrivateEngine } from '../support/docker-engine.js';
import { importBusybox, removeLabelled, testLabel } from '../support/lab-images.js';
import type { Figure } from './run.js';

const LABEL = testLabel('bench-whole');
const TAG = `gorae-${LABEL.labelValue}/ps:1`;
/** Containers on each host that answers: a page or two of `docker ps -a` on a busy lab machine. */
const CONTAINERS = 60;
const ROUNDS = 9;
/** Each host's own deadline for a listing; a stopped host refuses at once, well inside it. */
const CALL_MS = 5_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * `ps -a --host all` over three hosts — the bench's engine, a second private engine, and a third
 * that was started and then stopped, so every answer carries one failure row — against what an
 * admin would do with the CLI: the same `docker ps -a --filter name=…` against each host at once,
 * the stopped one included.
 */
export default async function bench(): Promise<Figure[]> {
  const first = await findOrStartEngine();
  const [second, stopped] = await Promise.all([startPrivateEngine(), startPrivateEngine()]);
  await stopped.stop();
  const base = await mkdtemp(join(tmpdir(), 'gorae-bench-whole-'));
  const addresses = { default: first.dockerHost, second: second.dockerHost, stopped: stopped.dockerHost };
  const hosts = readHosts({ DOCKER_HOST: first.dockerHost, GORAE_HOSTS: `second=${second.dockerHost},stopped=${stopped.dockerHost}`, GORAE_TLS_DIR: join(base, 'tls') });
  if (!hosts.ok) throw new Error(hosts.error.id);
  const services: LabServices = {
    engines: new Map([...hosts.value].map(([name, spec]) => [name, createEngine(spec, CALL_MS)])),
    exchange: createExchange(join(base, 'exchange')),
    clock: systemClock,
  };
  const timed = async <T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> => {
    const start = performance.now();
    const result = await work();
    return { result, seconds: (performance.now() - start) / 1000 };
  };

  try {
    for (const dockerHost of [first.dockerHost, second.dockerHost]) {
      await importBusybox(dockerHost, TAG, LABEL.labels);
      for (let from = 0; from < CONTAINERS; from += 10) {
        await Promise.all(
          Array.from({ length: 10 }, (_, i) => dockerAt(dockerHost, ['create', '--label', LABEL.label, '--name', `${LABEL.labelValue}-${from + i}`, TAG, 'true'])),
        );
      }
    }
    const cliRound = () =>
      Promise.all(Object.values(addresses).map((dockerHost) => dockerAt(dockerHost, ['ps', '-a', '--filter', `name=${LABEL.labelValue}`]).then(() => true, () => false)));
    const goraeRound = () => runLab({ action: 'ps', all: true, name: [LABEL.labelValue], host: 'all' }, services, { who: 'bench' });

    const cli: number[] = [];
    const gorae: number[] = [];
    let rows = 0;
    let unanswered: readonly string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const listed = await timed(goraeRound);
      if (!listed.result.ok || listed.result.value.action !== 'ps') throw new Error(`ps --host all failed: ${JSON.stringify(listed.result)}`);
      gorae.push(listed.seconds);
      rows = listed.result.value.rows.length;
      unanswered = listed.result.value.unanswered.map((failure) => `${failure.vars?.host}: ${failure.id}`);
      const answered = await timed(cliRound);
      if (answered.result.filter(Boolean).length !== 2) throw new Error('docker ps -a should answer on two of the three hosts');
      cli.push(answered.seconds);
    }
    if (rows !== 2 * CONTAINERS || unanswered.join() !== 'stopped: lab.engine.unreachable') {
      throw new Error(`ps --host all listed ${rows} rows and these unanswered hosts: ${unanswered.join(', ') || 'none'}`);
    }
    const ms = (seconds: number) => seconds * 1000;
    return [
      { name: 'ps -a, 3 hosts: docker ps -a on each at once (median)', value: ms(median(cli)), unit: 'ms' },
      { name: 'ps -a --host all, 3 hosts: Gorae (median)', value: ms(median(gorae)), unit: 'ms' },
      { name: 'ps --host all speed, Gorae / docker ps -a ×3', value: median(cli) / median(gorae), unit: 'x', target: 1, atLeast: true },
      { name: `ps --host all: ${2 * CONTAINERS} rows, hosts unanswered`, value: unanswered.length, unit: 'hosts', target: 1 },
    ];
  } finally {
    await rm(base, { recursive: true, force: true });
    try {
      await removeLabelled(first.dockerHost, LABEL.label);
      await second.stop();
    } finally {
      await first.stop?.();
    }
  }
}
