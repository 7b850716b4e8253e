import type { Lang } from '../core/lang.js';
import type { Topic } from '../knowledge/topic.js';
import type { Paint } from './style.js';

/** Every topic's id and title, one per line, ids in a column: what `/topics` and `gorae topic` print. */
export function renderTopicList(topics: readonly Topic[], lang: Lang, paint: Paint): string {
  const width = Math.max(...topics.map((topic) => topic.id.length));
  return topics.map((topic) => `  ${paint('cyan', topic.id.padEnd(width))}  ${topic[lang].title}`).join('\n');
}
