import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { THRESHOLDS } from '../../bot/knowledge/knowledge.js';
import { LANGS } from '../../bot/core/lang.js';
import { confidenceSamples, fitWeights } from './confidence-fit.js';
import { crossFit, evaluateCrossFitted } from './cross-fitted.js';
import { isRealQuestion, readDevSet, share } from './eval-set.js';

// Fits the confidence model's weights on the development set only (logistic regression, L2) and
// prints them for bot/knowledge/confidence.ts. The topic model learnt from the same questions, so
// each is ranked by a model trained without it (cross-fitted), as a new question would be. Never
// run it on the held-out test set.
const dir = process.env.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
const topics = await loadTopics(dir);
const lexicon = await loadLexicon(lexiconFile(dir));
if (!topics.ok || !lexicon.ok) throw new Error('the knowledge base did not load');
const dev = readDevSet();
const fitted = crossFit(topics.value, lexicon.value, dev);

/**
 * The answering threshold is the lowest at which real development questions stay within these
 * shares: half the 2 % goal for wrong answers, as unseen questions go wrong more often (knowledge.ts).
 */
const MOST_WRONG = 0.01;
const MOST_NOT_DOCKER = 0.03;
const samples = confidenceSamples(topics.value, lexicon.value, fitted, dev);
const weights = fitWeights(samples);

const round = (value: number) => Math.round(value * 100) / 100;
console.log(`fitted on ${samples.length} development questions (${samples.filter((s) => s.right).length} with the right topic first):`);
console.log(`export const WEIGHTS: Weights = {\n${Object.entries(weights).map(([key, value]) => `  ${key}: ${round(value)},`).join('\n')}\n};`);

const real = dev.filter(isRealQuestion);
const lowest = new Map<string, number>();
for (let needed = 0.5; needed < 1 && lowest.size < LANGS.length; needed += 0.01) {
  const result = evaluateCrossFitted(topics.value, lexicon.value, fitted, real, { ...THRESHOLDS, weights, answerConfidence: { en: needed, ko: needed } });
  for (const lang of LANGS) {
    const tally = result.by.get(`lang ${lang}`)!;
    if (lowest.has(lang) || share(tally.answerable.wrong, tally.answerable.total) > MOST_WRONG) continue;
    if (share(tally.nonDocker.answered, tally.nonDocker.total) > MOST_NOT_DOCKER) continue;
    lowest.set(lang, round(needed));
  }
}
for (const [lang, needed] of lowest) {
  console.log(`answerConfidence.${lang}: at least ${needed}, the lowest at which its real development questions are answered wrong at most ${MOST_WRONG * 100} % of the time.`);
}
console.log('Those questions tuned the topics and lexicon: a batch measured before any tuning shows whether the margin holds (see THRESHOLDS in knowledge.ts).');
