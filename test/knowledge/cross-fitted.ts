import type { TopicModel } from '../../bot/knowledge/classifier.js';
import { ErrorPatterns } from '../../bot/knowledge/error-patterns.js';
import type { Answering } from '../../bot/knowledge/calibration.js';
import { buildKnowledge } from '../../bot/knowledge/knowledge.js';
import type { Lexicon } from '../../bot/knowledge/lexicon.js';
import { TopicIndex } from '../../bot/knowledge/search.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { accepts, evaluate, isRealQuestion, type Evaluation, type Labelled, type Tally } from './eval-set.js';
import { reliability, type FirstHit } from './reliability.js';
import { foldOf, trainingExamples, trainModel } from './topic-model-training.js';

/**
 * The topic model learns from the development set, so a development question is only fairly
 * answered by a model that never saw it: the set is cut in `FOLDS` parts, and each part is
 * answered by a model trained on the topics' examples and the other parts.
 */
export const FOLDS = 5;

export interface CrossFitted {
  /** How the set was cut in folds (see `foldOf`): '' is the cut the shipped figures use. */
  readonly cut: string;
  /** One model per fold, trained without that fold's questions, its topics' reliability measured on the other folds. */
  readonly models: readonly TopicModel[];
  /** The topics' reliability measured on every fold, for the shipped model. */
  readonly reliability: readonly number[];
}

export function crossFit(topics: readonly Topic[], lexicon: Lexicon, dev: readonly Labelled[], cut = ''): CrossFitted {
  const index = new TopicIndex(topics, lexicon);
  const errors = new ErrorPatterns(topics);
  const ids = topics.map((topic) => topic.id);
  const trained = Array.from({ length: FOLDS }, (_, fold) =>
    trainModel(ids, trainingExamples(topics, dev.filter((item) => foldOf(item.q, FOLDS, cut) !== fold), index, errors)),
  );
  const firsts = trained.map((model, fold) => firstHits(new TopicIndex(topics, lexicon, model), dev.filter((item) => foldOf(item.q, FOLDS, cut) === fold), errors));
  return {
    cut,
    models: trained.map((model, fold) => ({ ...model, reliability: reliability(ids, firsts.filter((_, other) => other !== fold).flat()) })),
    reliability: reliability(ids, firsts.flat()),
  };
}

/** The best topic of each real Docker question with a topic whose answer the confidence decides. */
function firstHits(index: TopicIndex, items: readonly Labelled[], errors: ErrorPatterns): FirstHit[] {
  const firsts: FirstHit[] = [];
  for (const item of items) {
    if (!isRealQuestion(item) || !item.docker || item.topic === null || errors.match(item.q)) continue;
    const reading = index.read(item.q);
    const top = reading.signal === 'none' ? undefined : index.search(reading.terms, reading.kinds)[0];
    if (top) firsts.push({ top: top.id, right: accepts(item, top.id) });
  }
  return firsts;
}

/**
 * Every question asked of the knowledge its fold's model builds, counted as one evaluation. What
 * answers may differ by fold, for a confidence model fitted without that fold (fold-cuts.ts).
 */
export function evaluateCrossFitted(
  topics: readonly Topic[],
  lexicon: Lexicon,
  fitted: CrossFitted,
  items: readonly Labelled[],
  answering: Answering | ((fold: number) => Answering),
): Evaluation {
  const parts = fitted.models.map((model, fold) =>
    evaluate(
      buildKnowledge(topics, lexicon, { model, answering: typeof answering === 'function' ? answering(fold) : answering }),
      items.filter((item) => foldOf(item.q, FOLDS, fitted.cut) === fold),
    ),
  );
  return parts.reduce(merge);
}

function merge(a: Evaluation, b: Evaluation): Evaluation {
  const by = new Map<string, Tally>(a.by);
  for (const [key, tally] of b.by) by.set(key, by.has(key) ? add(by.get(key)!, tally) : tally);
  return { all: add(a.all, b.all), by, misses: [...a.misses, ...b.misses] };
}

function add(a: Tally, b: Tally): Tally {
  const answerable = { ...a.answerable };
  for (const key of Object.keys(answerable) as Array<keyof Tally['answerable']>) answerable[key] += b.answerable[key];
  return {
    answerable,
    uncovered: { total: a.uncovered.total + b.uncovered.total, answered: a.uncovered.answered + b.uncovered.answered },
    nonDocker: { total: a.nonDocker.total + b.nonDocker.total, answered: a.nonDocker.answered + b.nonDocker.answered },
  };
}
