import { join } from 'node:path';
import { LANGS } from '../../bot/core/lang.js';
import { packageRoot } from '../../bot/core/paths.js';
import type { Answering } from '../../bot/knowledge/calibration.js';
import { buildKnowledge, loadFitted } from '../../bot/knowledge/knowledge.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { crossFit, evaluateCrossFitted, FOLDS } from './cross-fitted.js';
import { evaluate, isRealQuestion, readDevSet, readTestSet, share, type Evaluation, type Labelled, type Tally } from './eval-set.js';

// `npm run eval` prints both sets; `npm run eval -- --misses` lists every miss as well.
const dir = process.env.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
const topics = await loadTopics(dir);
const lexicon = await loadLexicon(lexiconFile(dir));
const trained = await loadFitted(dir);
if (!topics.ok) throw new Error(JSON.stringify(topics.error));
if (!lexicon.ok) throw new Error(JSON.stringify(lexicon.error));
if (!trained.ok) throw new Error(JSON.stringify(trained.error));
if (!trained.value.answering) throw new Error('the knowledge base has no topic model: run `npm run retrain`');
const shipped: Answering = trained.value.answering;
const knowledge = buildKnowledge(topics.value, lexicon.value, trained.value);
const listMisses = process.argv.includes('--misses');

const pct = (count: number, total: number) => (total === 0 ? '    –' : `${(share(count, total) * 100).toFixed(1).padStart(5)} %`);

function row(name: string, tally: Tally): string {
  const a = tally.answerable;
  return [
    name.padEnd(12),
    String(a.total).padStart(5),
    pct(a.right, a.total),
    pct(a.firstLabel, a.total),
    pct(a.wrong, a.total),
    pct(a['suggest-first'], a.total),
    pct(a['suggest-other'], a.total),
    pct(a.listed, a.total),
    pct(a.unknown, a.total),
    `${String(tally.uncovered.total).padStart(5)} ${pct(tally.uncovered.answered, tally.uncovered.total)}`,
    `${String(tally.nonDocker.total).padStart(5)} ${pct(tally.nonDocker.answered, tally.nonDocker.total)}`,
  ].join('  ');
}

function report(title: string, items: readonly Labelled[], result: Evaluation): void {
  console.log(`\n${title}: ${items.length} questions`);
  console.log(
    `${''.padEnd(12)}  ${'n'.padStart(5)}  ${'right'.padStart(7)}  ${'1st lab'.padStart(7)}  ${'wrong'.padStart(7)}  ${'mean:1st'.padStart(7)}  ${'mean:oth'.padStart(7)}  ${'listed'.padStart(7)}  ${'unknown'.padStart(7)}  ${'no-topic answered'.padStart(13)}  ${'non-Docker answered'.padStart(13)}`,
  );
  console.log(row('all', result.all));
  for (const [name, tally] of [...result.by].sort(([a], [b]) => a.localeCompare(b))) console.log(row(name, tally));
  const wrong = result.misses.filter((miss) => miss.verdict === 'wrong' && miss.item.docker);
  console.log(`confidently wrong: ${wrong.length} of ${result.all.answerable.total} (${pct(wrong.length, result.all.answerable.total).trim()})`);
  console.log(`"right" counts an answer with the labelled topic or one of its \`also\` topics; "1st lab" the labelled topic alone;`);
  console.log(`"listed" counts "did you mean" lists that hold a right topic anywhere (part of mean:1st and mean:oth).`);
  if (!listMisses) return;
  console.log(`misses (${result.misses.length}):`);
  for (const miss of result.misses) {
    console.log(`  [${miss.item.lang} ${miss.item.group}] ${miss.item.q.replace(/\s+/gu, ' ').slice(0, 160)}`);
    const expected = miss.item.docker ? [miss.item.topic ?? 'no topic', ...(miss.item.also ?? [])].join(' or ') : 'no answer (not Docker)';
    console.log(`      expected ${expected}, got ${miss.got}`);
  }
}

// The topic model learnt from the development set: each of its questions is answered by a model
// trained without it, or the figures would only say the model remembers.
const dev = readDevSet();
const fitted = crossFit(topics.value, lexicon.value, dev);
const crossFitted = (items: readonly Labelled[], answering: Answering = shipped) => evaluateCrossFitted(topics.value, lexicon.value, fitted, items, answering);
report(`development set (tuned on; the topic model cross-fitted in ${FOLDS} folds)`, dev, crossFitted(dev));

console.log('\ncalibration curve (confidence needed to answer → answered right / wrong / non-Docker answered), on the whole');
console.log('development set, on its real questions, and on those per language (cross-fitted as above); the threshold in use is the');
console.log('lowest that keeps the real ones ≤ 1 % wrong in each language, Korean never below English (`npm run retrain`):');
const realDev = dev.filter(isRealQuestion);
const grid = Array.from({ length: 10 }, (_, i) => Math.round((0.5 + i * 0.05) * 100) / 100);
const inUse = shipped.answerConfidence;
const settings = [...new Set([...grid, ...Object.values(inUse)])].sort((a, b) => a - b);
const figures = (tally: Tally | undefined) =>
  tally ? `${pct(tally.answerable.right, tally.answerable.total)}  ${pct(tally.answerable.wrong, tally.answerable.total)}  ${pct(tally.nonDocker.answered, tally.nonDocker.total)}` : '';
for (const needed of settings) {
  const answering = { ...shipped, answerConfidence: { en: needed, ko: needed } };
  const all = crossFitted(dev, answering).all;
  const real = crossFitted(realDev, answering);
  const mark = LANGS.filter((lang) => inUse[lang] === needed).map((lang) => `  ← ${lang}`).join('');
  const perLang = LANGS.map((lang) => `${lang}: ${figures(real.by.get(`lang ${lang}`))}`).join('   ');
  console.log(`  ${needed.toFixed(2)}  all: ${figures(all)}   real: ${figures(real.all)}   real ${perLang}${mark}`);
}

const test = readTestSet();
report('real-question test set (held out)', test, evaluate(knowledge, test));
