import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentOf, useLab, waitForEdit } from '../support/fake-discord/lab.js';
import { IDS } from '../support/fake-discord/payloads.js';
import { realKnowledge } from '../support/knowledge.js';
import { buttonsOf, clickButton, say, submitModal, useAsk } from '../support/fake-discord/people.js';
import type { FakeDiscord, RecordedCall } from '../support/fake-discord/server.js';
import { confirmedTopics } from '../../bot/knowledge/confirmed.js';
import type { Gap } from '../../bot/knowledge/gaps.js';
import { botOnFakeDiscord, eventually, type BotProcess } from './bot-process.js';

type Json = Record<string, any>;

const MENTION = `<@${IDS.application}>`;
const EPHEMERAL = 64;
const V2 = 1 << 15;

const data = (call: RecordedCall): Json => (call.body as Json).data as Json;
/** The `-# …` footer of an answer, which names its topic. */
const topicOf = (message: Json): string | undefined => JSON.stringify(message.components).match(/(?:topic|주제) ([a-z0-9-]+) ·/)?.[1];

describe('private questions, votes and follow-ups on a fake Discord', () => {
  let fake: FakeDiscord;
  let bot: BotProcess;
  const gaps = async (): Promise<Json[]> =>
    (await readFile(join(bot.dir, 'gaps.jsonl'), 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Json);
  const votes = async (): Promise<Json[]> => (await gaps()).filter((gap) => gap.vote);

  const world = botOnFakeDiscord({ GORAE_ADMIN_CHANNELS: IDS.labChannel, GORAE_ADMIN_ROLES: IDS.adminRole });
  beforeAll(() => {
    ({ fake, bot } = world);
  });

  it('answers /ask privately when asked to, and publicly otherwise', async () => {
    const secret = data((await useAsk(fake, '이미지랑 컨테이너 차이', { locale: 'ko', person: 'student', private: true })).callback);
    expect(secret.flags).toBe(V2 | EPHEMERAL);
    expect(topicOf(secret)).toBe('image-vs-container');
    const open = data((await useAsk(fake, '이미지랑 컨테이너 차이', { locale: 'ko', person: 'student', private: false })).callback);
    expect(open.flags).toBe(V2);
    const unset = data((await useAsk(fake, 'run vs start', { locale: 'en-US' })).callback);
    expect(unset.flags).toBe(V2);
  });

  it('records 👎 once per person per answer, with the question and topic, privately, leaving the answer as it was', async () => {
    const { id } = await useAsk(fake, 'docker save 어떻게 써요?', { locale: 'ko', person: 'engineer' });
    const answer = fake.message(`interaction:${id}`);
    const before = JSON.stringify(answer);

    const opened = await clickButton(fake, answer, '👎', { person: 'student', locale: 'ko' });
    expect((opened.body as Json).type, 'a modal').toBe(9);
    expect(data(opened).title).toBe('어떤 걸 찾고 있었나요?');
    const thanks = await submitModal(fake, opened, answer, { 'looking-for': '압축해서 옮기는 법' }, { person: 'student', locale: 'ko' });
    expect(data(thanks)).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('👎 알려 주셔서 고마워요') });

    const second = await clickButton(fake, answer, '👎', { person: 'operator', locale: 'en-US' });
    await submitModal(fake, second, answer, { 'looking-for': '' }, { person: 'operator', locale: 'en-US' });

    const again = await clickButton(fake, answer, '👎', { person: 'student', locale: 'ko' });
    expect((again.body as Json).type, 'no modal the second time').toBe(4);
    expect(data(again)).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('이미 평가했어요') });
    const up = await clickButton(fake, answer, '👍', { person: 'student', locale: 'ko' });
    expect(data(up).content).toContain('이미 평가했어요');

    const liked = await clickButton(fake, answer, '👍', { person: 'engineer', locale: 'en-US' });
    expect(data(liked)).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('Thanks for the 👍') });

    const recorded = await eventually(async () => {
      const found = (await votes()).filter((vote) => vote.answer === answer.id);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(recorded.map((vote) => [vote.vote, vote.voter, vote.question, vote.topic, vote.lang, vote.text])).toEqual([
      ['down', IDS.student, 'docker save 어떻게 써요?', 'save-load', 'ko', '압축해서 옮기는 법'],
      ['down', IDS.operator, 'docker save 어떻게 써요?', 'save-load', 'ko', undefined],
      ['up', IDS.engineer, 'docker save 어떻게 써요?', 'save-load', 'ko', undefined],
    ]);
    expect(recorded.every((vote) => vote.score > 0)).toBe(true);
    expect(JSON.stringify(fake.message(String(answer.id))), 'the answer message itself never changed').toBe(before);
    const touched = fake.calls.filter((call) => call.method === 'PATCH' || (call.body as Json | undefined)?.type === 7);
    expect(touched).toEqual([]);
  });

  it('lists the worst-rated topics and the 👎 questions in /lab gaps for admins', async () => {
    const { id } = await useLab(fake, 'gaps', [], { person: 'operator', place: 'lab' });
    const final = await waitForEdit(fake, { interaction: id }, (body) => !String(body.content ?? '').startsWith('⏳'));
    const content = contentOf(final);
    expect(content).toContain("The worst-rated topic (👍 and 👎 from people's votes):\n```\nsave-load  👍 1  👎 2\n```");
    expect(content).toMatch(/The last 2 answers rated 👎.*\n```\n.* ko {2}save-load {2}docker save 어떻게 써요\?\n.* ko {2}save-load {2}docker save 어떻게 써요\? {2}— 압축해서 옮기는 법\n```/);
  });

  it('reads a reply to its answer as a follow-up, and the same words afresh as they are', async () => {
    const saved = await say(fake, `${MENTION} docker save`, { person: 'student' });
    const answer = fake.message(String((saved.response as Json).id));
    expect(topicOf(answer)).toBe('save-load');

    const gzip = await say(fake, '압축도 돼?', { person: 'student', replyTo: answer });
    expect(topicOf(gzip.body as Json)).toBe('tarballs-gzip');
    const reverse = await say(fake, 'and the reverse?', { person: 'student', replyTo: answer });
    expect(topicOf(reverse.body as Json)).toBe('save-load');

    const fresh = await say(fake, `${MENTION} and the reverse?`, { person: 'student' });
    expect(topicOf(fresh.body as Json), 'not a confident answer on its own').toBeUndefined();
    expect(JSON.stringify((fresh.body as Json).components)).toContain("I don't know this one yet");
    const freshGzip = await say(fake, `${MENTION} 압축도 돼?`, { person: 'student' });
    expect(topicOf(freshGzip.body as Json), 'one word alone is offered, not answered').toBeUndefined();
  });

  it('asks a reply that turns its answer down ("아니 그거 말고 …") anew, without that topic', async () => {
    const saved = await say(fake, `${MENTION} docker save`, { person: 'student' });
    const answer = fake.message(String((saved.response as Json).id));
    expect(topicOf(answer)).toBe('save-load');
    const reworded = await say(fake, '아니 그거 말고 docker save 어떻게 써요?', { person: 'student', replyTo: answer });
    const body = reworded.body as Json;
    expect(topicOf(body), 'the topic turned down is not answered again').not.toBe('save-load');
    expect(JSON.stringify(body.components), 'nor offered again').not.toContain('gorae:topic:save-load');
  });

  it('sums the answer replied to up in a line for tl;dr or 요약, and asks which answer when nothing is replied to', async () => {
    const saved = await say(fake, `${MENTION} docker save`, { person: 'student' });
    const answer = fake.message(String((saved.response as Json).id));
    const topic = (await realKnowledge()).topic('save-load')!;
    const short = await say(fake, '요약', { person: 'student', replyTo: answer });
    expect((short.body as Json).content).toBe(`**${topic.ko.title}**\n${topic.ko.summary}`);
    expect((short.body as Json).allowed_mentions).toEqual({ parse: [], replied_user: false });
    const alone = await say(fake, `${MENTION} tl;dr`, { person: 'student' });
    expect((alone.body as Json).content, 'tl;dr is no language: the server’s answers it').toBe("어떤 걸 요약할까요? 제 답에 답장으로 '요약'이라고 보내시면 한 줄로 요약해 드릴게요.");
  });

  it('records the suggestion an asker opens with their question, and a 👍 on it confirms that topic for the question', async () => {
    const { id } = await useAsk(fake, '압축도 돼?', { locale: 'ko', person: 'student' });
    const offer = fake.message(`interaction:${id}`);
    const suggestion = buttonsOf(offer).find((button) => String(button.custom_id).startsWith('gorae:topic:'))!;
    const topic = String(suggestion.custom_id).split(':')[2];
    const opened = await clickButton(fake, offer, String(suggestion.label), { person: 'student', locale: 'ko' });
    expect(data(opened).flags & EPHEMERAL, 'the topic opens privately').toBe(EPHEMERAL);
    const picks = await eventually(async () => {
      const found = (await gaps()).filter((gap) => gap.pickedBy);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(picks[0]).toMatchObject({ question: '압축도 돼?', topic, pickedBy: IDS.student, lang: 'ko', status: 'suggest' });

    const clicked = opened.path.split('/')[2]!;
    await clickButton(fake, fake.message(`interaction:${clicked}`), '👍', { person: 'student', locale: 'ko' });
    const liked = await eventually(async () => {
      const found = (await votes()).filter((vote) => vote.topic === topic);
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(liked).toMatchObject({ question: '압축도 돼?', vote: 'up', voter: IDS.student });
    expect(confirmedTopics((await gaps()) as Gap[])).toContainEqual(expect.objectContaining({ question: '압축도 돼?', topic, people: 1 }));

    const report = await useLab(fake, 'gaps', [], { person: 'operator', place: 'lab' });
    const listed = contentOf(await waitForEdit(fake, { interaction: report.id }, (body) => !String(body.content ?? '').startsWith('⏳')));
    expect(listed).toMatch(new RegExp(`The last (\\d+ )?questions? people confirmed a topic for.*\\n\`\`\`\\n.* ko {2}${topic} {2}압축도 돼\\?\\n`));
  });

  it('made only calls Discord accepts, with no pings', () => {
    expect(fake.calls.filter((call) => call.status >= 400).map((call) => `${call.path} ${JSON.stringify(call.response)}`)).toEqual([]);
    const sent = fake.calls.filter((call) => [4, 7].includes((call.body as Json | undefined)?.type) || (call.method === 'POST' && call.path.endsWith('/messages')));
    for (const call of sent) expect((call.path.includes('/callback') ? data(call) : (call.body as Json)).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(buttonsOf(fake.message(String((fake.calls.find((call) => call.path === `/channels/${IDS.channel}/messages`)!.response as Json).id))).length).toBeGreaterThan(2);
  });
});
