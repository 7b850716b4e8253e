import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { resources } from '../../bot/i18n.js';
import { typeIntoLab, useLab, waitForEdit } from '../support/fake-discord/lab.js';
import { IDS } from '../support/fake-discord/payloads.js';
import { clickButton, say, useAsk } from '../support/fake-discord/people.js';
import type { RecordedCall } from '../support/fake-discord/server.js';
import { importBusybox } from '../support/lab-images.js';
import { contentOf, data, EPHEMERAL, finalEdit, type Json, type LabWorld, MENTION, NO_PINGS, rejectedCalls, sentMessages, startLabWorld } from './lab-world.js';

const en = resources.en;
const choicesOf = (call: RecordedCall): string[] => (data(call).choices as Json[]).map((choice) => choice.value);

describe('lab tables, choices and chat lines on a fake Discord', () => {
  let world: LabWorld;

  beforeAll(async () => {
    const dockerHost = inject('dockerHost');
    world = await startLabWorld(dockerHost, { GORAE_HOSTS: `spare=${dockerHost}` });
    await Promise.all([
      importBusybox(dockerHost, `${world.repo}/db:2`),
      ...Array.from({ length: 24 }, (_, index) =>
        world.docker('create', '--name', `dlab-${world.run}-a-container-with-a-long-descriptive-name-${String(index).padStart(2, '0')}`, world.app, 'sleep', '1'),
      ),
      world.docker('create', '--name', `dlab-${world.run}-hostile-everyone`, world.app, '```', '@everyone'),
      world.docker('create', '--name', `dlab-${world.run}-hostile-role`, world.app, `<@&${IDS.adminRole}>`),
    ]);
  });

  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(`bot output (last 6000 characters):\n${world.bot.output().slice(-6_000)}`)));

  afterAll(async () => {
    await world?.stop();
  });

  it('registers /lab (/실습) for servers only, with Korean names for every subcommand', () => {
    const lab = world.fake.commands.find((command) => command.name === 'lab') as Json;
    expect(lab).toMatchObject({ name_localizations: { ko: '실습' }, contexts: [0] });
    expect(lab.options.map((option: Json) => `${option.name}/${option.name_localizations.ko}`)).toEqual([
      'ps/컨테이너',
      'images/이미지',
      'save/저장',
      'load/불러오기',
      'gaps/모르는질문',
    ]);
  });

  it('offers images, archives and hosts to admins in the admin channel, and nothing to anyone else', async () => {
    await world.docker('save', '-o', join(world.exchange, 'offered.tar'), world.app);
    const image = [{ name: 'image', value: world.repo, focused: true }];
    expect(choicesOf(await typeIntoLab(world.fake, 'save', image))).toContain(world.app);
    const more = [{ name: 'image', value: world.app }, { name: 'more', value: `${world.app} ${world.repo}/d`, focused: true }];
    expect(choicesOf(await typeIntoLab(world.fake, 'save', more))).toEqual([`${world.app} ${world.repo}/db:2`]);
    expect(choicesOf(await typeIntoLab(world.fake, 'load', [{ name: 'file', value: 'offer', focused: true }], { person: 'operator', place: 'thread' }))).toEqual([
      'offered.tar',
    ]);
    expect(choicesOf(await typeIntoLab(world.fake, 'ps', [{ name: 'host', value: '', focused: true }]))).toEqual(['default', 'spare', 'all']);

    const strangers = [
      { person: 'student', place: 'lab' },
      { person: 'engineer', place: 'guild' },
      { person: 'operator', place: 'dm' },
    ] as const;
    for (const actor of strangers) {
      expect(data(await typeIntoLab(world.fake, 'save', image, actor)).choices, `${actor.person} in ${actor.place}`).toEqual([]);
      expect(data(await typeIntoLab(world.fake, 'load', [{ name: 'file', value: '', focused: true }], actor)).choices).toEqual([]);
    }
  });

  it('pages a long ps for the requester only, attaches the whole table, and shows hostile commands without pinging', async () => {
    const { id } = await useLab(world.fake, 'ps', [{ name: 'all', value: true }, { name: 'name', value: `dlab-${world.run}` }]);
    const first = await finalEdit(world, id);
    const body = first.body as Json;
    const pages = Number(/Page 1 of (\d+)/.exec(contentOf(first))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(body.components[0].components.map((button: Json) => [button.label, button.disabled])).toEqual([
      ['◀', true],
      ['▶', false],
    ]);
    expect(first.files.map((file) => file.name)).toEqual(['ps-default.txt']);
    const whole = first.files[0]!.data.toString('utf8');
    expect(whole.split('\n').filter((line) => line.includes(`dlab-${world.run}`))).toHaveLength(26);
    expect(whole).toContain('"``` @everyone"');

    const seen = [contentOf(first)];
    let message = world.fake.message(`interaction:${id}`);
    for (let page = 2; page <= pages; page += 1) {
      const stranger = await clickButton(world.fake, message, '▶', { person: 'operator', place: 'lab' });
      expect(data(stranger)).toMatchObject({ flags: EPHEMERAL, content: en.discord.lab.pages.notYours.replace('{{name}}', 'alex') });
      const turned = await clickButton(world.fake, message, '▶', { person: 'engineer', place: 'lab' });
      expect((turned.body as Json).type).toBe(7);
      expect(data(turned).content).toContain(`Page ${page} of ${pages}`);
      seen.push(data(turned).content);
      message = world.fake.message(`interaction:${turned.path.split('/')[2]}`);
    }
    const shown = seen.join('\n');
    for (const content of seen) {
      expect(content.length).toBeLessThanOrEqual(2_000);
      expect(content.match(/```/g)).toHaveLength(2);
    }
    expect(shown).toContain('"`\u200d`\u200d`\u200d @\u200beveryone"');
    expect(shown).not.toMatch(/@everyone|<@&\d/);
    const rows = shown.split('\n').filter((line) => /^[0-9a-f]{12} /.test(line));
    expect(rows).toHaveLength(26);
    expect(new Set(rows).size).toBe(26);
    expect(body.allowed_mentions).toEqual(NO_PINGS);

    const chat = await say(world.fake, `${MENTION} docker ps -a --filter name=dlab-${world.run}-hostile`, { place: 'thread' });
    const edited = await waitForEdit(world.fake, { channel: IDS.labThread, message: String((chat.response as Json).id) });
    expect(contentOf(edited)).toContain('@\u200beveryone');
    expect(contentOf(edited)).toContain(`<@\u200b&${IDS.adminRole.slice(0, 10)}`);
    expect((edited.body as Json).allowed_mentions).toEqual(NO_PINGS);
  });

  it('answers a bad file name and an unknown image with one clear line, in the person’s language', async () => {
    const path = await useLab(world.fake, 'load', [{ name: 'file', value: '../secret.tar' }]);
    expect(data(path.callback).flags).toBe(EPHEMERAL);
    expect(contentOf(await finalEdit(world, path.id))).toBe(`⚠️ ${en.lab.file.path.replace('{{file}}', '../secret.tar')}`);
    const missing = await useLab(world.fake, 'save', [{ name: 'image', value: `${world.repo}/nope:1` }], { locale: 'ko' });
    expect(contentOf(await finalEdit(world, missing.id))).toBe(
      `⚠️ default 호스트에 ${world.repo}/nope:1 이미지가 없어요. \`images\`로 이름을 확인해 주세요 (이름과 태그는 대소문자를 구분해요).`,
    );
  });

  it('runs /lab ps name:"a;b", and the same quoted chat line, as a name filter like any other: no shell, nothing to refuse', async () => {
    const { id, callback } = await useLab(world.fake, 'ps', [{ name: 'name', value: 'a;b' }]);
    expect(data(callback).flags, 'acknowledged in public, as a run').not.toBe(EPHEMERAL);
    const reply = contentOf(await finalEdit(world, id));
    expect(reply).toContain('`docker ps --filter name="a;b"`');
    expect(reply).toContain(en.lab.ps.emptyFiltered.replace('{{host}}', 'default'));
    const chat = await say(world.fake, `${MENTION} docker ps --filter "name=a;b"`, { place: 'thread' });
    const edited = await waitForEdit(world.fake, { channel: IDS.labThread, message: String((chat.response as Json).id) });
    expect(contentOf(edited), 'the same action from a chat line, quoted as a shell would need').toContain('`docker ps --filter name="a;b"`');
    expect(contentOf(edited)).toContain(resources.ko.lab.ps.emptyFiltered.replace('{{host}}', 'default'));
    const ran = (await world.audit()).filter((entry) => entry.action === 'ps' && JSON.stringify(entry.arguments.name) === '["a;b"]');
    expect(ran.map((entry) => [entry.phase, entry.outcome])).toEqual([
      ['attempt', 'started'],
      ['outcome', 'ran'],
      ['attempt', 'started'],
      ['outcome', 'ran'],
    ]);
  });

  it('refuses chat lines outside the whitelist in the admin channel, listing what it runs, and explains them as commands elsewhere', async () => {
    for (const line of ['docker rm -f web', 'docker run --privileged alpine', '; rm -rf /', '$(reboot)']) {
      const reply = await say(world.fake, `${MENTION} ${line}`, { place: 'lab' });
      expect(contentOf(reply), line).toMatch(/^⚠️ /);
      expect(contentOf(reply), line).toContain('```\nps [-a]');
      expect((reply.body as Json).allowed_mentions).toEqual(NO_PINGS);
    }
    const question = await say(world.fake, `${MENTION} docker rm -f web`, { place: 'guild' });
    expect((question.body as Json).embeds.map((embed: Json) => embed.title), 'explained like any pasted command').toEqual(['docker rm']);
    expect((question.body as Json).content, 'no "lab actions run elsewhere" note: rm is not a lab action anywhere').toBeUndefined();
    const audit = await world.audit();
    expect(audit.filter((entry) => entry.channel === IDS.channel), 'rm is no lab action, so nothing is audited').toEqual([]);
    const refused = audit.filter((entry) => entry.outcome === 'refused' && entry.channel === IDS.labChannel && 'line' in entry.arguments);
    expect(refused.map((entry) => [entry.action, entry.reason])).toEqual(
      expect.arrayContaining([
        ['rm', 'lab.parse.action'],
        ['run', 'lab.parse.action'],
        [';', 'lab.parse.unsafe'],
        ['$(reboot)', 'lab.parse.unsafe'],
      ]),
    );
  });

  it('lists recent unanswered questions for admins, made safe, and refuses everyone else', async () => {
    await useAsk(world.fake, 'how do I brew kombucha @everyone ```', { locale: 'en-US' });
    const gaps = await useLab(world.fake, 'gaps', [{ name: 'count', value: 5 }], { person: 'operator', place: 'thread' });
    const content = contentOf(await finalEdit(world, gaps.id));
    expect(content).toMatch(/^The last (\d+ )?questions? Gorae couldn't answer \(times? in UTC\):\n```\n/);
    expect(content).toContain('how do I brew kombucha @\u200beveryone `\u200d`\u200d`\u200d');
    expect(content.match(/```/g)).toHaveLength(2);
    const refused = await useLab(world.fake, 'gaps', [], { person: 'student' });
    expect(data(refused.callback).flags).toBe(EPHEMERAL);
  });

  it('runs nothing when the audit log cannot be written', async () => {
    await rename(world.auditPath, `${world.auditPath}.moved`);
    await mkdir(world.auditPath);
    try {
      const { id } = await useLab(world.fake, 'save', [{ name: 'image', value: world.app }, { name: 'file', value: 'never.tar' }]);
      expect(contentOf(await finalEdit(world, id))).toMatch(/^⚠️ Nothing ran: Gorae couldn't write the audit log .*audit\.jsonl \(EISDIR\)/);
      expect(await world.files()).not.toContain('never.tar');
    } finally {
      await rm(world.auditPath, { recursive: true });
      await rename(`${world.auditPath}.moved`, world.auditPath);
    }
  });

  it('goes by the roles Discord sends with each command, line and click — not its cache — and audits each Confirm it refuses', async () => {
    // The cache (GUILD_CREATE) says the operator holds the admin role; these requests say it was taken away.
    const roleTaken = { person: 'operator', place: 'lab', roles: [] } as const;
    const gateRefusal = { flags: EPHEMERAL, content: `⚠️ ${en.lab.gate.person}` };
    const slash = await useLab(world.fake, 'images', [], roleTaken);
    expect(data(slash.callback).flags).toBe(EPHEMERAL);
    expect(contentOf(await finalEdit(world, slash.id))).toBe(gateRefusal.content);
    expect(contentOf(await say(world.fake, `${MENTION} docker images`, roleTaken))).toBe(`⚠️ ${resources.ko.lab.gate.person}`);

    const listing = await useLab(world.fake, 'ps', [{ name: 'all', value: true }, { name: 'name', value: `dlab-${world.run}` }], { person: 'operator' });
    await finalEdit(world, listing.id);
    const table = world.fake.message(`interaction:${listing.id}`);
    expect(data(await clickButton(world.fake, table, '▶', roleTaken))).toMatchObject(gateRefusal);
    expect((await clickButton(world.fake, table, '▶', { person: 'operator', place: 'lab' })).body).toMatchObject({ type: 7 });

    const tag = `${world.repo}/gate:1`;
    await world.docker('tag', world.app, tag);
    await world.docker('save', '-o', join(world.exchange, 'gate.tar'), tag);
    await world.docker('rmi', tag);
    const load = await useLab(world.fake, 'load', [{ name: 'file', value: 'gate.tar' }], { person: 'operator' });
    await waitForEdit(world.fake, { interaction: load.id }, (body) => (body.components ?? []).length > 0);
    const question = world.fake.message(`interaction:${load.id}`);
    const otherAdmin = await clickButton(world.fake, question, 'Load it', { person: 'engineer', place: 'lab' });
    expect(data(otherAdmin)).toMatchObject({ flags: EPHEMERAL, content: en.discord.lab.confirm.notYours.replace('{{name}}', 'sora') });
    expect(data(await clickButton(world.fake, question, 'Load it', roleTaken))).toMatchObject(gateRefusal);
    expect((await clickButton(world.fake, question, 'Cancel', roleTaken)).body, 'cancelling runs nothing, so it needs no gate').toEqual({ type: 6 });
    expect(contentOf(await finalEdit(world, load.id))).toBe('OK, nothing was loaded from gate.tar.');
    expect(await world.hasImage(tag)).toBe(false);
    const confirms = (await world.audit()).filter((entry) => entry.action === 'load' && entry.arguments.confirm === true);
    expect(confirms.map((entry) => [entry.user.id, entry.outcome, entry.reason])).toEqual([
      [IDS.engineer, 'refused', 'discord.lab.confirm.notYours'],
      [IDS.operator, 'refused', 'lab.gate.person'],
    ]);
  });

  it('turns its own reply into an apology when Discord refuses the result, and keeps serving', async () => {
    world.fake.refuseNext((call) => call.method === 'PATCH' && call.path.endsWith('/messages/@original'), 400, { message: 'refused on purpose', code: 50035 });
    const { id } = await useLab(world.fake, 'images', [], { locale: 'ko' });
    const apology = await waitForEdit(world.fake, { interaction: id }, (body) => body.content === resources.ko.common.error.unexpected);
    expect(apology.status).toBe(200);
    expect((apology.body as Json).allowed_mentions).toEqual(NO_PINGS);
    const next = await useLab(world.fake, 'images', [], { locale: 'ko' });
    expect(contentOf(await finalEdit(world, next.id))).toMatch(/^default 호스트에서 `docker images`: 이미지 \d+개\n```/);
  });

  it('made only calls Discord accepts and sent every message with mentions off', () => {
    expect(rejectedCalls(world), 'only the refusal the test asked for').toEqual([expect.stringContaining('refused on purpose')]);
    const messages = sentMessages(world);
    expect(messages.length).toBeGreaterThan(10);
    for (const { where, allowedMentions } of messages) expect(allowedMentions, where).toMatchObject({ parse: [] });
  });
});
