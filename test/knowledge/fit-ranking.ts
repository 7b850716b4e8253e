import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { ErrorPatterns } from '../../bot/knowledge/error-patterns.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { RANKING, TopicIndex, type Ranking } from '../../bot/knowledge/search.js';
import { isReal, readDevSet } from './eval-set.js';

// Searches the ranking's field boosts and example weight on the development set only (coordinate
// search: each setting scaled in turn, kept when the right topic comes first more often) and prints
// the best. The aim weighs real and written development questions alike. Words alone: the topic model
// (`npm run retrain`) is trained on top of this ranking. Never run it on the test set.
const dir = process.env.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
const topics = await loadTopics(dir);
const lexicon = await loadLexicon(lexiconFile(dir));
if (!topics.ok || !lexicon.ok) throw new Error('the knowledge base did not load');
const [allTopics, analyzerLexicon] = [topics.value, lexicon.value];
const errors = new ErrorPatterns(allTopics);
const questions = readDevSet().filter((item) => item.docker && item.topic !== null && !errors.match(item.q));

function firstRight(ranking: Ranking): { real: number; written: number; aim: number } {
  const index = new TopicIndex(allTopics, analyzerLexicon, undefined, ranking);
  const count = { real: [0, 0], written: [0, 0] };
  for (const item of questions) {
    const kind = isReal(item) ? count.real : count.written;
    kind[0]! += 1;
    const reading = index.read(item.q);
    if (index.search(reading.terms, reading.kinds)[0]?.id === item.topic) kind[1]! += 1;
  }
  const real = count.real[1]! / Math.max(1, count.real[0]!);
  const written = count.written[1]! / Math.max(1, count.written[0]!);
  return { real, written, aim: (real + written) / 2 };
}

const scaled = (ranking: Ranking, setting: string, factor: number): Ranking =>
  setting === 'exampleWeight'
    ? { ...ranking, exampleWeight: ranking.exampleWeight * factor }
    : { ...ranking, boost: { ...ranking.boost, [setting]: ranking.boost[setting as keyof Ranking['boost']] * factor } };

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
let best = RANKING;
let score = firstRight(best);
console.log(`as it is: right topic first for ${percent(score.real)} of real and ${percent(score.written)} of written questions`);
for (let round = 0; round < 3; round++) {
  for (const setting of [...Object.keys(best.boost), 'exampleWeight']) {
    for (const factor of [0, 0.5, 0.7, 1.4, 2]) {
      const candidate = scaled(best, setting, factor);
      const tried = firstRight(candidate);
      if (tried.aim > score.aim + 0.001) [best, score] = [candidate, tried];
    }
  }
}
console.log(`best: right topic first for ${percent(score.real)} of real and ${percent(score.written)} of written questions`);
console.log(JSON.stringify(best));
