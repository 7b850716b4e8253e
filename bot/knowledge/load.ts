import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { fail, ok, type Result } from '../core/result.js';
import { topicSchema, type Topic } from './topic.js';

export type LoadError = 'knowledge.load.unreadable' | 'knowledge.load.invalid';

/** Reads every `*.yaml` topic in `dir`; the first problem names its file and field. */
export async function loadTopics(dir: string): Promise<Result<Topic[], LoadError>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  } catch (error) {
    return fail('knowledge.load.unreadable', { file: dir, reason: (error as Error).message });
  }
  const topics: Topic[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let data: unknown;
    try {
      data = parse(await readFile(file, 'utf8'));
    } catch (error) {
      return fail('knowledge.load.invalid', { file, field: '(yaml)', reason: firstLine((error as Error).message) });
    }
    const parsed = topicSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail('knowledge.load.invalid', { file, field: issue.path.join('.') || '(root)', reason: issue.message });
    }
    if (parsed.data.id !== basename(name, '.yaml')) {
      return fail('knowledge.load.invalid', { file, field: 'id', reason: `must match the file name "${basename(name, '.yaml')}"` });
    }
    topics.push(parsed.data);
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

const firstLine = (text: string): string => text.split('\n')[0] ?? text;
