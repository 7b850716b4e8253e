import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../bot/core/clock.js';
import type { ContainerInfo, Engine } from '../../bot/lab/engine.js';
import { createExchange } from '../../bot/lab/exchange.js';
import { PS_HEADER, psRows, psTable, type PsFilter } from '../../bot/lab/ps.js';
import { runLab } from '../../bot/lab/run.js';
import { renderTable } from '../../bot/lab/tables.js';
import { expectSameTable } from '../support/compare-tables.js';
import { defaultEngine } from '../support/engines.js';
import { containerScene, type ContainerScene } from '../support/lab-containers.js';
import { labEngines, usableHost } from '../support/test-engines.js';

const sandwich = async (gorae: () => Promise<{ text: string }>, cli: () => Promise<string>) => {
  const before = (await gorae()).text;
  const theirs = await cli();
  const after = (await gorae()).text;
  return { before, theirs, after };
};

const volatile = ['CREATED', 'STATUS'];

describe.each(labEngines())('ps against the real docker CLI on the same engine ($name)', (testEngine) => {
  let scene: ContainerScene;
  let engine: Engine;

  beforeAll(async () => {
    const dockerHost = usableHost(testEngine);
    engine = defaultEngine(dockerHost);
    scene = await containerScene(dockerHost);
  }, 120_000);
  afterAll(async () => {
    await scene?.cleanup();
  });

  /** Gorae's `ps` table for this scene's containers only, so other tests' containers don't interfere. */
  async function goraePs(all: boolean, filter: PsFilter = {}): Promise<{ text: string; containers: ContainerInfo[] }> {
    const listed = await engine.listContainers(all);
    if (!listed.ok) throw new Error(listed.error.id);
    const containers = listed.value.filter((container) => container.Labels?.[scene.labelKey] === scene.labelValue);
    return { text: renderTable(psTable(psRows(containers, new Date(), filter))).text, containers };
  }

  async function cliPs(...args: string[]): Promise<string> {
    return (await scene.docker('ps', ...args, '--filter', `label=${scene.label}`)).stdout;
  }

  it('has a container in every state the scene promises', async () => {
    const { containers } = await goraePs(true);
    expect(new Set(containers.map((container) => container.State))).toEqual(new Set(['created', 'running', 'paused', 'exited', 'restarting']));
    expect(containers.map((container) => container.Status)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Up .* \(Paused\)$/),
        expect.stringMatching(/^Exited \(0\) /),
        expect.stringMatching(/^Exited \(3\) /),
        expect.stringMatching(/^Exited \(137\) /),
        expect.stringMatching(/^Restarting \(1\) /),
        'Created',
      ]),
    );
  });

  it('prints the same table as `docker ps -a`, cell for cell', async () => {
    const { before, theirs, after } = await sandwich(() => goraePs(true), () => cliPs('-a'));
    expect(theirs).toContain('(Paused)');
    expect(theirs).toMatch(/127\.0\.0\.1:(\d+)-(\d+)->\1-\2\/tcp/);
    expect(theirs).toContain('9000-9002/tcp');
    expect(theirs).toContain('고래가');
    expectSameTable(theirs, before, after, { headers: PS_HEADER, volatile });
  });

  it('prints the same table as `docker ps` (running and paused only)', async () => {
    const { before, theirs, after } = await sandwich(() => goraePs(false), () => cliPs());
    expect(before).not.toContain('Exited');
    expectSameTable(theirs, before, after, { headers: PS_HEADER, volatile });
  });

  it('filters by state like `docker ps -a --filter status=exited`', async () => {
    const { before, theirs, after } = await sandwich(() => goraePs(true, { state: ['exited'] }), () => cliPs('-a', '--filter', 'status=exited'));
    expect(before.split('\n')).toHaveLength(4);
    expectSameTable(theirs, before, after, { headers: PS_HEADER, volatile });
  });

  it('looks past running containers for a state filter, as `docker ps --filter status=exited` does without -a', async () => {
    const ports = { engines: new Map([['default', engine]]), exchange: createExchange(join(tmpdir(), 'gorae-unused')), clock: systemClock };
    const gorae = async () => {
      const listed = await runLab({ action: 'ps', all: false, state: ['exited'], name: [scene.namePrefix] }, ports, { who: 'tester' });
      if (!listed.ok || listed.value.action !== 'ps') throw new Error(listed.ok ? listed.value.action : listed.error.id);
      return { text: listed.value.table.text };
    };
    const cli = async () => (await scene.docker('ps', '--filter', 'status=exited', '--filter', `name=${scene.namePrefix}`)).stdout;
    const { before, theirs, after } = await sandwich(gorae, cli);
    expect(before.split('\n')).toHaveLength(4);
    expectSameTable(theirs, before, after, { headers: PS_HEADER, volatile });
  });

  it('keeps what any of several filters of one kind matches, a name as a pattern, like `docker ps -a --filter status=exited --filter status=created --filter name=^…`', async () => {
    const filter = { state: ['exited', 'created'] as const, name: [`^${scene.namePrefix}`] };
    const { before, theirs, after } = await sandwich(
      () => goraePs(true, { state: [...filter.state], name: filter.name }),
      () => cliPs('-a', '--filter', 'status=exited', '--filter', 'status=created', '--filter', `name=^${scene.namePrefix}`),
    );
    expect(before.split('\n').length).toBeGreaterThan(2);
    expectSameTable(theirs, before, after, { headers: PS_HEADER, volatile });
  });

  it('filters by part of a name like `docker ps -a --filter name=…`', async () => {
    const { before, theirs, after } = await sandwich(() => goraePs(true, { name: ['korean'] }), () => cliPs('-a', '--filter', 'name=korean'));
    expect(before.split('\n')).toHaveLength(2);
    expectSameTable(theirs, before, after, { headers: PS_HEADER, volatile });
  });
});

describe('ps cells for what the scene cannot make', () => {
  const now = new Date(1_700_000_100_000);
  const base: ContainerInfo = {
    Id: 'e5b1ab3d4b0c4763caa88bee5b517d2a75d004b0b7eb6da18103421b9e0f5237',
    Names: ['/web'],
    Image: 'bb:1',
    ImageID: 'sha256:01aeed8c9cd87ad81d7bd9b9c98f2da699e245cfbf7ae67ef323a9cb43e32fe2',
    Command: 'sleep 1000',
    Created: 1_700_000_000,
    Ports: [],
    Labels: {},
    State: 'running',
    Status: 'Up About a minute',
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
  };
  const cells = (overrides: Partial<ContainerInfo>) => psRows([{ ...base, ...overrides }], now)[0]!;

  it('shows the image as the CLI does: familiar name, no digest, the short id for an id', () => {
    expect(cells({ Image: 'docker.io/library/busybox:1.36' }).image).toBe('busybox:1.36');
    expect(cells({ Image: `busybox@sha256:${'a'.repeat(64)}` }).image).toBe('busybox');
    expect(cells({ Image: `team/app:2@sha256:${'a'.repeat(64)}` }).image).toBe('team/app:2');
    expect(cells({ Image: base.ImageID }).image).toBe('01aeed8c9cd8');
    expect(cells({ Image: 'Not/A/Valid:Ref' }).image).toBe('Not/A/Valid:Ref');
    expect(cells({ Image: '' }).image).toBe('<no image>');
  });

  it('shows one name, skipping legacy link names', () => {
    expect(cells({ Names: ['/other/alias', '/web'] }).names).toBe('web');
    expect(cells({ Names: ['/a/b', '/c/d'] }).names).toBe('a/b,c/d');
  });

  it('filters by names as docker does, regular expressions matching anywhere, with or without the leading slash, and by state', () => {
    const list = [
      { ...base, Names: ['/Web-1'], State: 'running' },
      { ...base, Names: ['/db'], State: 'exited' },
      { ...base, Names: ['/web-2'], State: 'paused' },
    ];
    const names = (filter: Parameters<typeof psRows>[2]) => psRows(list, now, filter).map((row) => row.names);
    expect(names({ name: ['eb'] })).toEqual(['Web-1', 'web-2']);
    expect(names({ name: ['^web'] }), 'case counts, as in docker').toEqual(['web-2']);
    expect(names({ name: ['^/db'] })).toEqual(['db']);
    expect(names({ name: ['w.b-[0-9]'] })).toEqual(['web-2']);
    expect(names({ state: ['exited'] })).toEqual(['db']);
    expect(names({ name: ['Web', 'db'] }), 'one name filter or another').toEqual(['Web-1', 'db']);
    expect(names({ state: ['running', 'paused'] }), 'one state or another').toEqual(['Web-1', 'web-2']);
    expect(names({ name: ['web'], state: ['exited'] }), 'a name and a state').toEqual([]);
  });

  it('measures CREATED against the given clock', () => {
    expect(cells({}).created).toBe('About a minute ago');
  });

  it('keeps every value whole for JSON: the full ID, the whole command, an ISO time and every name', () => {
    const command = 'sh -c \'echo a very long command that the table cuts\'';
    const row = cells({ Command: command, Names: ['/web', '/other/alias'], Image: 'docker.io/library/busybox:1.36' });
    expect(row.command).not.toBe(command);
    expect(row.record).toEqual({
      id: base.Id,
      image: 'docker.io/library/busybox:1.36',
      command,
      created: '2023-11-14T22:13:20.000Z',
      status: 'Up About a minute',
      state: 'running',
      ports: '',
      names: ['web', 'other/alias'],
    });
  });
});
