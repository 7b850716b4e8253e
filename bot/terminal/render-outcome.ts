import type { Translate } from '../i18n.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Outcome } from '../knowledge/outcome.js';
import type { Topic } from '../knowledge/topic.js';
import type { Paint } from './style.js';
import { codeText, strongText } from './inline-markup.js';
import { wrap } from './wrap.js';

/** The opening of a long answer shown in its place, and the line saying how to read the rest (answer-lead.ts). */
export interface Shortened {
  readonly lead: string;
  readonly hint: string;
}

/** The full text of a topic in one language, as a terminal shows it, or with only the opening of its answer. */
export function renderTopic(
  topic: Topic,
  outcomeLang: 'en' | 'ko',
  t: Translate,
  paint: Paint,
  knowledge: Knowledge,
  width?: number,
  where: 'chat' | 'command' = 'command',
  shortened?: Shortened,
): string {
  const side = topic[outcomeLang];
  const lines = [paint('bold', side.title), paint('dim', wrap(side.summary, width)), '', renderAnswerText(shortened?.lead ?? side.answer, paint, width)];
  if (shortened) lines.push(paint('dim', wrap(shortened.hint, width)));
  if (topic.commands.length > 0) lines.push('', renderExamples(topic, outcomeLang, t, paint, width));
  const related = relatedLine(topic, outcomeLang, t, knowledge, width, where);
  if (related) lines.push('', related);
  return lines.join('\n');
}

/** Answer text as the terminal shows it: wrapped, with its bold and code marks painted. */
export const renderAnswerText = (text: string, paint: Paint, width?: number): string => codeText(strongText(wrap(text.trim(), width), paint), paint);

/** A topic's example commands under their heading, each with what it does. */
export function renderExamples(topic: Topic, outcomeLang: 'en' | 'ko', t: Translate, paint: Paint, width?: number): string {
  const lines = [paint('bold', t('terminal:answer.examples'))];
  for (const example of topic.commands) lines.push(`  ${paint('cyan', `$ ${example.command}`)}`, codeText(wrap(`    ${example[outcomeLang]}`, width), paint));
  return lines.join('\n');
}

/** A topic's title and one-line summary: what "tl;dr" after it asks for. */
export const renderSummary = (topic: Topic, outcomeLang: 'en' | 'ko', paint: Paint, width?: number): string =>
  `${paint('bold', topic[outcomeLang].title)}\n${wrap(topic[outcomeLang].summary, width)}`;

/** The line naming a topic's related topics, or undefined when it has none. */
export function relatedLine(topic: Topic, outcomeLang: 'en' | 'ko', t: Translate, knowledge: Knowledge, width?: number, where: 'chat' | 'command' = 'command'): string | undefined {
  const related = relatedTopics(topic, knowledge).map((other) => other[outcomeLang].title);
  if (related.length === 0) return undefined;
  // In the chat each related topic has the number that opens it, as a suggestion has.
  const listed = where === 'chat' ? related.map((title, i) => `${i + 1}. ${title}`) : related;
  return wrap(`${t(where === 'chat' ? 'terminal:answer.relatedNumbered' : 'terminal:answer.related')}: ${listed.join(' · ')}`, width);
}

/** The topics a topic names as related that the knowledge base holds, in its order. */
export const relatedTopics = (topic: Topic, knowledge: Knowledge): Topic[] => topic.related.flatMap((id) => knowledge.topic(id) ?? []);

/** A lone suggestion is asked about as one ("Is this what you mean?"), not as a choice among several. */
const SUGGESTION_WORDS = {
  one: { intro: 'terminal:suggest.introOne', pick: 'terminal:suggest.pickOne', next: 'terminal:suggest.nextOne' },
  many: { intro: 'terminal:suggest.intro', pick: 'terminal:suggest.pick', next: 'terminal:suggest.next' },
} as const;
const suggestionWords = (count: number) => SUGGESTION_WORDS[count === 1 ? 'one' : 'many'];

/**
 * What the terminal prints for any outcome; `t` speaks the outcome's language. In the chat the
 * suggestions are numbered, since typing a number there opens one.
 */
export function renderOutcome(outcome: Outcome, t: Translate, paint: Paint, knowledge: Knowledge, width?: number, where: 'chat' | 'command' = 'command'): string {
  const chat = where === 'chat';
  switch (outcome.status) {
    case 'answer':
      return renderTopic(outcome.topic, outcome.lang, t, paint, knowledge, width, where);
    case 'suggest': {
      const say = suggestionWords(outcome.suggestions.length);
      return [
        paint('yellow', wrap(t(say.intro), width)),
        // Each title with its summary under it: enough to tell which one was meant without opening all.
        ...outcome.suggestions.flatMap((topic, i) => [
          wrap(`  ${chat ? `${i + 1}.` : '•'} ${paint('bold', topic[outcome.lang].title)} ${paint('dim', `(${topic.id})`)}`, width),
          paint('dim', wrap(`     ${topic[outcome.lang].summary}`, width)),
        ]),
        wrap(t(chat ? say.pick : say.next), width),
      ].join('\n');
    }
    case 'unknown':
      return [paint('yellow', wrap(t('terminal:unknown.text'), width)), wrap(t(chat ? 'terminal:unknown.nextChat' : 'terminal:unknown.next'), width)].join('\n');
  }
}

/** The plain message a non-answer carries, for JSON output. */
export function outcomeText(outcome: Outcome, t: Translate): string {
  switch (outcome.status) {
    case 'answer':
      return outcome.topic[outcome.lang].answer.trim();
    case 'suggest':
      return `${t(suggestionWords(outcome.suggestions.length).intro)} ${outcome.suggestions.map((topic) => topic[outcome.lang].title).join(' / ')}`;
    case 'unknown':
      return `${t('terminal:unknown.text')} ${t('terminal:unknown.next')}`;
  }
}

/** The `--json` shape: one object per question. */
export function outcomeJson(outcome: Outcome, t: Translate) {
  return {
    status: outcome.status,
    lang: outcome.lang,
    topic: outcome.status === 'answer' ? outcome.topic.id : null,
    title: outcome.status === 'answer' ? outcome.topic[outcome.lang].title : null,
    text: outcomeText(outcome, t),
    suggestions: outcome.status === 'suggest' ? outcome.suggestions.map((topic) => ({ topic: topic.id, title: topic[outcome.lang].title })) : [],
    score: outcome.score,
  };
}
