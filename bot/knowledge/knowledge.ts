import { languageOf, type Lang } from '../core/lang.js';
import { fail, ok, type Result } from '../core/result.js';
import { calibrationFile, loadCalibration, type Answering, type Calibration } from './calibration.js';
import { loadTopicModel, topicModelFile, type TopicModel } from './classifier.js';
import { loadLexicon, lexiconFile, type Lexicon } from './lexicon.js';
import { loadTopics, type LoadError } from './load.js';
import type { AskOptions, Outcome } from './outcome.js';
import { confidence, evidenceOf } from './confidence.js';
import { ErrorPatterns } from './error-patterns.js';
import { kindTerm } from './question-kinds.js';
import { TopicIndex } from './search.js';
import type { Topic } from './topic.js';

export interface Knowledge {
  readonly topics: readonly Topic[];
  topic(id: string): Topic | undefined;
  ask(question: string, options?: AskOptions): Outcome;
  /** The topic of an error message pasted in the text, if one is. */
  pastedError(text: string): Topic | undefined;
  /**
   * Whether the text says something goes wrong ("doesn't work", "안 돼", "error"), holds an error
   * message of a topic's, or asks why something happened ("왜 그래요?"): the lexicon's trouble and why kinds.
   */
  asksAboutOutcome(text: string): boolean;
  /** What the text asks for beside its subject: the lexicon's kinds it holds (how, why, what, trouble), as kind terms. */
  kindsOf(text: string): readonly string[];
  /** The terms a text reads as, particles and endings gone and synonyms joined ("CPU는요?" → cpu). */
  termsOf(text: string): readonly string[];
  /** Whether the text has words of its own and the knowledge base knows none of them ("김치찌개 끓이는 법"). */
  knowsNoWordOf(text: string): boolean;
  complete(partial: string, lang: Lang, limit: number): Topic[];
}

/**
 * When Gorae offers "did you mean" instead of answering: only for a question whose words the
 * knowledge base mostly knows, with up to `count` topics scoring at least `share` of the best.
 */
const SUGGESTING = { coverage: 0.5, count: 3, share: 0.45 } as const;

/** A topic scoring at least this share of the best ties with it: the search can't tell them apart. */
const TIE = 0.9;

/** The kind term of the lexicon's `trouble` kind: words that say something fails. */
const TROUBLE = kindTerm('trouble');
/** A what question asks what its subject is, as the subject alone does ("docker rm이 뭐야?" and "docker rm"). */
const WHAT = kindTerm('what');
const WHY = kindTerm('why');

/** How a question was decided: the status, the topics behind it, and the figures the outcome carries. */
interface Decision {
  readonly status: Outcome['status'];
  /** Settled by the question alone: an error pattern or an example question matched. */
  readonly firm?: boolean;
  readonly ids: readonly string[];
  readonly score: number;
  readonly coverage: number;
}

export interface Building {
  /** The trained topic model that reorders the leading hits; without one, words alone rank them. */
  readonly model?: TopicModel;
  /**
   * When the confidence model is sure enough to answer (calibration.ts). Without it, Gorae answers
   * only what the question settles alone (a pasted error, an example question asked word for word)
   * and offers the rest.
   */
  readonly answering?: Answering;
}

export function buildKnowledge(topics: readonly Topic[], lexicon: Lexicon, { model, answering }: Building = {}): Knowledge {
  const index = new TopicIndex(topics, lexicon, model);
  const errors = new ErrorPatterns(topics);
  const byId = new Map(topics.map((topic) => [topic.id, topic]));

  const decide = (question: string, excluded: ReadonlySet<string>): Decision => {
    const pasted = errors.match(question);
    if (pasted && !excluded.has(pasted.topic)) return { status: 'answer', ids: [pasted.topic], score: pasted.weight, coverage: 1, firm: true };
    const reading = index.read(question);
    const { coverage } = reading;
    const hits = index.search(reading.terms, reading.kinds).filter((hit) => !excluded.has(hit.id));
    const top = hits[0];
    if (reading.words === 0 || !top) return { status: 'unknown', ids: [], score: 0, coverage };
    const score = round(top.score);
    // One word and nothing naming Docker ("압축도 돼?") says too little to be sure of: offer, don't answer.
    const vague = reading.words < 2 && reading.signal !== 'core';
    // Asked word for word like one topic's example question (a slip of one of its words counts as
    // that word), and the search agrees, or ties it with the topic it puts first ("what is a docker
    // volume"): that is the answer, Docker word or not. Where the search puts another topic clearly
    // first, the words the two share may be only the common ones ("Use Container Shell" is exec, not
    // sh-vs-bash), or the example may be right: neither is sure, so both are offered, the search's first.
    // A what question is also owned by an example naming its subject alone.
    const subjectOnly = reading.kinds.length === 1 && reading.kinds[0] === WHAT;
    const owner = (kinds: readonly string[]) => (reading.whole && !vague ? index.exampleOwner(reading.terms, kinds) : undefined);
    const owned = owner(reading.kinds) ?? (subjectOnly ? owner([]) : undefined);
    const alias = owned === undefined || excluded.has(owned) ? undefined : owned;
    const asked = alias === undefined ? undefined : hits.find((hit) => hit.id === alias && hit.score >= top.score * TIE);
    if (asked) return { status: 'answer', ids: [asked.id], score: round(asked.score), coverage, firm: true };
    if (reading.signal === 'none' && !alias) return { status: 'unknown', ids: [], score, coverage };
    if (answering && !vague && !alias) {
      const sure = confidence(evidenceOf(reading, hits, index), answering.weights);
      if (sure >= answering.answerConfidence[languageOf(question)]) return { status: 'answer', ids: [top.id], score, coverage };
    }
    if (coverage < SUGGESTING.coverage) return { status: 'unknown', ids: [], score, coverage };
    const offered = hits.filter((hit) => hit.score >= top.score * SUGGESTING.share).map((hit) => hit.id);
    const ids = (alias ? [top.id, alias, ...offered.filter((id) => id !== top.id && id !== alias)] : offered).slice(0, SUGGESTING.count);
    return { status: 'suggest', ids, score, coverage };
  };

  return {
    topics,
    topic: (id) => byId.get(id),
    pastedError: (text) => {
      const pasted = errors.match(text);
      return pasted && byId.get(pasted.topic);
    },
    asksAboutOutcome: (text) => index.kindsOf(text).some((kind) => kind === TROUBLE || kind === WHY) || errors.match(text) !== undefined,
    kindsOf: (text) => index.kindsOf(text),
    termsOf: (text) => index.read(text).terms,
    knowsNoWordOf: (text) => {
      const { words, terms } = index.read(text);
      return words > 0 && terms.length === 0;
    },
    ask(question, options = {}) {
      const lang = options.lang ?? languageOf(question);
      const { status, ids, score, coverage, firm } = decide(question, new Set(options.excluding));
      const found = ids.map((id) => byId.get(id)!);
      if (status === 'answer') return { status, lang, topic: found[0]!, score, coverage, ...(firm ? { firm } : {}) };
      if (status === 'suggest') return { status, lang, suggestions: found, score, coverage };
      return { status, lang, score, coverage };
    },
    complete(partial, lang, limit) {
      const hits = partial.trim() ? index.complete(partial).map((hit) => byId.get(hit.id)!) : [...topics];
      if (!partial.trim()) hits.sort((a, b) => a[lang].title.localeCompare(b[lang].title, lang));
      return hits.slice(0, limit);
    },
  };
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** Loads topics, the analyzer's lexicon, the topic model and its calibration (if the folder has them) and builds the index. */
export async function loadKnowledge(dir: string): Promise<Result<Knowledge, LoadError>> {
  const topics = await loadTopics(dir);
  if (!topics.ok) return topics;
  const lexicon = await loadLexicon(lexiconFile(dir));
  if (!lexicon.ok) return lexicon;
  const fitted = await loadFitted(dir);
  if (!fitted.ok) return fitted;
  return ok(buildKnowledge(topics.value, lexicon.value, fitted.value));
}

/** The topic model and the calibration fitted with it, as a knowledge folder holds them (neither, or both). */
export async function loadFitted(dir: string): Promise<Result<Building, LoadError>> {
  const model = await loadTopicModel(topicModelFile(dir));
  if (!model.ok) return model;
  const calibration = await loadCalibration(calibrationFile(dir));
  if (!calibration.ok) return calibration;
  const answering = fittedTogether(model.value, calibration.value, calibrationFile(dir));
  if (!answering.ok) return answering;
  return ok({ model: model.value, answering: answering.value });
}

/** A calibration weighs its own model's belief: one without the other, or with another model, would answer on numbers that mean nothing. */
function fittedTogether(model: TopicModel | undefined, calibration: Calibration | undefined, file: string): Result<Answering | undefined, LoadError> {
  if (calibration === undefined && model === undefined) return ok(undefined);
  if (calibration === undefined) return fail('knowledge.load.unreadable', { file, reason: 'the topic model has no calibration beside it: run `npm run retrain`' });
  if (calibration.trainedOn !== model?.trainedOn) return fail('knowledge.load.invalid', { file, field: 'trainedOn', reason: 'was fitted with another topic model: run `npm run retrain`' });
  return ok(calibration);
}

