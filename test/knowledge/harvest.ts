import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { readConfig } from '../../bot/config.js';
import { confirmedTopics } from '../../bot/knowledge/confirmed.js';
import { jsonlGapLog } from '../../bot/knowledge/gaps.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { readDevSet, readTestSet } from './eval-set.js';
import { harvestFile, sameQuestion } from './harvest-file.js';

// Prints, as a development-set file, the questions people asked Gorae and then confirmed a topic
// for (bot/knowledge/confirmed.ts), leaving out those the development or test set already holds.
//   npm run harvest > test/fixtures/eval/dev-real/asked-YYYY-MM.yaml   (review it before committing)
const config = readConfig();
if (!config.ok) throw new Error(`configuration: ${config.error.id}`);
const dir = config.value.GORAE_KNOWLEDGE_DIR ?? join(packageRoot(import.meta.url), 'knowledge');
const topics = await loadTopics(dir);
if (!topics.ok) throw new Error('the knowledge base did not load');
const gaps = await jsonlGapLog(config.value.GORAE_GAPS_FILE).recent(Number.MAX_SAFE_INTEGER);
const inSets = new Set([...readDevSet(), ...readTestSet()].map((item) => sameQuestion(item.q)));
const harvest = harvestFile(confirmedTopics(gaps.reverse()), topics.value, inSets, new Date().toISOString().slice(0, 10));
process.stdout.write(harvest.text);
process.stderr.write(
  `${config.value.GORAE_GAPS_FILE}: ${harvest.kept} confirmed questions to review; ${harvest.inSets} left out as a set already holds them, ${harvest.gone} as their topic is gone\n`,
);
