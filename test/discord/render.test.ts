import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../bot/core/lang.js';
import { decodeButton } from '../../bot/discord/custom-id.js';
import { componentCount, textLength, withNote } from '../../bot/discord/layout.js';
import { renderHelp, renderOutcome, renderTopic, starterTopics, type Reply } from '../../bot/discord/render.js';
import { createI18n, translator } from '../../bot/i18n.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { buttonsOf } from '../support/fake-discord/people.js';
import { messageProblems } from '../support/fake-discord/validate.js';
import { realKnowledge } from '../support/knowledge.js';

type Json = Record<string, any>;

const i18n = createI18n();
const context = (knowledge: Knowledge, ui: Lang) => ({ t: translator(i18n, ui), knowledge });
const LANGS = ['en', 'ko'] as const;

/** The reply as Discord receives it, checked by the same rules the fake Discord applies. */
const problems = (reply: Reply) => messageProblems({ components: reply.components, flags: reply.flags, allowed_mentions: { parse: reply.allowedMentions.parse } });
const buttons = (reply: Reply) => buttonsOf(reply as unknown as Json);
const intents = (reply: Reply) => buttons(reply).map((button) => decodeButton(String(button.custom_id)));
/** Every text display, in order, joined: what the reader sees. */
const shown = (reply: Reply): string => {
  const walk = (components: Json[]): string[] => components.flatMap((component) => (component.type === 10 ? [component.content] : walk(component.components ?? [])));
  return walk(reply.components as unknown as Json[]).join('\n');
};

let knowledge: Knowledge;
let topic: Topic;
beforeAll(async () => {
  knowledge = await realKnowledge();
  topic = knowledge.topic('image-vs-container')!;
});

describe('rendering a topic', () => {
  it('keeps every topic within Discord’s Components V2 limits, in both answer languages and both UI languages, with room for a note', () => {
    for (const each of knowledge.topics) {
      for (const lang of LANGS) {
        for (const ui of LANGS) {
          const reply = withNote(renderTopic(each, lang, context(knowledge, ui)), 'ℹ️ '.padEnd(150, 'x'));
          expect(problems(reply), `${each.id} ${lang}/${ui}`).toEqual([]);
          expect(componentCount(reply.components)).toBeLessThanOrEqual(40);
          expect(textLength(reply.components)).toBeLessThanOrEqual(4_000);
        }
      }
    }
  });

  it('opens with the title and the summary, then the answer, in the answer’s language', () => {
    const text = shown(renderTopic(topic, 'ko', context(knowledge, 'en')));
    expect(text.startsWith(`## ${topic.ko.title}\n**${topic.ko.summary}**\n`)).toBe(true);
    expect(text).toContain(topic.ko.answer.trim().split('\n')[0]);
  });

  it('puts each example command in an sh block under its one-line explanation, after “Try it”', () => {
    const text = shown(renderTopic(topic, 'en', context(knowledge, 'en')));
    const commands = topic.commands.map((example) => `${example.en}\n\`\`\`sh\n${example.command}\n\`\`\``).join('\n');
    expect(text).toContain(`**Try it**\n${commands}`);
  });

  it('names the topic and the answer language in the footer, in the reader’s language', () => {
    expect(shown(renderTopic(topic, 'ko', context(knowledge, 'ko')))).toContain('\n-# 고래 · 주제 image-vs-container · 한국어로 답했어요');
    expect(shown(renderTopic(topic, 'ko', context(knowledge, 'en')))).toContain('\n-# Gorae · topic image-vs-container · answered in Korean');
  });

  it('offers each related topic as a button that opens it in the same language', () => {
    const reply = renderTopic(topic, 'ko', context(knowledge, 'en'));
    const related = intents(reply).filter((intent) => intent?.action === 'topic');
    expect(related.map((intent) => intent!.topicId)).toEqual(topic.related);
    expect(related.every((intent) => intent!.lang === 'ko')).toBe(true);
    expect(buttons(reply).map((button) => button.label)).toContain(knowledge.topic(topic.related[0]!)!.ko.title);
  });

  it('sets the switch to the other language beside the title, labelled for the reader', () => {
    const korean = renderTopic(topic, 'ko', context(knowledge, 'ko'));
    const header = (korean.components[0] as Json).components[0];
    expect(header.type).toBe(9);
    expect(decodeButton(header.accessory.custom_id)).toEqual({ action: 'lang', topicId: topic.id, lang: 'en' });
    expect(header.accessory.label).toBe('영어로 보기 (English)');
    expect(buttons(renderTopic(topic, 'en', context(knowledge, 'en')))[0]!.label).toBe('Read in Korean (한국어)');
  });

  it('ends with 👍 and 👎, which rate this topic in this language', () => {
    const reply = renderTopic(topic, 'ko', context(knowledge, 'en'));
    const [up, down] = buttons(reply).slice(-2);
    expect([up!.emoji, down!.emoji]).toEqual([{ name: '👍' }, { name: '👎' }]);
    expect(intents(reply).slice(-2)).toEqual([
      { action: 'up', topicId: topic.id, lang: 'ko' },
      { action: 'down', topicId: topic.id, lang: 'ko' },
    ]);
  });

  it('shortens an answer too long for Discord between lines, keeps the commands, and says so', () => {
    const long: Topic = { ...topic, en: { ...topic.en, answer: `${'A line of a very long answer that keeps going.\n'.repeat(200)}` } };
    const reply = renderTopic(long, 'en', context(knowledge, 'en'));
    expect(problems(reply)).toEqual([]);
    expect(shown(reply)).toContain('(The full answer is longer than Discord lets me show here.)');
    for (const example of topic.commands) expect(shown(reply)).toContain(example.command);
  });

  it('drops related rows rather than go over 40 components', () => {
    const crowded: Topic = { ...topic, related: knowledge.topics.map((each) => each.id) };
    const reply = renderTopic(crowded, 'en', context(knowledge, 'en'));
    expect(problems(reply)).toEqual([]);
    expect(intents(reply).filter((intent) => intent?.action === 'topic').length).toBeGreaterThan(0);
  });
});

describe('rendering other outcomes', () => {
  it('offers each suggestion as a section: its summary beside a button that opens it', () => {
    const suggestions = knowledge.topics.slice(0, 3);
    const reply = renderOutcome({ status: 'suggest', lang: 'en', suggestions, score: 1, coverage: 1 }, context(knowledge, 'ko'));
    expect(shown(reply)).toMatch(/^## 혹시 이 중에 찾는 내용이 있나요\?/);
    const sections = (reply.components[0] as Json).components.filter((component: Json) => component.type === 9);
    expect(sections.map((each: Json) => each.components[0].content)).toEqual(suggestions.map((suggestion) => suggestion.en.summary));
    expect(intents(reply)).toEqual(suggestions.map((suggestion) => ({ action: 'topic', topicId: suggestion.id, lang: 'en' })));
    expect(problems(reply)).toEqual([]);
  });

  it('asks about a lone suggestion as one topic, in the asker\'s language', () => {
    const [only] = knowledge.topics;
    const korean = renderOutcome({ status: 'suggest', lang: 'ko', suggestions: [only!], score: 1, coverage: 1 }, context(knowledge, 'ko'));
    expect(shown(korean)).toMatch(/^## 혹시 이걸 찾으셨나요\?/);
    const english = renderOutcome({ status: 'suggest', lang: 'en', suggestions: [only!], score: 1, coverage: 1 }, context(knowledge, 'en'));
    expect(shown(english)).toMatch(/^## Did you mean this\?\n/);
    expect(intents(english)).toEqual([{ action: 'topic', topicId: only!.id, lang: 'en' }]);
  });

  it('admits an unknown question kindly, points to the ask command and offers topics to start with', () => {
    const english = renderOutcome({ status: 'unknown', lang: 'en', score: 0, coverage: 0 }, context(knowledge, 'en'));
    expect(shown(english)).toMatch(/^## I don't know this one yet\n/);
    expect(shown(english)).toContain('`/ask`');
    const korean = renderOutcome({ status: 'unknown', lang: 'ko', score: 0, coverage: 0 }, context(knowledge, 'ko'));
    expect(shown(korean)).toContain('`/질문`');
    expect(intents(korean)).toEqual(starterTopics(knowledge, 5).map((starter) => ({ action: 'topic', topicId: starter.id, lang: 'ko' })));
    expect(problems(korean)).toEqual([]);
  });

  it('starts newcomers on the topics other topics link to most', () => {
    const links = (id: string) => knowledge.topics.filter((each) => each.related.includes(id)).length;
    const starters = starterTopics(knowledge, 5).map((each) => links(each.id));
    const rest = knowledge.topics.map((each) => links(each.id));
    expect(Math.min(...starters)).toBe([...rest].sort((a, b) => b - a)[4]);
  });

  it('answers a bare mention with how to ask, naming the bot', () => {
    const reply = renderHelp('Gorae', 'en', context(knowledge, 'en'));
    expect(shown(reply)).toContain('`@Gorae run vs start`');
    expect(problems(reply)).toEqual([]);
  });

  it('never lets a reply ping anyone', () => {
    const replies = [
      renderTopic(topic, 'en', context(knowledge, 'en')),
      renderOutcome({ status: 'unknown', lang: 'ko', score: 0, coverage: 0 }, context(knowledge, 'ko')),
      renderHelp('Gorae', 'ko', context(knowledge, 'ko')),
    ];
    for (const reply of replies) expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
