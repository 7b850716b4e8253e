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
