import { stringify } from 'yaml';
import type { Confirmed } from '../../bot/knowledge/confirmed.js';
import type { Topic } from '../../bot/knowledge/topic.js';

/** How a question is compared with the sets' questions: case, spacing and surrounding blanks aside. */
export const sameQuestion = (q: string): string => q.trim().replace(/\s+/gu, ' ').toLowerCase();

/** A topic written from the team's notes (a notes file among its sources) is in the notes' scope. */
const scopeOf = (topic: Topic): 'notes' | 'everyday' => (topic.source.some((source) => source !== 'docker-docs') ? 'notes' : 'everyday');

export interface Harvest {
  /** The development-set file, for a person to review before it joins `dev-real/`. */
  readonly text: string;
  readonly kept: number;
  /** Confirmed questions a set already holds, word for word: the test set's must never join the development set. */
  readonly inSets: number;
  /** Confirmed for a topic the knowledge base no longer has. */
  readonly gone: number;
}

/** The confirmed questions no set holds yet, as a development-set file of real questions (see eval-set.ts). */
export function harvestFile(confirmed: readonly Confirmed[], topics: readonly Topic[], inSets: ReadonlySet<string>, today: string): Harvest {
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const seen = new Set<string>();
  const questions: Array<{ q: string; topic: string; scope: string; src: string }> = [];
  let held = 0;
  let gone = 0;
  for (const item of confirmed) {
    const key = sameQuestion(item.question);
    const topic = byId.get(item.topic);
    if (inSets.has(key) || seen.has(key)) held++;
    else if (!topic) gone++;
    else {
      seen.add(key);
      questions.push({ q: item.question, topic: topic.id, scope: scopeOf(topic), src: `Gorae's gap log: confirmed by ${item.people} ${item.people === 1 ? 'person' : 'people'}, last ${item.time}` });
    }
  }
  const header = [
    `# Questions people asked Gorae and then confirmed a topic for, by opening it from "did you mean" or`,
    `# rating it 👍 (npm run harvest, ${today}). DEVELOPMENT SET: check every label (and its scope)`,
    `# before committing this file to test/fixtures/eval/dev-real/, never to real/; then retrain (README).`,
  ].join('\n');
  return { text: `${header}\n${stringify({ questions }, { lineWidth: 0 })}`, kept: questions.length, inSets: held, gone };
}
