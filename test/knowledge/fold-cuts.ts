import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { MOST_NOT_DOCKER } from './answering-fit.js';
import { confidenceSamples, fitWeights, mostRightWithin } from './confidence-fit.js';
import { crossFit, evaluateCrossFitted } from './cross-fitted.js';
import { isRealQuestion, readDevSet } from './eval-set.js';

// Judges a change to the search, the topics or the lexicon on the development set only, over several
// cuts of it in folds: one cut's figures move by a point or so with which questions fall together,
// which is as much as most changes are worth. For each cut, every question is ranked by a topic model
// and rated by a confidence model that both never saw it, and the report gives the most real
// questions answered right while at most 0.5, 1 and 1.5 % are answered wrong (and at most 3 % of the
// non-Docker ones), then the mean over the cuts. Never run it on the held-out test set.
//   npx tsx test/knowledge/fold-cuts.ts [number of cuts, 5 unless given]
// Each cut is worked out in a process of its own, as many at once as the machine has cores.
const WRONG_SHARES = [0.005, 0.01, 0.015] as const;
// Below 0.75, far more than 1.5 % of the real questions are answered wrong (see the calibration curve of eval-report.ts).
const THRESHOLD_STEPS = Array.from({ length: 25 }, (_, k) => 0.75 + k / 100);
const cuts = ['', ...'abcdefghij'].slice(0, Number(process.argv[2] ?? 5));
/** Set for a process that works out one cut and sends its row to its parent. */
const ONE_CUT = 'GORAE_FOLD_CUT';

const dir = process.env.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
const loadedTopics = await loadTopics(dir);
const loadedLexicon = await loadLexicon(lexiconFile(dir));
if (!loadedTopics.ok || !loadedLexicon.ok) throw new Error('the knowledge base did not load');
const topics = loadedTopics.value;
const lexicon = loadedLexicon.value;
const dev = readDevSet();
const real = dev.filter(isRealQuestion);
const SETS = ['all', 'lang en', 'lang ko'] as const;

const percent = (share: number) => (share * 100).toFixed(1);
const only = process.env[ONE_CUT];
if (only !== undefined) process.send!(rowOf(only));
else await report();

async function report(): Promise<void> {
  const rows = new Map<string, number[]>();
  const waiting = [...cuts];
  const worker = async (): Promise<void> => {
    for (let cut = waiting.shift(); cut !== undefined; cut = waiting.shift()) {
      const row = await inChild(cut);
      rows.set(cut, row);
      console.log(`cut ${JSON.stringify(cut).padEnd(4)} ${line(row)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), cuts.length) }, worker));
  const all = cuts.map((cut) => rows.get(cut)!);
  const mean = all[0]!.map((_, column) => all.reduce((sum, row) => sum + row[column]!, 0) / all.length);
  console.log(`mean     ${line(mean)}`);
}

/** This script again, with tsx's loader, working out one cut. */
function inChild(cut: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, [], { execArgv: process.execArgv, env: { ...process.env, [ONE_CUT]: cut } });
    let row: number[] | undefined;
    child.on('message', (message) => (row = message as number[]));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && row ? resolve(row) : reject(new Error(`cut ${JSON.stringify(cut)} exited with ${code}`))));
  });
}

function rowOf(cut: string): number[] {
  const fitted = crossFit(topics, lexicon, dev, cut);
  const samples = confidenceSamples(topics, lexicon, fitted, dev);
  const ranked = samples.filter(({ item }) => isRealQuestion(item) && item.docker && item.topic !== null);
  const first = ranked.filter((sample) => sample.right).length / ranked.length;
  const weights = fitted.models.map((_, fold) => fitWeights(samples.filter((sample) => sample.fold !== fold)));
  const evaluations = THRESHOLD_STEPS.map((threshold) =>
    evaluateCrossFitted(topics, lexicon, fitted, real, (fold) => ({ weights: weights[fold]!, answerConfidence: { en: threshold, ko: threshold } })),
  );
  const tallies = (set: (typeof SETS)[number]) => evaluations.flatMap((result) => (set === 'all' ? [result.all] : (result.by.get(set) ?? [])));
  return [first, ...SETS.flatMap((set) => WRONG_SHARES.map((wrong) => mostRightWithin(tallies(set), wrong, MOST_NOT_DOCKER)))];
}

function line(row: readonly number[]): string {
  const [first, ...right] = row;
  const sets = SETS.map((set, k) => `${set.replace('lang ', '')} ${right.slice(k * 3, k * 3 + 3).map(percent).join(' / ')}`);
  return `first place ${percent(first!)} %   right at 0.5 / 1 / 1.5 % wrong: ${sets.join('   ')}`;
}
