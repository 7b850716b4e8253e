import { describe, expect, it } from 'vitest';
import { runAskCommand } from '../../bot/terminal/ask-command.js';
import { runTopicCommand } from '../../bot/terminal/topic-command.js';
import { terminalHarness } from '../support/terminal.js';

describe('gorae topic', () => {
  it('shows one topic in full: title, summary, answer, examples and related topics', async () => {
    const h = await terminalHarness();
    expect(await runTopicCommand(['save-load'], h.deps)).toBe(0);
    const topic = h.deps.knowledge.topic('save-load')!;
    expect(h.out()).toContain(topic.en.title);
    expect(h.out()).toContain('Examples');
    expect(h.out()).toContain('$ docker save');
    expect(h.out()).toContain('Related: ');
    expect(h.err()).toBe('');
  });

  it('shows it in Korean with --lang ko, and in the terminal language without it', async () => {
    const h = await terminalHarness();
    await runTopicCommand(['--lang', 'ko', 'save-load'], h.deps);
    expect(h.out()).toContain(h.deps.knowledge.topic('save-load')!.ko.title);
    expect(h.out()).toContain('예시 명령어');
    const korean = await terminalHarness({ uiLang: 'ko' });
    await runTopicCommand(['log-rotation'], korean.deps);
    expect(korean.out()).toContain(korean.deps.knowledge.topic('log-rotation')!.ko.title);
  });

  it('opens the topic a "did you mean" offered, by the id it showed in brackets', async () => {
    const asked = await terminalHarness();
    await runAskCommand(['--json', 'where are json-file driver logs stored'], asked.deps);
    // Offered or answered, the id it names opens the same topic.
    const offered = JSON.parse(asked.out()) as { status: string; topic: string | null; suggestions: Array<{ topic: string }> };
    const id = offered.topic ?? offered.suggestions[0]!.topic;
    const h = await terminalHarness();
    expect(await runTopicCommand([id], h.deps)).toBe(0);
    expect(h.out()).toContain(h.deps.knowledge.topic(id)!.en.title);
  });

  it('tells a person who was offered topics how to open one without starting the chat', async () => {
    for (const uiLang of ['en', 'ko'] as const) {
      const h = await terminalHarness({ uiLang });
      await runAskCommand(['--lang', uiLang, 'my container is slow'], h.deps);
      expect(h.out()).toContain('`gorae topic ID`');
      expect(h.out()).not.toContain('/topic ID');
    }
  });

  it('lists every topic id with its title when no id is given', async () => {
    const h = await terminalHarness();
    expect(await runTopicCommand([], h.deps)).toBe(0);
    const topics = h.deps.knowledge.topics;
    expect(h.out()).toContain(`${topics.length} topics`);
    for (const topic of topics) expect(h.out()).toMatch(new RegExp(`^  ${topic.id} +${escape(topic.en.title)}$`, 'm'));
  });

  it('prints one topic, or the whole list, as the documented JSON', async () => {
    const h = await terminalHarness();
    await runTopicCommand(['--json', '--lang', 'ko', 'save-load'], h.deps);
    const json = JSON.parse(h.out());
    expect(Object.keys(json).sort()).toEqual(['answer', 'commands', 'id', 'lang', 'related', 'summary', 'title']);
    expect(json).toMatchObject({ id: 'save-load', lang: 'ko', title: h.deps.knowledge.topic('save-load')!.ko.title });
    expect(json.commands[0]).toEqual({ command: expect.stringMatching(/^docker /), text: expect.any(String) });
    const list = await terminalHarness();
    await runTopicCommand(['--json'], list.deps);
    expect(JSON.parse(list.out())).toHaveLength(list.deps.knowledge.topics.length);
  });

  it('names the ids an unknown one is part of, and changes nothing else', async () => {
    const h = await terminalHarness();
    expect(await runTopicCommand(['save'], h.deps)).toBe(1);
    expect(h.out()).toBe('');
    expect(h.err()).toContain('There is no topic "save"');
    expect(h.err()).toContain('save-load');
    expect(h.err()).toContain('`gorae topic`');
  });

  it('offers the topics whose title or id best match an unknown id, a Korean title word or an English one, in Korean without a particle that depends on the id', async () => {
    const ko = await terminalHarness({ uiLang: 'ko' });
    expect(await runTopicCommand(['볼륨'], ko.deps)).toBe(1);
    expect(ko.err()).toContain("'볼륨' 주제는 없어요. 비슷한 주제 ID: volumes");
    const en = await terminalHarness();
    expect(await runTopicCommand(['volume'], en.deps)).toBe(1);
    expect(en.err()).toContain('There is no topic "volume". Closest topic ids: volumes, ');
    expect(en.err()).toContain('named-vs-anonymous-volumes');
  });

  it('says how to list the ids when an unknown one resembles none, in Korean too', async () => {
    const h = await terminalHarness({ uiLang: 'ko' });
    expect(await runTopicCommand(['pizza'], h.deps)).toBe(1);
    expect(h.err()).toContain("'pizza' 주제는 없어요. `gorae topic`으로");
  });

  it('refuses two ids, or an unknown --lang, with a message that says what to do', async () => {
    const h = await terminalHarness();
    expect(await runTopicCommand(['save-load', 'volumes'], h.deps)).toBe(2);
    expect(h.err()).toContain('gorae topic save-load');
    const lang = await terminalHarness();
    expect(await runTopicCommand(['--lang', 'fr', 'save-load'], lang.deps)).toBe(2);
    expect(lang.err()).toContain('--lang');
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
