import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { typeIntoLab, useLab } from '../support/fake-discord/lab.js';
import type { RecordedCall } from '../support/fake-discord/server.js';
import { contentOf, data, finalEdit, type Json, type LabWorld, startLabWorld } from './lab-world.js';

const choicesOf = (call: RecordedCall): string[] => (data(call).choices as Json[]).map((choice) => choice.value);

/** The test engine under two names (`default`, `spare`) and a host whose engine is gone. */
describe('the whole lab at a glance on a fake Discord', () => {
  let world: LabWorld;

  beforeAll(async () => {
    const dockerHost = inject('dockerHost');
    world = await startLabWorld(dockerHost, { GORAE_HOSTS: `spare=${dockerHost},gone=unix:///nonexistent/gorae/docker.sock` });
    await world.docker('create', '--name', `dlab-${world.run}-glance`, world.app, 'true');
  });

  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(`bot output (last 6000 characters):\n${world.bot.output().slice(-6_000)}`)));

  afterAll(async () => {
    await world?.stop();
  });

  it('offers host all for ps and images, never for save or load', async () => {
    const host = [{ name: 'host', value: '', focused: true }];
    expect(choicesOf(await typeIntoLab(world.fake, 'images', host))).toEqual(['default', 'spare', 'gone', 'all']);
    expect(choicesOf(await typeIntoLab(world.fake, 'save', [{ name: 'image', value: world.app }, ...host]))).toEqual(['default', 'spare', 'gone']);
  });

  it('shows one table with HOST first and, under it, the host that did not answer and why', async () => {
    const { id } = await useLab(world.fake, 'ps', [{ name: 'all', value: true }, { name: 'name', value: `dlab-${world.run}-glance` }, { name: 'host', value: 'all' }]);
    const content = contentOf(await finalEdit(world, id));
    expect(content).toMatch(/every host/);
    expect(content).toMatch(/```\nHOST {6}CONTAINER ID {3}IMAGE/);
    const rows = content.split('\n').filter((line) => line.endsWith(`dlab-${world.run}-glance`));
    expect(rows.map((line) => line.split(' ')[0])).toEqual(['default', 'spare']);
    expect(content).toMatch(/```\nNot in the table \(1 of 3 hosts did not answer\):\n- \*\*gone\*\*: Gorae can't reach the Docker Engine of the host "gone" at \/nonexistent\/gorae\/docker\.sock/);
    const audit = (await world.audit()).filter((line) => line.action === 'ps' && line.arguments.host === 'all');
    expect(audit.map((line) => [line.phase, line.outcome])).toEqual([
      ['attempt', 'started'],
      ['outcome', 'ran'],
    ]);
    expect(audit[1]!.details).toEqual({ 'unanswered.gone': 'lab.engine.unreachable' });
  });

  it('says it in Korean to a Korean client', async () => {
    const { id } = await useLab(world.fake, 'images', [{ name: 'host', value: 'all' }], { locale: 'ko' });
    const content = contentOf(await finalEdit(world, id));
    expect(content).toMatch(/```\nHOST {6}REPOSITORY/);
    expect(content).toMatch(/표에 없는 호스트 \(3개 중 1개가 응답하지 않았어요\):\n- \*\*gone\*\*: /);
  });

  it('refuses host all for a save, which runs on one host', async () => {
    const { id } = await useLab(world.fake, 'save', [{ name: 'image', value: world.app }, { name: 'host', value: 'all' }]);
    expect(contentOf(await finalEdit(world, id))).toContain('--host all works with ps and images only');
  });
});
