import { beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../support/fake-discord/payloads.js';
import { say, useExplain, useExplainMenu } from '../support/fake-discord/people.js';
import { FakeDiscord, type RecordedCall } from '../support/fake-discord/server.js';
import { botOnFakeDiscord } from './bot-process.js';

type Json = Record<string, any>;

const MENTION = `<@${IDS.application}>`;
const EPHEMERAL = 64;
const V2 = 1 << 15;
const data = (call: RecordedCall): Json => (call.body as Json).data as Json;
const embed = (message: Json): Json => (message.embeds as Json[])[0]!;
const fieldNames = (message: Json): string[] => (embed(message).fields as Json[]).map((field) => field.name);
/** Every text display of a Components V2 message, joined. */
const textOf = (message: Json): string => {
  const walk = (components: Json[]): string[] =>
    components.flatMap((component) => (component.type === 10 ? [component.content as string] : walk(component.components ?? [])));
  return walk(message.components ?? []).join('\n');
};
const labels = (message: Json): string[] => (message.components as Json[]).flatMap((row) => row.components.map((button: Json) => button.label));

/** Twenty options, a mount with a long path and a long image name: as big as pasted commands get. */
const LONG = [
  'docker run -d --name my-very-long-application-name --hostname app.internal.example.com',
  ...Array.from({ length: 12 }, (_, index) => `-e SETTING_NUMBER_${index}=a-fairly-long-value-for-setting-${index}`),
  '-p 127.0.0.1:8443:443 -v /srv/application/data/with/a/long/path:/var/lib/application/data:ro',
  '--restart unless-stopped --memory 2g --cpus 1.5 --log-opt max-size=10m --privileged --pid host',
  'registry.example.com:5000/team/application-with-a-long-name:2024.11.22-build.1234',
].join(' \\\n  ');

describe('explaining docker commands on a fake Discord', () => {
  let fake: FakeDiscord;
  const world = botOnFakeDiscord();
  beforeAll(() => ({ fake } = world));

  it('registers /explain (/설명) and the message menu "Explain with Gorae" (고래로 설명하기), which Discord accepts', () => {
    const put = fake.calls.find((call) => call.method === 'PUT')!;
    expect(put.status).toBe(200);
    expect(put.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'explain', name_localizations: { ko: '설명' }, options: [expect.objectContaining({ name: 'command', name_localizations: { ko: '명령어' }, required: true })] }),
        expect.objectContaining({ type: 3, name: 'Explain with Gorae', name_localizations: { ko: '고래로 설명하기' } }),
      ]),
    );
  });

  it('explains /explain part by part in the reader\'s language, warns, links topics and pings nobody', async () => {
    const callback = await useExplain(fake, 'docker run -d --privileged -p 8080:80 --name web nginx', { locale: 'ko' });
    expect(callback.status).toBe(204);
    const message = data(callback);
    expect(embed(message).title).toBe('docker run');
    expect(embed(message).description).toMatch(/^```sh\ndocker run -d --privileged -p 8080:80 --name web nginx\n```\n/);
    expect(embed(message).description).toContain('**`-p 8080:80`** — 호스트의 모든 네트워크 인터페이스(다른 컴퓨터에서도 접속 가능)의 8080 포트를 컨테이너의 80/tcp 포트에 연결해요');
    expect(fieldNames(message)).toEqual(['이미지: nginx', '실행하면 일어나는 일', '⚠️ 주의']);
    expect(labels(message)).toContain('-p로 포트 연결하기(포트 포워딩)');
    expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(message.flags ?? 0).toBe(0);
  });

  it('tells privately that a text holds no command', async () => {
    const message = data(await useExplain(fake, 'what is a container?'));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.content).toContain("couldn't find a Docker command");
  });

  it('keeps a twenty-option command within Discord\'s limits', async () => {
    const callback = await useExplain(fake, LONG);
    expect(callback.status).toBe(204);
    const message = data(callback);
    const size = embed(message).title.length + embed(message).description.length + embed(message).footer.text.length +
      (embed(message).fields as Json[]).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(size).toBeLessThanOrEqual(6_000);
    expect(fieldNames(message)).toContain('⚠️ Warnings');
  });

  it('explains a multi-line command from the message menu', async () => {
    const callback = await useExplainMenu(fake, '이거 뭐예요?\n```\nsudo docker run -it --rm \\\n  -v $(pwd):/app \\\n  node:20 bash\n```');
    expect(callback.status).toBe(204);
    const message = data(callback);
    expect(embed(message).title).toBe('docker run');
    expect(embed(message).description).toContain('**`-v $(pwd):/app`** — 바인드 마운트');
  });

  it('takes a pasted error from the message menu to its topic, even with the command above it', async () => {
    const message = data(
      await useExplainMenu(fake, '$ docker run -d -p 8080:80 nginx\ndocker: Error response from daemon: driver failed programming external connectivity on endpoint web: Bind for 0.0.0.0:8080 failed: port is already allocated.'),
    );
    expect(message.flags & V2).toBe(V2);
    expect(textOf(message)).toContain('err-port-allocated');
  });

  it('answers a pasted error from the message menu in the reader’s language, and a pasted command in a mention in the server’s', async () => {
    const error = 'Error response from daemon: conflict: unable to delete 5f2e1a (must be forced) - image is being used by stopped container 9c1d0b';
    const korean = data(await useExplainMenu(fake, error, { locale: 'ko' }));
    expect(textOf(korean)).toContain('err-image-in-use');
    expect(textOf(korean)).toContain('한국어로 답했어요');
    const command = await say(fake, `${MENTION} docker run -d -p 8080:80 nginx`);
    const message = fake.message(String((command.response as Json).id));
    expect(fieldNames(message), 'the fake server’s preferred locale is Korean').toEqual(['이미지: nginx', '실행하면 일어나는 일']);
  });

  it('explains a command in a message that mentions Gorae, line breaks and all', async () => {
    const reply = await say(fake, `${MENTION} 이게 무슨 뜻이야?\ndocker run \\\n  -d \\\n  -p 5432:5432 \\\n  postgres:16`);
    const message = fake.message(String((reply.response as Json).id));
    expect(embed(message).title).toBe('docker run');
    expect(fieldNames(message)).toContain('⚠️ 주의');
  });
});
