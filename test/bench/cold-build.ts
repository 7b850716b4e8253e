import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../bot/core/paths.js';
import { buildKnowledge, loadFitted } from '../../bot/knowledge/knowledge.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';

// Run by knowledge.bench.ts in a process of its own: the first build of a process is what a start
// pays, before the engine has compiled the analyzer's hot paths, and the warm builds the bench
// repeats don't show it. Prints the first build of today's base, then of the doubled base, in ms.
const dir = join(packageRoot(import.meta.url), 'knowledge');
const topics = await loadTopics(dir);
const lexicon = await loadLexicon(lexiconFile(dir));
const fitted = await loadFitted(dir);
if (!topics.ok || !lexicon.ok || !fitted.ok) throw new Error('knowledge did not load');
let start = performance.now();
buildKnowledge(topics.value, lexicon.value, fitted.value);
const first = performance.now() - start;
const doubled = [...topics.value, ...topics.value.map((topic) => ({ ...topic, id: `${topic.id}-copy`, related: [] }))];
start = performance.now();
buildKnowledge(doubled, lexicon.value, fitted.value);
const second = performance.now() - start;
process.stdout.write(JSON.stringify({ first, doubled: second }));
