import { basename, join } from 'node:path';
import { fail, ok, type Result } from '../core/result.js';
import { readYamlFolder } from '../core/yaml-files.js';
import { topicSchema, type Topic } from './topic.js';

export type LoadError = 'knowledge.load.unreadable' | 'knowledge.load.invalid';

/** Reads every `*.yaml` topic in `dir`; the first problem names its file and field. */
export async function loadTopics(dir: string): Promise<Result<Topic[], LoadError>> {
  const files = await readYamlFolder(dir, topicSchema, { unreadable: 'knowledge.load.unreadable', invalid: 'knowledge.load.invalid' });
  if (!files.ok) return files;
  const topics: Topic[] = [];
  for (const { name, file, value } of files.value) {
    if (value.id !== basename(name, '.yaml')) {
      return fail('knowledge.load.invalid', { file, field: 'id', reason: `must match the file name "${basename(name, '.yaml')}"` });
    }
    topics.push(value);
  }
  return crossCheck(topics, dir);
}

function crossCheck(topics: Topic[], dir: string): Result<Topic[], LoadError> {
  const ids = new Set(topics.map((topic) => topic.id));
  for (const topic of topics) {
    const index = topic.related.findIndex((id) => !ids.has(id) || id === topic.id);
    if (index >= 0) {
      return fail('knowledge.load.invalid', {
        file: join(dir, `${topic.id}.yaml`),
        field: `related.${index}`,
        reason: `"${topic.related[index]}" is not another topic's id`,
      });
    }
  }
  if (topics.length === 0) return fail('knowledge.load.unreadable', { file: dir, reason: 'no topic files' });
  return ok(topics);
}

