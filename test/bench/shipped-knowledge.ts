import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { loadFitted, type Building } from '../../bot/knowledge/knowledge.js';
import { loadLexicon, lexiconFile, type Lexicon } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import type { Topic } from '../../bot/knowledge/topic.js';

/** The knowledge folder as Gorae ships it: topics, lexicon, and the fitted model and calibration. */
export async function shippedKnowledge(): Promise<{ topics: readonly Topic[]; lexicon: Lexicon; building: Building }> {
  const dir = join(packageRoot(import.meta.url), 'knowledge');
  const [topics, lexicon, fitted] = await Promise.all([loadTopics(dir), loadLexicon(lexiconFile(dir)), loadFitted(dir)]);
  if (!topics.ok || !lexicon.ok || !fitted.ok) throw new Error('knowledge did not load');
  return { topics: topics.value, lexicon: lexicon.value, building: fitted.value };
}

/** The build target is for a knowledge base twice today's size: every topic again under another id. */
export const twiceTheBase = (topics: readonly Topic[]): Topic[] => [...topics, ...topics.map((topic) => ({ ...topic, id: `${topic.id}-copy`, related: [] }))];
