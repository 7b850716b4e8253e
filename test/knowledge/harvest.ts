import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { readConfig } from '../../bot/config.js';
import { confirmedTopics } from '../../bot/knowledge/confirmed.js';
import { jsonlGapLog } from '../../bot/knowledge/gaps.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { readDevSet, readTestSet } from './eval-set.js';
import { harvestFile, sameQuestion } from './harvest-file.js';

// Writes, as a development-set file, the questions people asked Gorae and then confirmed a topic
// for (bot/knowledge/confirmed.ts), leaving out those the development or test set already holds.
//   GORAE_GAPS_FILE="$PWD/gaps.jsonl" npm run harvest -- test/fixtures/eval/dev-real/asked-2026-12.yaml
// The file is written only after the sets are read (a shell's `>` would add an empty file to them
// first), and never over an existing one, which may hold a reviewed harvest.
const [output] = process.argv.slice(2);
if (!output) {
  process.stderr.write('usage: npm run harvest -- FILE.yaml   (a new file; review it before committing)\n');
  process.exit(2);
}
const config = readConfig();
if (!config.ok) throw new Error(`configuration: ${config.error.id}`);
const dir = config.value.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
const topics = await loadTopics(dir);
if (!topics.ok) throw new Error('the knowledge base did not load');
const gaps = await jsonlGapLog(config.value.GORAE_GAPS_FILE).recent(Number.MAX_SAFE_INTEGER);
const inSets = new Set([...readDevSet(), ...readTestSet()].map((item) => sameQuestion(item.q)));
const harvest = harvestFile(confirmedTopics(gaps), topics.value, inSets, new Date().toISOString().slice(0, 10));
try {
  await writeFile(output, harvest.text, { flag: 'wx' });
} catch (error) {
  process.stderr.write(`${output}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? 'already there; name a new file' : String(error)}\n`);
  process.exit(1);
}
process.stdout.write(
  `${output}: ${harvest.kept} confirmed questions from ${config.value.GORAE_GAPS_FILE} to review; ${harvest.inSets} left out as a set already holds them, ${harvest.gone} as their topic is gone\n`,
);
