import { languageOf } from '../core/lang.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Topic } from '../knowledge/topic.js';

/** How many ids the hint names at most, so it stays one line. */
const NEAR = 5;

/**
 * The topic ids an unknown one is part of, or that are part of it ("save" → save-load,
 * save-vs-export): what a person who half-remembers an id most likely meant.
 */
export function nearbyTopicIds(topics: readonly Topic[], id: string): string[] {
  return topics
    .filter((topic) => topic.id.includes(id) || id.includes(topic.id))
    .slice(0, NEAR)
    .map((topic) => topic.id);
}

/**
 * The ids of the topics an unknown id best matches, best first: what the text answers or suggests
 * asked as a question (a title's word, "볼륨" → volumes), the ids it is part of or holds, then the
 * topics whose title or id it begins ("volume" → named-vs-anonymous-volumes).
 */
export function topicIdsLike(knowledge: Knowledge, text: string): string[] {
  const outcome = knowledge.ask(text);
  const asked = outcome.status === 'answer' ? [outcome.topic] : outcome.status === 'suggest' ? outcome.suggestions : [];
  const completed = knowledge.complete(text, languageOf(text), NEAR);
  const ids = [...asked.map((topic) => topic.id), ...nearbyTopicIds(knowledge.topics, text), ...completed.map((topic) => topic.id)];
  return [...new Set(ids)].slice(0, NEAR);
}
