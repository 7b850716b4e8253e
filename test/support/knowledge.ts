import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { loadKnowledge, type Knowledge } from '../../bot/knowledge/knowledge.js';

let cached: Promise<Knowledge> | undefined;

/** The real knowledge base, loaded once per test file. */
export function realKnowledge(): Promise<Knowledge> {
  cached ??= loadKnowledge(join(packageRoot(import.meta.url), 'knowledge')).then((result) => {
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  });
  return cached;
}
