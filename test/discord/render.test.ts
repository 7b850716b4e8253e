import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../bot/core/lang.js';
import { decodeButton } from '../../bot/discord/custom-id.js';
import { renderHelp, renderOutcome, renderTopic, starterTopics, type Reply } from '../../bot/discord/render.js';
import { createI18n, translator } from '../../bot/i18n.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { messageProblems } from '../support/fake-discord/validate.js';
import { realKnowledge } from '../support/knowledge.js';

const i18n = createI18n();
const context = (knowledge: Knowledge, ui: Lang) => ({ t: translator(i18n, ui), knowledge });
const LANGS = ['en', 'ko'] as const;

/** The reply as Discord receives it, checked by the same rules the fake Discord applies. */
const problems = (reply: Reply) =>
  messageProblems({ content: reply.content, embeds: reply.embeds, components: reply.components, allowed_mentions: { parse: reply.allowedMentions.parse } });
const buttons = (reply: Reply) => reply.components.flatMap((row) => row.components);
const intents = (reply: Reply) => buttons(reply).map((button) => decodeButton(button.custom_id));

let knowledge: Knowledge;
let topic: Topic;
beforeAll(async () => {
  knowledge = await realKnowledge();
  topic = knowledge.topic('image-vs-container')!;
});

describe('rendering a topic', () => {
  it('keeps every topic within Discord’s limits, in both answer languages and both UI languages', () => {
    for (const each of knowledge.topics) {
      for (const lang of LANGS) {
        for (const ui of LANGS) {
          const reply = renderTopic(each, lang, context(knowledge, ui));
          expect(problems(reply), `${each.id} ${lang}/${ui}`).toEqual([]);
          expect(buttons(reply).every((button) => button.custom_id.length <= 100 && button.label!.length <= 80)).toBe(true);
        }
      }
    }
  });

  it('shows the title, the summary and the answer in the answer’s language', () => {
    const [embed] = renderTopic(topic, 'ko', context(knowledge, 'en')).embeds;
    expect(embed!.title).toBe(topic.ko.title);
    expect(embed!.description).toContain(`**${topic.ko.summary}**`);
    expect(embed!.description).toContain(topic.ko.answer.trim().split('\n')[0]);
  });

  it('puts each example command in an sh block under its one-line explanation', () => {
    const [embed] = renderTopic(topic, 'en', context(knowledge, 'en')).embeds;
    expect(embed!.fields).toEqual(
      topic.commands.map((example) => ({ name: example.en, value: `\`\`\`sh\n${example.command}\n\`\`\`` })),
    );
    expect(embed!.description).toMatch(/\*\*Try it\*\*$/);
  });

  it('names the topic and the answer language in the footer, in the reader’s language', () => {
    expect(renderTopic(topic, 'ko', context(knowledge, 'ko')).embeds[0]!.footer!.text).toBe('고래 · 주제 image-vs-container · 한국어로 답했어요');
    expect(renderTopic(topic, 'ko', context(knowledge, 'en')).embeds[0]!.footer!.text).toBe('Gorae · topic image-vs-container · answered in Korean');
  });

  it('offers each related topic as a button that opens it in the same language', () => {
    const reply = renderTopic(topic, 'ko', context(knowledge, 'en'));
    const related = intents(reply).filter((intent) => intent?.action === 'topic');
    expect(related.map((intent) => intent!.topicId)).toEqual(topic.related);
    expect(related.every((intent) => intent!.lang === 'ko')).toBe(true);
    expect(buttons(reply).map((button) => button.label)).toContain(knowledge.topic(topic.related[0]!)!.ko.title);
  });

  it('ends with one button that shows the same topic in the other language, labelled for the reader', () => {
    const korean = renderTopic(topic, 'ko', context(knowledge, 'ko'));
    const last = buttons(korean).at(-1)!;
    expect(decodeButton(last.custom_id)).toEqual({ action: 'lang', topicId: topic.id, lang: 'en' });
    expect(last.label).toBe('영어로 보기 (English)');
    expect(buttons(renderTopic(topic, 'en', context(knowledge, 'en'))).at(-1)!.label).toBe('Read in Korean (한국어)');
  });

  it('shortens an answer too long for Discord between lines, keeps the commands, and says so', () => {
    const long: Topic = { ...topic, en: { ...topic.en, answer: `${'A line of a very long answer that keeps going.\n'.repeat(200)}` } };
    const reply = renderTopic(long, 'en', context(knowledge, 'en'));
    expect(problems(reply)).toEqual([]);
    expect(reply.embeds[0]!.description).toContain('(The full answer is longer than Discord lets me show here.)');
    expect(reply.embeds[0]!.fields).toHaveLength(topic.commands.length);
  });
});

describe('rendering other outcomes', () => {
  it('offers each suggestion as a button, with its summary in the list', () => {
    const suggestions = knowledge.topics.slice(0, 3);
    const reply = renderOutcome({ status: 'suggest', lang: 'en', suggestions, score: 1 }, context(knowledge, 'ko'));
    expect(reply.embeds[0]!.title).toBe('혹시 이 중에 찾는 내용이 있나요?');
    for (const suggestion of suggestions) expect(reply.embeds[0]!.description).toContain(suggestion.en.summary);
    expect(intents(reply)).toEqual(suggestions.map((suggestion) => ({ action: 'topic', topicId: suggestion.id, lang: 'en' })));
    expect(problems(reply)).toEqual([]);
  });

  it('admits an unknown question kindly, points to the ask command and offers topics to start with', () => {
    const english = renderOutcome({ status: 'unknown', lang: 'en', score: 0 }, context(knowledge, 'en'));
    expect(english.embeds[0]!.title).toBe("I don't know this one yet");
    expect(english.embeds[0]!.description).toContain('`/ask`');
    const korean = renderOutcome({ status: 'unknown', lang: 'ko', score: 0 }, context(knowledge, 'ko'));
    expect(korean.embeds[0]!.description).toContain('`/질문`');
    expect(intents(korean)).toEqual(starterTopics(knowledge, 5).map((starter) => ({ action: 'topic', topicId: starter.id, lang: 'ko' })));
  });

  it('starts newcomers on the topics other topics link to most', () => {
    const links = (id: string) => knowledge.topics.filter((each) => each.related.includes(id)).length;
    const starters = starterTopics(knowledge, 5).map((each) => links(each.id));
    const rest = knowledge.topics.map((each) => links(each.id));
    expect(Math.min(...starters)).toBe([...rest].sort((a, b) => b - a)[4]);
  });

  it('answers a bare mention with how to ask, naming the bot', () => {
    const reply = renderHelp('Gorae', 'en', context(knowledge, 'en'));
    expect(reply.embeds[0]!.description).toContain('`@Gorae run vs start`');
    expect(problems(reply)).toEqual([]);
  });

  it('never lets a reply ping anyone', () => {
    const replies = [
      renderTopic(topic, 'en', context(knowledge, 'en')),
      renderOutcome({ status: 'unknown', lang: 'ko', score: 0 }, context(knowledge, 'ko')),
      renderHelp('Gorae', 'ko', context(knowledge, 'ko')),
    ];
    for (const reply of replies) expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
