import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandInteraction, IDS, messagePayload, snowflake } from '../support/fake-discord/payloads.js';
import { buttonsOf, clickButton, say, typeIntoAsk, useAsk } from '../support/fake-discord/people.js';
import type { FakeDiscord, RecordedCall } from '../support/fake-discord/server.js';
import { botOnFakeDiscord, eventually, FAKE_TOKEN, type BotProcess } from './bot-process.js';

type Json = Record<string, any>;

const MENTION = `<@${IDS.application}>`;
const EPHEMERAL = 64;
const V2 = 1 << 15;
const NON_PRIVILEGED = 1 | 512 | 4096; // Guilds | GuildMessages | DirectMessages

const data = (call: RecordedCall): Json => (call.body as Json).data as Json;
/** Every text display of a Components V2 message, in order. */
const texts = (message: Json): string[] => {
  const walk = (components: Json[]): string[] =>
    components.flatMap((component) => (component.type === 10 ? [component.content as string] : walk(component.components ?? [])));
  return walk(message.components ?? []);
};
const textOf = (message: Json): string => texts(message).join('\n');
/** The `## heading` the message opens with. */
const titleOf = (message: Json): string => textOf(message).match(/^## (.+)$/m)?.[1] ?? '';
const footer = (message: Json): string => texts(message).find((text) => text.startsWith('-# '))!.slice(3);
/** The labels of the buttons that have one (👍 and 👎 show an emoji alone). */
const labels = (message: Json): string[] => buttonsOf(message).flatMap((button) => (button.label ? [button.label as string] : []));
/** Every call that sends or edits a message: channel messages, interaction replies and updates, webhook follow-ups and edits. */
const isMessageCall = (call: RecordedCall): boolean =>
  (call.method === 'POST' && call.path.endsWith('/messages')) ||
  call.method === 'PATCH' ||
  (call.method === 'POST' && call.path.startsWith('/webhooks/')) ||
  (call.path.includes('/callback') && [4, 7].includes((call.body as Json).type));
const sent = (call: RecordedCall): Json => (call.path.includes('/callback') ? data(call) : (call.body as Json));

describe('Gorae on a fake Discord', () => {
  let fake: FakeDiscord;
  let bot: BotProcess;

  const world = botOnFakeDiscord();
  beforeAll(() => {
    ({ fake, bot } = world);
  });

  it('connects with only non-privileged intents and registers /ask and /explain for servers and accounts, /lab for server admins and the message menu Explain with Gorae, with Korean names, in the configured guild', async () => {
    expect(fake.gateway.stats.identifies[0]?.intents).toBe(NON_PRIVILEGED);
    const put = fake.calls.find((call) => call.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${IDS.application}/guilds/${IDS.guild}/commands`);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject([
      {
        name: 'ask',
        name_localizations: { ko: '질문' },
        options: [
          { name: 'question', name_localizations: { ko: '내용' }, type: 3, required: true, autocomplete: true },
          { name: 'private', name_localizations: { ko: '비공개' }, type: 5 },
        ],
        integration_types: [0, 1],
        contexts: [0, 1, 2],
      },
      { name: 'lab', name_localizations: { ko: '실습' }, integration_types: [0], contexts: [0], default_member_permissions: '0' },
      {
        name: 'explain',
        name_localizations: { ko: '설명' },
        options: [{ name: 'command', name_localizations: { ko: '명령어' }, type: 3, required: true }],
        integration_types: [0, 1],
        contexts: [0, 1, 2],
      },
      { name: 'Explain with Gorae', name_localizations: { ko: '고래로 설명하기' }, type: 3, integration_types: [0], contexts: [0, 1] },
    ]);
  });

  it('reports a ready gateway in the health file', async () => {
    const health = await eventually(async () => {
      const parsed = JSON.parse(await readFile(join(bot.dir, 'health.json'), 'utf8')) as Json;
      expect(parsed).toMatchObject({ knowledge: true, gateway: 'ready' });
      return parsed;
    });
    expect(Date.parse(health.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers /ask run vs start for an English client: English answer, English labels', async () => {
    const { callback } = await useAsk(fake, 'run vs start', { locale: 'en-US' });
    expect(callback.status).toBe(204);
    expect((callback.body as Json).type).toBe(4);
    const message = data(callback);
    expect(titleOf(message)).toBe('run vs start vs create');
    expect(footer(message)).toBe('Gorae · topic run-vs-start-vs-create · answered in English');
    expect(textOf(message)).toMatch(/\n```sh\ndocker /);
    expect(labels(message)[0]).toBe('Read in Korean (한국어)');
    expect(message.flags, 'a Components V2 message, seen by everyone').toBe(V2);
  });

  it('answers /ask run vs start for a Korean client: the answer follows the question, the labels follow the client', async () => {
    const { callback } = await useAsk(fake, 'run vs start', { locale: 'ko', person: 'student' });
    const message = data(callback);
    expect(titleOf(message)).toBe('run vs start vs create');
    expect(footer(message)).toBe('고래 · 주제 run-vs-start-vs-create · 영어로 답했어요');
    expect(labels(message)[0]).toBe('한국어로 보기');
  });

  it('answers a Korean question in Korean', async () => {
    const { callback } = await useAsk(fake, '이미지랑 컨테이너 차이', { locale: 'ko', person: 'student' });
    const message = data(callback);
    expect(titleOf(message)).toBe('이미지와 컨테이너의 차이');
    expect(footer(message)).toBe('고래 · 주제 image-vs-container · 한국어로 답했어요');
    expect(textOf(message)).toContain('**직접 해 보기**');
  });

  it('answers a pasted English error in the asker’s language, from /ask and from a mention in a Korean server', async () => {
    const error = 'docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "3f2a9c". You have to remove (or rename) that container to be able to reuse that name.';
    const korean = data((await useAsk(fake, error, { locale: 'ko', person: 'student' })).callback);
    expect(footer(korean)).toBe('고래 · 주제 err-name-in-use · 한국어로 답했어요');
    const english = data((await useAsk(fake, error, { locale: 'en-US' })).callback);
    expect(footer(english)).toBe('Gorae · topic err-name-in-use · answered in English');
    const mentioned = await say(fake, `${MENTION} ${error}`);
    expect(footer(mentioned.body as Json), 'the fake server’s preferred locale is Korean').toBe('고래 · 주제 err-name-in-use · 한국어로 답했어요');
    const asked = await say(fake, `${MENTION} what does "container name is already in use" mean?`);
    expect(footer(asked.body as Json), 'a question in English stays English').toBe('Gorae · topic err-name-in-use · answered in English');
  });

  it('suggests topics as people type, in the language they type in or their client’s', async () => {
    const english = data(await typeIntoAsk(fake, 'run', { locale: 'en-US' }));
    expect(english.choices.length).toBeGreaterThan(0);
    expect(english.choices.length).toBeLessThanOrEqual(25);
    expect(english.choices.map((choice: Json) => choice.value)).toContain('run vs start vs create');
    for (const choice of english.choices) expect(choice.name.length).toBeLessThanOrEqual(100);

    const typedKorean = data(await typeIntoAsk(fake, '이미지', { locale: 'en-US' }));
    expect(typedKorean.choices.length).toBeGreaterThan(0);
    expect(typedKorean.choices.every((choice: Json) => /[가-힣]/.test(choice.name))).toBe(true);

    const koreanClient = data(await typeIntoAsk(fake, '', { locale: 'ko' }));
    expect(koreanClient.choices).toHaveLength(25);
    expect(koreanClient.choices.filter((choice: Json) => /[가-힣]/.test(choice.name)).length).toBeGreaterThan(20);
  });

  it('answers the topic a person picked from the suggestions', async () => {
    const [choice] = data(await typeIntoAsk(fake, '컨테이너 상태', { locale: 'ko' })).choices as Json[];
    const { callback } = await useAsk(fake, choice!.value, { locale: 'ko' });
    expect(titleOf(data(callback))).toBe(choice!.value);
  });

  it('shows the same answer in the other language privately when someone clicks the language button', async () => {
    const { id } = await useAsk(fake, 'run vs start', { locale: 'ko', person: 'student' });
    const answer = fake.message(`interaction:${id}`);
    const click = await clickButton(fake, answer, '한국어로 보기', { locale: 'ko', person: 'student' });
    expect(click.status).toBe(204);
    expect((click.body as Json).type).toBe(4);
    const korean = data(click);
    expect(korean.flags).toBe(V2 | EPHEMERAL);
    expect(titleOf(korean)).toBe('run, start, create의 차이');
    expect(footer(korean)).toBe('고래 · 주제 run-vs-start-vs-create · 한국어로 답했어요');

    const back = await clickButton(fake, fake.message(`interaction:${click.path.split('/')[2]}`), '영어로 보기 (English)', { locale: 'ko', person: 'student' });
    expect((back.body as Json).type).toBe(7);
    expect(titleOf(data(back))).toBe('run vs start vs create');
  });

  it('opens a related topic in the answer’s language when its button is clicked', async () => {
    const { id } = await useAsk(fake, '이미지랑 컨테이너 차이', { locale: 'ko' });
    const answer = fake.message(`interaction:${id}`);
    const related = labels(answer)[1]!;
    const click = await clickButton(fake, answer, related, { locale: 'en-US', person: 'engineer' });
    const opened = data(click);
    expect(opened.flags).toBe(V2 | EPHEMERAL);
    expect(titleOf(opened)).toBe(related);
    expect(footer(opened)).toMatch(/^Gorae · topic [a-z-]+ · answered in Korean$/);
  });

  it('answers a mention in a channel with a reply to that message, pinging no one', async () => {
    const reply = await say(fake, `${MENTION} run vs start?`, { person: 'engineer' });
    expect(reply.status).toBe(200);
    expect(reply.path).toBe(`/channels/${IDS.channel}/messages`);
    const body = reply.body as Json;
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(titleOf(body)).toBe('run vs start vs create');

    const korean = (await say(fake, `${MENTION} 이미지랑 컨테이너 차이`, { person: 'student' })).body as Json;
    expect(titleOf(korean)).toBe('이미지와 컨테이너의 차이');
  });

  it('answers a line the shell could not even parse (an unclosed ${), and keeps serving', async () => {
    const odd = await say(fake, `${MENTION} docker run -e X=\${HOME img`);
    expect(odd.status).toBe(200);
    const next = await say(fake, `${MENTION} run vs start`);
    expect(footer(next.body as Json)).toBe('Gorae · topic run-vs-start-vs-create · answered in English');
  });

  it('ignores channel messages that do not mention it', async () => {
    const unmentioned = messagePayload({ content: 'run vs start', person: 'engineer', place: 'guild', mentionsBot: false });
    await fake.gateway.dispatch('MESSAGE_CREATE', unmentioned);
    const answered = await say(fake, `${MENTION} docker ps`);
    expect(answered.status).toBe(200);
    const repliesTo = (call: RecordedCall) => ((call.body as Json | undefined)?.message_reference as Json | undefined)?.message_id;
    expect(fake.calls.filter((call) => repliesTo(call) === unmentioned.id)).toEqual([]);
  });

  it('answers a bare mention with how to ask, in the server’s language', async () => {
    const reply = await say(fake, MENTION);
    expect(titleOf(reply.body as Json)).toBe('도커에 대해 물어보세요');
    expect(textOf(reply.body as Json)).toContain('`@Gorae 이미지랑 컨테이너 차이`');
  });

  it('answers a greeting or "help" with how to ask, and thanks, an "ok" or a no with a word back, in their language, not with topics that share a word', async () => {
    const greeted = await say(fake, `${MENTION} 안녕하세요`);
    expect(titleOf(greeted.body as Json)).toBe('도커에 대해 물어보세요');
    const helped = await say(fake, `${MENTION} help`);
    expect(textOf(helped.body as Json)).toContain('@Gorae');
    expect(titleOf(helped.body as Json)).not.toBe('도커에 대해 물어보세요');
    const thanked = await say(fake, `${MENTION} 감사합니다!`);
    expect((thanked.body as Json).content).toBe('도움이 됐다니 다행이에요! 🐳 또 궁금한 게 있으면 언제든 물어보세요.');
    expect((thanked.body as Json).allowed_mentions).toEqual({ parse: [], replied_user: false });
    const okayed = await say(fake, `${MENTION} ㅇㅋ`);
    expect((okayed.body as Json).content).toBe('👍 더 궁금한 게 있으면 언제든 물어보세요.');
    const refused = await say(fake, `${MENTION} nope`);
    expect((refused.body as Json).content).toBe('Then try asking in other words: `/ask` suggests the topics I know as you type.');
    const more = await say(fake, `${MENTION} 더 자세히`);
    expect(titleOf(more.body as Json), 'asking for more is no call for help').not.toBe('도커에 대해 물어보세요');
  });

  it('answers a direct message the same way, without a mention, and /ask in a DM too', async () => {
    const reply = await say(fake, 'run vs start', { place: 'dm', person: 'student' });
    expect(reply.path).toBe(`/channels/${IDS.dm}/messages`);
    expect(titleOf(reply.body as Json)).toBe('run vs start vs create');
    const { callback } = await useAsk(fake, '이미지랑 컨테이너 차이', { place: 'dm', person: 'student', locale: 'ko' });
    expect(titleOf(data(callback))).toBe('이미지와 컨테이너의 차이');
  });

  it('offers the candidates as buttons when unsure, and a click opens the chosen one', async () => {
    const reply = await say(fake, `${MENTION} export`);
    const message = fake.message(String((reply.response as Json).id));
    expect(titleOf(message)).toBe('Did you mean one of these?');
    const candidates = labels(message);
    expect(candidates.length).toBeGreaterThan(1);
    const opened = data(await clickButton(fake, message, candidates[0]!, { locale: 'en-US' }));
    expect(opened.flags).toBe(V2 | EPHEMERAL);
    expect(titleOf(opened)).toBe(candidates[0]);
  });

  it('says kindly when it does not know, points to /ask, and records the question', async () => {
    const { callback } = await useAsk(fake, 'how do I bake sourdough bread', { locale: 'en-US' });
    const message = data(callback);
    expect(titleOf(message)).toBe("I don't know this one yet");
    expect(textOf(message)).toContain('`/ask`');
    expect(labels(message).length).toBeGreaterThan(0);
    const korean = data((await useAsk(fake, '김치찌개 끓이는 법', { locale: 'ko' })).callback);
    expect(titleOf(korean)).toBe('아직 모르는 질문이에요');
    expect(textOf(korean)).toContain('`/질문`');
    const gaps = await eventually(async () => {
      const lines = (await readFile(join(bot.dir, 'gaps.jsonl'), 'utf8')).trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      return lines.map((line) => JSON.parse(line) as Json);
    });
    expect(gaps.map((gap) => gap.question)).toContain('how do I bake sourdough bread');
    expect(gaps.find((gap) => gap.question === '김치찌개 끓이는 법')).toMatchObject({ status: 'unknown', via: 'discord:slash', lang: 'ko' });
  });

  it('replies within Discord’s limits to 1,900 characters of noise', async () => {
    const noise = Array.from({ length: 1_900 }, (_, index) => 'x#*_`~>|@:<'[index % 11]).join('');
    const mention = await say(fake, `${MENTION} ${noise}`.slice(0, 1_900));
    expect(mention.status).toBe(200);
    expect(titleOf(mention.body as Json)).toBeTruthy();
    const { callback } = await useAsk(fake, noise, { locale: 'ko' });
    expect(callback.status).toBe(204);
  });

  it('apologizes in the person’s language, and keeps serving, when Discord refuses a reply', async () => {
    fake.refuseNext((call) => call.path === `/channels/${IDS.channel}/messages`, 403, { message: 'Missing Permissions', code: 50013 });
    const refused = await say(fake, `${MENTION} 이미지랑 컨테이너 차이`);
    expect(refused.status).toBe(403);
    const question = ((refused.body as Json).message_reference as Json).message_id;
    const apology = await fake.waitForCall((call) => call !== refused && ((call.body as Json | undefined)?.message_reference as Json | undefined)?.message_id === question);
    expect((apology.body as Json).content).toBe('고래 쪽에서 문제가 생겼어요. 다시 시도해 주세요. 계속 그렇다면 고래를 관리하는 분께 알려 주세요.');

    fake.refuseNext((call) => call.path.endsWith('/callback'), 404, { message: 'Unknown interaction', code: 10062 });
    const { id, callback } = await useAsk(fake, 'run vs start', { locale: 'en-US' });
    expect(callback.status).toBe(404);
    const sorry = await fake.waitForCall((call) => call !== callback && call.path.startsWith(`/interactions/${id}/`));
    expect(data(sorry)).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^Something went wrong on Gorae's side/) });
    expect(bot.output()).toContain('interaction failed');

    const { callback: next } = await useAsk(fake, 'run vs start', { locale: 'en-US' });
    expect(titleOf(data(next))).toBe('run vs start vs create');
  });

  it('tells someone using a command it no longer has so, privately, in their language', async () => {
    const retired = commandInteraction({ commandId: snowflake(), name: 'quiz', values: [], person: 'student', place: 'guild', locale: 'ko' });
    const id = await fake.interact(retired);
    const callback = await fake.waitForCall((call) => call.path.startsWith(`/interactions/${id}/`));
    expect(data(callback)).toMatchObject({ flags: EPHEMERAL, content: '이제 고래에게 없는 명령이에요. `/`를 입력해서 지금 쓸 수 있는 명령을 확인해 주세요.' });
  });

  it('resumes after the gateway drops the connection, and answers the next question', async () => {
    fake.gateway.drop(4000);
    const reply = await say(fake, `${MENTION} run vs start`);
    expect(titleOf(reply.body as Json)).toBe('run vs start vs create');
    expect(fake.gateway.stats.resumes).toBe(1);
  });

  it('identifies again when Discord refuses to resume, and answers the next question', async () => {
    fake.gateway.allowResume = false;
    fake.gateway.drop(4000);
    const { callback } = await useAsk(fake, '이미지랑 컨테이너 차이', { locale: 'ko' });
    expect(titleOf(data(callback))).toBe('이미지와 컨테이너의 차이');
    expect(fake.gateway.stats.identifies).toHaveLength(2);
    fake.gateway.allowResume = true;
  });

  it('made only calls Discord accepts, pinged no one, and never printed its token', () => {
    const rejected = fake.calls.filter((call) => call.status >= 400).map((call) => (call.response as Json).code);
    expect(rejected, 'only the two refusals the fake was told to make').toEqual([50013, 10062]);
    const messages = fake.calls.filter(isMessageCall);
    expect(messages.length).toBeGreaterThan(15);
    for (const call of messages) expect(sent(call).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(fake.calls.filter((call) => !call.path.includes('/callback')).every((call) => call.authorized)).toBe(true);
    expect(fake.gateway.stats.heartbeats).toBeGreaterThan(0);
    expect(bot.output()).not.toContain(FAKE_TOKEN);
    expect(bot.output()).toContain('connected to Discord');
  });
});
