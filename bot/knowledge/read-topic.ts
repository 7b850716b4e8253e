import type { Analyzer } from './analyzer.js';
import type { Declared } from './confidence.js';
import type { QuestionKinds } from './question-kinds.js';
import type { TermNumbers } from './term-numbers.js';
import type { Topic } from './topic.js';

/** The fields a topic is indexed under (see `RANKING` in search.ts for what each weighs). */
export type Field = 'aliases' | 'title' | 'keywords' | 'summary' | 'commands' | 'answer';

/**
 * A topic's words, read once: each field's terms and each example question's on its own, by number
 * in the index's numbering (see term-numbers.ts), and the terms it declares itself about. An example
 * question also holds its kind terms (question-kinds.ts), which no field does.
 */
export interface ReadTopic {
  readonly id: string;
  readonly fields: Readonly<Record<Field, readonly number[]>>;
  readonly examples: ReadonlyArray<readonly number[]>;
  readonly declared: Declared;
}

/** Reads a topic with an analyzer that numbers its terms in `numbering`, and with what tells each example question's kinds. */
export function readTopic(topic: Topic, analyzer: Analyzer, numbering: TermNumbers, kinds?: QuestionKinds): ReadTopic {
  const terms = (texts: readonly string[]) => texts.reduce((into, text) => analyzer.numbers(text, into), [] as number[]);
  const aliases = [...topic.en.aliases, ...topic.ko.aliases];
  const asked = aliases.map((alias) => analyzer.numbers(alias, []));
  const examples = kinds ? aliases.map((alias, k) => [...asked[k]!, ...kinds.of(alias).map((kind) => numbering.number(kind))]) : asked;
  const title = terms([topic.en.title, topic.ko.title]);
  const keywords = terms([...topic.en.keywords, ...topic.ko.keywords]);
  const titleTerms = numbering.termsOf(title);
  return {
    id: topic.id,
    examples,
    declared: { title: new Set(titleTerms), declared: new Set([...titleTerms, ...numbering.termsOf(keywords)]) },
    fields: {
      aliases: ([] as number[]).concat(...asked),
      title,
      keywords,
      summary: terms([topic.en.summary, topic.ko.summary]),
      commands: terms(topic.commands.map((c) => c.command)),
      answer: terms([topic.en.answer, topic.ko.answer]),
    },
  };
}

/** Every topic's example questions, as their terms' numbers. */
export function exampleQuestions(read: readonly ReadTopic[]): Array<{ readonly topic: string; readonly terms: readonly number[] }> {
  const questions: Array<{ readonly topic: string; readonly terms: readonly number[] }> = [];
  for (const { id, examples } of read) for (const terms of examples) questions.push({ topic: id, terms });
  return questions;
}
