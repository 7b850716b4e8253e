import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { loadKnowledge } from '../../bot/knowledge/knowledge.js';
import { evaluate, readEvalSet } from './eval-set.js';

const knowledge = await loadKnowledge(join(packageRoot(import.meta.url), 'knowledge'));
if (!knowledge.ok) throw new Error(JSON.stringify(knowledge.error));
const result = evaluate(knowledge.value, readEvalSet());
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
console.log(`in scope: ${result.inScope} questions`);
console.log(`  top-1 (answer or first suggestion right): ${pct(result.top1)}   (target ≥ 95 %)`);
console.log(`  answered with the right topic:            ${pct(result.answeredRight)}`);
console.log(`  answered with a wrong topic:              ${pct(result.answeredWrong)}`);
console.log(`out of scope: ${result.outOfScope} questions`);
console.log(`  answered (should not be):                 ${pct(result.outAnswered)}   (target ≤ 3 %)`);
console.log(`\nmisses (${result.misses.length}):`);
for (const miss of result.misses) console.log(`  [${miss.kind}] ${miss.q}\n      expected ${miss.expected ?? 'no answer'}, got ${miss.got}`);
