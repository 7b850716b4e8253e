import type { Analyzer } from './analyzer.js';
import type { Declared } from './confidence.js';
import type { QuestionKinds } from './question-kinds.js';
import { TermList } from './term-list.js';
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
  readonly fields: Readonly<Record<Field, ArrayLike<number>>>;
  readonly examples: ReadonlyArray<ArrayLike<number>>;
  readonly declared: Declared;
}

/** Topics are read one at a time, a field after another: one list gathers the terms of each in turn. */
const gathered = new TermList();

/** Reads a topic with an analyzer that numbers its terms in `numbering`, and with what tells each example question's kinds. */
export function readTopic(topic: Topic, analyzer: Analyzer, numbering: TermNumbers, kinds?: QuestionKinds): ReadTopic {
  const terms = (texts: readonly string[]): Int32Array => {
    gathered.clear();
    for (const text of texts) analyzer.numbers(text, gathered);
    return gathered.copy();
  };
  const aliases = topic.en.aliases.concat(topic.ko.aliases);
  // The example questions' terms one after another are the aliases field, and each question's end there tells them apart.
  gathered.clear();
  const ends = aliases.map((alias) => analyzer.numbers(alias, gathered).length);
  const asked = gathered.copy();
  const examples = aliases.map((alias, k) => withKinds(asked.subarray(k === 0 ? 0 : ends[k - 1]!, ends[k]!), kinds ? kinds.of(alias) : [], numbering));
  const title = terms([topic.en.title, topic.ko.title]);
  const keywords = terms(topic.en.keywords.concat(topic.ko.keywords));
  const titleTerms = numbering.termsOf(title);
  return {
    id: topic.id,
    examples,
    declared: { title: new Set(titleTerms), declared: new Set(titleTerms.concat(numbering.termsOf(keywords))) },
    fields: {
      aliases: asked,
      title,
      keywords,
      summary: terms([topic.en.summary, topic.ko.summary]),
      commands: terms(topic.commands.map((c) => c.command)),
      answer: terms([leadOf(topic.en.answer), leadOf(topic.ko.answer)]),
    },
  };
}

/**
 * The first paragraph of an answer: what the topic is about, said in full. The rest is detail
 * (flags, output, error text, cases) that many topics share; indexing it answered no more development
 * questions right over five fold cuts, and reading it was 40 % of an index build (session 30).
 */
function leadOf(answer: string): string {
  const end = answer.indexOf('\n\n');
  return end < 0 ? answer : answer.slice(0, end);
}

/** An example question's terms followed by the numbers of its kind terms. */
function withKinds(terms: Int32Array, kinds: readonly string[], numbering: TermNumbers): Int32Array {
  if (kinds.length === 0) return terms;
  const example = new Int32Array(terms.length + kinds.length);
  example.set(terms);
  kinds.forEach((kind, at) => (example[terms.length + at] = numbering.number(kind)));
  return example;
}

/** Every topic's example questions, as their terms' numbers. */
export function exampleQuestions(read: readonly ReadTopic[]): Array<{ readonly topic: string; readonly terms: ArrayLike<number> }> {
  const questions: Array<{ readonly topic: string; readonly terms: ArrayLike<number> }> = [];
  for (const { id, examples } of read) for (const terms of examples) questions.push({ topic: id, terms });
  return questions;
}
