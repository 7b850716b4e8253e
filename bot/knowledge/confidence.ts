import type { Hit, Reading } from './search.js';

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
}

export type Weights = Readonly<Record<keyof Evidence | 'bias', number>>;

/**
 * Logistic weights fitted on the development set by `npx tsx test/knowledge/fit-confidence.ts`:
 * the chance that the best topic is the right one. Refit after the topics change much.
 */
export const WEIGHTS: Weights = {
  bias: -6.33,
  lead: 1.85,
  example: 2.53,
  exampleLead: -0.26,
  coverage: 1.78,
  core: 1.28,
  docker: 1.58,
  length: 0.49,
};

const RIVALS = 5;

export function evidenceOf(reading: Reading, hits: readonly Hit[]): Evidence {
  const [top, second] = hits;
  if (!top) return { lead: 0, example: 0, exampleLead: 0, coverage: reading.coverage, core: 0, docker: 0, length: 0 };
  const rival = Math.max(0, ...hits.slice(1, RIVALS).map((hit) => hit.example));
  return {
    lead: Math.log(second ? top.score / second.score : 10),
    example: top.example,
    exampleLead: top.example - rival,
    coverage: reading.coverage,
    core: reading.signal === 'core' ? 1 : 0,
    docker: reading.dockerShare,
    length: Math.log(1 + reading.terms.length),
  };
}

/** The chance (0–1) that the best topic answers the question. */
export function confidence(evidence: Evidence, weights: Weights = WEIGHTS): number {
  let z = weights.bias;
  for (const key of Object.keys(evidence) as Array<keyof Evidence>) z += weights[key] * evidence[key];
  return 1 / (1 + Math.exp(-z));
}
