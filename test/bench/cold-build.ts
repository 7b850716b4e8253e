import { performance } from 'node:perf_hooks';
import { buildKnowledge } from '../../bot/knowledge/knowledge.js';
import { shippedKnowledge, twiceTheBase } from './shipped-knowledge.js';

// Run by knowledge.bench.ts in a process of its own: the first build of a process is what a start
// pays, before the engine has compiled the analyzer's hot paths, and the warm builds the bench
// repeats don't show it. Prints the first build of today's base, then of the doubled base, in ms.
const { topics, lexicon, building } = await shippedKnowledge();
let start = performance.now();
buildKnowledge(topics, lexicon, building);
const first = performance.now() - start;
const doubled = twiceTheBase(topics);
start = performance.now();
buildKnowledge(doubled, lexicon, building);
const second = performance.now() - start;
process.stdout.write(JSON.stringify({ first, doubled: second }));
