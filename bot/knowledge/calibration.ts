import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../core/lang.js';
import { readOptionalJson } from '../core/json-file.js';
import type { Result } from '../core/result.js';
import type { Weights } from './confidence.js';
import type { LoadError } from './load.js';

/** What deciding to answer takes: the confidence model's weights, and how sure it must be, per language of the question. */
export interface Answering {
  readonly weights: Weights;
  readonly answerConfidence: Readonly<Record<Lang, number>>;
}

const weightsSchema = z
  .object({
    bias: z.number(),
    lead: z.number(),
    example: z.number(),
    exampleLead: z.number(),
    coverage: z.number(),
    core: z.number(),
    docker: z.number(),
    length: z.number(),
    title: z.number(),
    declared: z.number(),
    leadThird: z.number(),
    belief: z.number(),
    reliability: z.number(),
  } satisfies Record<keyof Weights, z.ZodNumber>)
  .strict();

const needed = z.number().gt(0).lte(1);

/**
 * The confidence fitted on the development set for one topic model, written by `npm run retrain`
 * beside that model: the weights, and the lowest confidence at which each language's real
 * development questions are answered wrong at most 1 % of the time.
 */
export const calibrationSchema = z
  .object({
    about: z.string(),
    /** The `trainedOn` of the topic model it was fitted with: its belief is one of the evidence. */
    trainedOn: z.string().regex(/^[0-9a-f]{64}$/u),
    weights: weightsSchema,
    answerConfidence: z.object({ en: needed, ko: needed } satisfies Record<Lang, typeof needed>).strict(),
  })
  .strict();

export type Calibration = z.infer<typeof calibrationSchema>;

export const calibrationFile = (knowledgeDir: string): string => join(knowledgeDir, 'model', 'confidence.json');

/** The calibration of a knowledge folder, if it has one. */
export function loadCalibration(file: string): Promise<Result<Calibration | undefined, LoadError>> {
  return readOptionalJson(file, calibrationSchema, { unreadable: 'knowledge.load.unreadable', invalid: 'knowledge.load.invalid' });
}
