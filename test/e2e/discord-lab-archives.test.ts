import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { resources } from '../../bot/i18n.js';
import { socketOf, startPrivateEngine, type PrivateEngine } from '../support/docker-engine.js';
import { editsOf, useLab, waitForEdit } from '../support/fake-discord/lab.js';
import { IDS } from '../support/fake-discord/payloads.js';
import { clickButton } from '../support/fake-discord/people.js';
import { dockerAt } from '../support/docker-cli.js';
import { importBusybox } from '../support/lab-images.js';
import { importRandomImage } from '../support/random-image.js';
import { throttledSocket, type ThrottledSocket } from '../support/throttled-socket.js';
import { contentOf, data, EPHEMERAL, finalEdit, type Json, type LabWorld, progressEdits, rejectedCalls, sentMessages, sha256Of, startLabWorld } from './lab-world.js';

const en = resources.en;

describe('saving and loading archives on a fake Discord', () => {
  let world: LabWorld;
  let spare: PrivateEngine;
  let stopping: Promise<void> | undefined;
  let proxies: ThrottledSocket[] = [];

  beforeAll(async () => {
    const dockerHost = inject('dockerHost');
    const run = Math.random().toString(36).slice(2, 8);
    spare = await startPrivateEngine();
    await importRandomImage(spare.dockerHost, 'gorae-dlab-spare/big:1', 24);
    // "slow" is the test engine seen through a narrow pipe; "spare" a private engine the tests stop mid-save.
    proxies = await Promise.all([
      throttledSocket(socketOf(dockerHost)!, `/tmp/gorae-dlab-${run}-slow.sock`, 2_500_000),
      throttledSocket(socketOf(spare.dockerHost)!, `/tmp/gorae-dlab-${run}-spare.sock`, 3_000_000),
    ]);
    world = await startLabWorld(dockerHost, { GORAE_HOSTS: `slow=${proxies[0]!.dockerHost},spare=${proxies[1]!.dockerHost}` });
    await importRandomImage(dockerHost, `${world.repo}/slow:1`, 10);
  });

  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(`bot output (last 6000 characters):\n${world.bot.output().slice(-6_000)}`)));

  afterAll(async () => {
    await world?.stop();
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await stopping;
    await spare?.stop();
  });

  it('saves with a live progress bar, tells a second save that the host is busy, and the real docker load accepts the file', async () => {
    const { id } = await useLab(world.fake, 'save', [
      { name: 'image', value: `${world.repo}/slow:1` },
      { name: 'file', value: 'slow.tar' },
      { name: 'host', value: 'slow' },
    ]);
    await waitForEdit(world.fake, { interaction: id }, (body) => String(body.content).startsWith('⏳'));
    const second = await useLab(world.fake, 'save', [{ name: 'image', value: world.app }, { name: 'host', value: 'slow' }], { person: 'operator' });
    const busy = contentOf(await finalEdit(world, second.id));
    expect(busy).toMatch(/^⚠️ slow is busy: alex started saving slow\.tar at \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);

    const done = await finalEdit(world, id, 30_000);
    const edits = editsOf(world.fake, { interaction: id });
    const progress = progressEdits(edits);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const deferred = world.fake.calls.find((call) => call.path.startsWith(`/interactions/${id}/`))!;
    const times = [deferred.at, ...progress.map((call) => call.at)];
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!, 'edits at most every 2 s').toBeGreaterThanOrEqual(1_950);
    const sha256 = await sha256Of(join(world.exchange, 'slow.tar'));
    expect(contentOf(done)).toMatch(/^✅ Saved slow\.tar \(1\d\.\d+MB\) in \d+\.\d{1,2}s, \d+(\.\d+)?[kM]B\/s\./);
    expect(contentOf(done)).toContain(`sha256:  ${sha256}`);
    expect(contentOf(done)).toContain('sha256sum -c slow.tar.sha256');
    expect(await readFile(join(world.exchange, 'slow.tar.sha256'), 'utf8')).toBe(`${sha256}  slow.tar\n`);

    const loaded = await dockerAt(spare.dockerHost, ['load', '-i', join(world.exchange, 'slow.tar')]);
    expect(loaded.stdout).toContain(`Loaded image: ${world.repo}/slow:1`);
  });

  it('shows what a load would replace, loads nothing on Cancel or a stranger’s click, and loads on Confirm', async () => {
    const tag = `${world.repo}/swap:1`;
    await world.docker('tag', world.app, tag);
    await world.docker('save', '-o', join(world.exchange, 'swap.tar'), tag);
    const incoming = (await world.docker('image', 'inspect', '--format', '{{.Id}}', tag)).stdout.trim();
    await importBusybox(inject('dockerHost'), tag, { 'gorae.test': `swap-${world.run}` });
    const current = (await world.docker('image', 'inspect', '--format', '{{.Id}}', tag)).stdout.trim();
    expect(current).not.toBe(incoming);
    const short = (id: string) => id.replace('sha256:', '').slice(0, 12);

    const cancelled = await useLab(world.fake, 'load', [{ name: 'file', value: 'swap.tar' }]);
    const plan = await waitForEdit(world.fake, { interaction: cancelled.id }, (body) => (body.components ?? []).length > 0);
    expect(contentOf(plan)).toContain('These tags already exist on default and will move to the loaded images:');
    expect(contentOf(plan)).toContain(`${tag}   ${short(current)} → ${short(incoming)}`);
    expect(contentOf(plan)).toContain('Load this into default? Nothing is loaded until alex presses **Load it**.');
    const message = world.fake.message(`interaction:${cancelled.id}`);
    for (const [person, label] of [['operator', 'Load it'], ['student', 'Cancel']] as const) {
      const stranger = await clickButton(world.fake, message, label, { person, place: 'lab' });
      expect(data(stranger)).toMatchObject({ flags: EPHEMERAL, content: en.discord.lab.confirm.notYours.replace('{{name}}', 'alex') });
    }
    expect((await clickButton(world.fake, message, 'Cancel', { person: 'engineer', place: 'lab' })).body).toEqual({ type: 6 });
    expect(contentOf(await finalEdit(world, cancelled.id))).toBe('OK, nothing was loaded from swap.tar.');
    expect((await world.docker('image', 'inspect', '--format', '{{.Id}}', tag)).stdout.trim()).toBe(current);

    const confirmed = await useLab(world.fake, 'load', [{ name: 'file', value: 'swap.tar' }]);
    await waitForEdit(world.fake, { interaction: confirmed.id }, (body) => (body.components ?? []).length > 0);
    await clickButton(world.fake, world.fake.message(`interaction:${confirmed.id}`), 'Load it', { person: 'engineer', place: 'lab' });
    expect(contentOf(await finalEdit(world, confirmed.id))).toMatch(
      new RegExp(`^✅ Loaded into default in \\d+\\.\\d{1,2}s, .*: ${tag}\n\`\`\`\nswap\\.tar \\(\\d+(\\.\\d+)?MB\\) holds 1 image\nThere's no swap\\.tar\\.sha256 beside it`),
    );
    expect((await world.docker('image', 'inspect', '--format', '{{.Id}}', tag)).stdout.trim()).toBe(incoming);
    await world.docker('rmi', current);
  });

  it('lets another admin save on the host while a load waits for Confirm: the host is taken by work, not by a question', async () => {
    const tag = `${world.repo}/wait:1`;
    await world.docker('tag', world.app, tag);
    await world.docker('save', '-o', join(world.exchange, 'wait.tar'), tag);
    await world.docker('rmi', tag);
    const load = await useLab(world.fake, 'load', [{ name: 'file', value: 'wait.tar' }]);
    await waitForEdit(world.fake, { interaction: load.id }, (body) => (body.components ?? []).length > 0);
    const save = await useLab(world.fake, 'save', [{ name: 'image', value: world.app }, { name: 'file', value: 'meanwhile.tar' }], { person: 'operator' });
    expect(contentOf(await finalEdit(world, save.id))).toMatch(/^✅ Saved meanwhile\.tar /);
    await clickButton(world.fake, world.fake.message(`interaction:${load.id}`), 'Load it', { person: 'engineer', place: 'lab' });
    expect(contentOf(await finalEdit(world, load.id))).toMatch(new RegExp(`^✅ Loaded into default in .*: ${tag}\n`));
    expect(await world.hasImage(tag)).toBe(true);
  });

  it('says in one line that the engine stopped mid-save, keeps no file, and that the engine cannot be reached afterwards', async () => {
    const { id } = await useLab(world.fake, 'save', [
      { name: 'image', value: 'gorae-dlab-spare/big:1' },
      { name: 'file', value: 'big.tar' },
      { name: 'host', value: 'spare' },
    ]);
    await waitForEdit(world.fake, { interaction: id }, (body) => /\[[█░]+\]/.test(String(body.content)));
    // SIGTERM would let dockerd finish the export first; a crash is what leaves a stream half-sent.
    process.kill(Number(await readFile(join(spare.root, 'docker.pid'), 'utf8')), 'SIGKILL');
    stopping = spare.stop();
    const failed = contentOf(await finalEdit(world, id));
    expect(failed).toMatch(/^⚠️ The engine on spare stopped answering in the middle of the save \(.+\)\. Nothing was kept;/);
    expect(failed.split('\n')).toHaveLength(1);
    expect((await world.files()).filter((file) => file.includes('big'))).toEqual([]);

    const down = await useLab(world.fake, 'ps', [{ name: 'host', value: 'spare' }], { locale: 'ko' });
    expect(contentOf(await finalEdit(world, down.id))).toMatch(/^⚠️ spare 호스트의 Docker 엔진\(.+spare\.sock\)에 연결할 수 없어요 \(/);
    const audit = await world.audit();
    expect(audit.find((entry) => entry.arguments.file === 'big.tar' && entry.phase === 'outcome')).toMatchObject({ outcome: 'failed', reason: 'lab.save.engineLost' });
  });

  it('posts a one-line summary of every run to the audit channel, pinging no one', async () => {
    const audit = await world.audit();
    const runs = audit.filter((entry) => entry.phase === 'outcome');
    const posts = world.fake.calls.filter((call) => call.method === 'POST' && call.path === `/channels/${IDS.auditChannel}/messages`);
    expect(posts).toHaveLength(runs.length);
    for (const post of posts) {
      expect(contentOf(post)).toMatch(/^(✅|⚠️|✋) <@\d+> 님이 <#\d+>에서 (실행한 )?`[^`\n]+` 명령(을 실행했어요|이 실패했어요|이 취소됐어요): ./);
      expect(contentOf(post)).not.toContain('\n');
      expect((post.body as Json).allowed_mentions).toEqual({ parse: [] });
    }
    expect(posts.map(contentOf)).toEqual(expect.arrayContaining([expect.stringMatching(/^✅ .*`docker save -o slow\.tar .*--host slow`.*slow\.tar \(/)]));
  });

  it('made only calls Discord accepts and sent every message with mentions off', () => {
    expect(rejectedCalls(world)).toEqual([]);
    const messages = sentMessages(world);
    expect(messages.length).toBeGreaterThan(10);
    for (const { where, allowedMentions } of messages) expect(allowedMentions, where).toMatchObject({ parse: [] });
  });
  it('on SIGTERM cancels a save in flight cleanly, says so, and exits 0 within 5 seconds', async () => {
    const { id } = await useLab(world.fake, 'save', [
      { name: 'image', value: `${world.repo}/slow:1` },
      { name: 'file', value: 'interrupted.tar' },
      { name: 'host', value: 'slow' },
      { name: 'force', value: true },
    ]);
    await waitForEdit(world.fake, { interaction: id }, (body) => /\[[█░]+\]/.test(String(body.content)));
    const { code, ms } = await world.bot.signal('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    expect(contentOf(editsOf(world.fake, { interaction: id }).at(-1)!)).toBe('The save on slow was cancelled. Nothing was kept.');
    expect((await world.files()).filter((file) => file.includes('interrupted'))).toEqual([]);
    expect((await world.audit()).at(-1)).toMatchObject({ phase: 'outcome', outcome: 'cancelled', reason: 'lab.save.cancelled' });
  });
});
