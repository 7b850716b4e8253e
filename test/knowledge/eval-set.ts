import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import type { Outcome } from '../../bot/knowledge/outcome.js';

const evalSchema = z.object({
  in_scope: z.array(z.object({ q: z.string().min(1), topic: z.string(), kind: z.string() })).min(300),
  out_of_scope: z.array(z.object({ q: z.string().min(1), kind: z.enum(['near', 'general']) })).min(60),
});

export type EvalSet = z.infer<typeof evalSchema>;

export function readEvalSet(file = new URL('../fixtures/eval/questions.yaml', import.meta.url)): EvalSet {
  return evalSchema.parse(parse(readFileSync(file, 'utf8')));
}

const first = (outcome: Outcome): string | undefined =>
  outcome.status === 'answer' ? outcome.topic.id : outcome.status === 'suggest' ? outcome.suggestions[0]?.id : undefined;

export interface Miss {
  readonly q: string;
  readonly kind: string;
  readonly expected: string | null;
  readonly got: string;
}

/** Runs every labelled question and counts what a user would have seen. */
export function evaluate(knowledge: Knowledge, set: EvalSet) {
  const misses: Miss[] = [];
  let top1 = 0;
  let answeredRight = 0;
  let answeredWrong = 0;
  for (const item of set.in_scope) {
    const outcome = knowledge.ask(item.q);
    if (first(outcome) === item.topic) top1++;
    if (outcome.status === 'answer' && outcome.topic.id === item.topic) answeredRight++;
    else {
      if (outcome.status === 'answer') answeredWrong++;
      misses.push({ q: item.q, kind: item.kind, expected: item.topic, got: describe(outcome) });
    }
  }
  let outAnswered = 0;
  for (const item of set.out_of_scope) {
    const outcome = knowledge.ask(item.q);
    if (outcome.status === 'answer') {
      outAnswered++;
      misses.push({ q: item.q, kind: item.kind, expected: null, got: describe(outcome) });
    }
  }
  const inScope = set.in_scope.length;
  return {
    inScope,
    outOfScope: set.out_of_scope.length,
    top1: top1 / inScope,
    answeredRight: answeredRight / inScope,
    answeredWrong: answeredWrong / inScope,
    outAnswered: outAnswered / set.out_of_scope.length,
    misses,
  };
}

function describe(outcome: Outcome): string {
  if (outcome.status === 'answer') return `answer ${outcome.topic.id} (${outcome.score})`;
  if (outcome.status === 'suggest') return `suggest ${outcome.suggestions.map((t) => t.id).join(', ')} (${outcome.score})`;
  return `unknown (${outcome.score})`;
}
