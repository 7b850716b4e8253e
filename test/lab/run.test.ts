import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../bot/core/clock.js';
import { tablePages } from '../../bot/discord/lab/table-pages.js';
import { createEngine, type Engine } from '../../bot/lab/engine.js';
import { createExchange } from '../../bot/lab/exchange.js';
import { readHosts } from '../../bot/lab/hosts.js';
import { parseLab } from '../../bot/lab/parse.js';
import { runLab, type LabServices } from '../../bot/lab/run.js';
import { dockerAt } from '../support/docker-cli.js';
import { importBusybox, removeLabelled, testLabel } from '../support/lab-images.js';

const dockerHost = inject('dockerHost');
const label = testLabel('run');
const id = label.labelValue.slice(-8);
const tag = `gorae-run-${id}:1`;
let base: string;
let services: LabServices;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'gorae-run-'));
  const hosts = readHosts({ DOCKER_HOST: dockerHost, GORAE_HOSTS: `down=unix://${join(base, 'nothing.sock')}`, GORAE_TLS_DIR: join(base, 'tls') });
  if (!hosts.ok) throw new Error(hosts.error.id);
  const engines = new Map<string, Engine>([...hosts.value].map(([name, spec]) => [name, createEngine(spec, 5_000)]));
  services = { engines, exchange: createExchange(join(base, 'exchange')), clock: systemClock };
  await importBusybox(dockerHost, tag, label.labels);
  await dockerAt(dockerHost, ['create', '--label', label.label, '--name', `gorae-run-${id}`, tag, 'true']);
});
afterAll(async () => {
  await removeLabelled(dockerHost, label.label);
  await rm(base, { recursive: true, force: true });
});

async function run(line: string) {
  const parsed = parseLab(line);
  if (!parsed.ok) throw new Error(parsed.error.id);
  return runLab(parsed.value.action, services, { who: 'tester' });
}

describe('running a parsed lab action', () => {
  it('runs ps on the default host and returns rows and pages', async () => {
    const result = await run(`docker ps -a --filter name=gorae-run-${id}`);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.action !== 'ps') return;
    expect(result.value.host).toBe('default');
    expect(result.value.rows.map((row) => [row.names, row.status, row.state])).toEqual([[`gorae-run-${id}`, 'Created', 'created']]);
    expect(result.value.table.text.split('\n')[0]).toMatch(/^CONTAINER ID {3}IMAGE/);
    expect(tablePages(result.value.table.text)[0]).toContain(`gorae-run-${id}`);
  });

  it('runs images and finds the test image', async () => {
    const result = await run('images');
    expect(result.ok && result.value.action === 'images' && result.value.rows.some((row) => `${row.repository}:${row.tag}` === tag)).toBe(true);
  });

  it('saves and loads through the exchange folder', async () => {
    const saved = await run(`save ${tag} --file run-${id}.tar`);
    expect(saved.ok && saved.value.action === 'save' && saved.value.report.file).toBe(`run-${id}.tar`);
    const loaded = await run(`load run-${id}.tar --yes`);
    expect(loaded.ok && loaded.value.action === 'load' && loaded.value.report.loaded).toEqual([tag]);
  });

  it('names the host when it is down, and refuses a host it does not know', async () => {
    const down = await run('ps --host down');
    expect(down.ok || down.error).toMatchObject({ id: 'lab.engine.unreachable', vars: { host: 'down' } });
    const unknown = await run('images --host nowhere');
    expect(unknown).toEqual({ ok: false, error: { id: 'lab.host.unknown', vars: { host: 'nowhere', known: 'default, down' } } });
  });

  it('names a missing image before anything is written', async () => {
    const missing = await run(`save gorae-missing-${id}:1 --file missing-${id}.tar`);
    expect(missing.ok || missing.error).toEqual({ id: 'lab.image.missing', vars: { host: 'default', image: `gorae-missing-${id}:1` } });
  });
});
