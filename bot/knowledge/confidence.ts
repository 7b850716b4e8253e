import type { Hit, Reading } from './reading.js';

/** What is known about the best topic of a search, each as a number the model weighs. */
export interface Evidence {
  /** ln(best score / second score): how far the best topic is ahead. */
  readonly lead: number;
  /** How closely the question follows the best topic's closest example question (0–1). */
  readonly example: number;
  /** That closeness minus the closest example of any other topic near the top. */
  readonly exampleLead: number;
  /** Share of the question's content words the knowledge base knows (0–1). */
  readonly coverage: number;
  /** 1 when a word names Docker itself (docker, container, Dockerfile, a Docker flag). */
  readonly core: number;
  /** Share of the content words that say Docker (0–1). */
  readonly docker: number;
  /** ln(1 + content terms). */
  readonly length: number;
  /** Share of the best topic's title terms the question uses: it names what the topic is about. */
  readonly title: number;
  /** Share of the question's terms the best topic declares (title, keywords), not just mentions. */
  readonly declared: number;
  /** ln(best score / third score): a lead over a pair of close rivals says less than over the field. */
  readonly leadThird: number;
  /** The topic model's probability for the best topic among the leading hits (0 without a model: the cautious side). */
  readonly belief: number;
  /** ln(odds) that the best topic is right when it comes first, as measured on the development set (0 unmeasured). */
  readonly reliability: number;
}

/** What is known of each topic apart from the question: the terms it declares, and how reliable it has been when first. */
export interface TopicFacts {
  declaredBy(id: string): Declared;
  reliabilityOf(id: string): number | undefined;
}

/** The terms a topic declares itself about: its title's, and those with its keywords. */
export interface Declared {
  readonly title: ReadonlySet<string>;
  readonly declared: ReadonlySet<string>;
}

/** The logistic weights of each evidence, fitted on the development set (calibration.ts). */
export type Weights = Readonly<Record<keyof Evidence | 'bias', number>>;

const RIVALS = 5;

/** Share of `part`'s members that `whole` holds. */
const shareIn = (part: ReadonlySet<string>, whole: ReadonlySet<string>): number => {
  let held = 0;
  for (const term of part) if (whole.has(term)) held++;
  return part.size === 0 ? 0 : held / part.size;
};

/** A best topic with no rival is as far ahead as one scoring ten times the next. */
const ALONE = 10;

/** A share this close to 0 or 1 would outweigh everything else the question shows. */
const SUREST = 0.98;

const logOdds = (share: number | undefined): number => {
  if (share === undefined) return 0;
  const bounded = Math.min(SUREST, Math.max(1 - SUREST, share));
  return Math.log(bounded / (1 - bounded));
};

export function evidenceOf(reading: Reading, hits: readonly Hit[], facts: TopicFacts): Evidence {
  const [top, second, third] = hits;
  if (!top) return { lead: 0, example: 0, exampleLead: 0, coverage: reading.coverage, core: 0, docker: 0, length: 0, title: 0, declared: 0, leadThird: 0, belief: 0, reliability: 0 };
  const rival = Math.max(0, ...hits.slice(1, RIVALS).map((hit) => hit.example));
  const asked = new Set(reading.terms);
  const topic = facts.declaredBy(top.id);
  return {
    lead: Math.log(second ? top.score / second.score : ALONE),
    example: top.example,
    exampleLead: top.example - rival,
    coverage: reading.coverage,
    core: reading.signal === 'core' ? 1 : 0,
    docker: reading.dockerShare,
    length: Math.log(1 + reading.terms.length),
    title: shareIn(topic.title, asked),
    declared: shareIn(asked, topic.declared),
    leadThird: Math.log(third ? top.score / third.score : ALONE),
    belief: top.belief ?? 0,
    reliability: logOdds(facts.reliabilityOf(top.id)),
  };
}

/** The chance (0–1) that the best topic answers the question. */
export function confidence(evidence: Evidence, weights: Weights): number {
  let z = weights.bias;
  for (const key of Object.keys(evidence) as Array<keyof Evidence>) z += weights[key] * evidence[key];
  return 1 / (1 + Math.exp(-z));
}
