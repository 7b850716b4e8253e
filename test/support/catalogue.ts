import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import type { Catalogue } from '../../bot/explain/catalogue.js';
import { createExplainer, type Explainer } from '../../bot/explain/explainer.js';
import { loadCatalogue } from '../../bot/explain/load-catalogue.js';
import { realKnowledge } from './knowledge.js';

let cached: Promise<Catalogue> | undefined;

/** The real command catalogue (knowledge/commands), loaded once per test file. */
export function realCatalogue(): Promise<Catalogue> {
  cached ??= loadCatalogue(join(packageRoot(import.meta.url), 'knowledge', 'commands')).then((result) => {
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  });
  return cached;
}

/** An explainer over the real catalogue, linking the topics the real knowledge base holds. */
export async function realExplainer(): Promise<Explainer> {
  const [catalogue, knowledge] = await Promise.all([realCatalogue(), realKnowledge()]);
  return createExplainer(
    catalogue,
    (id) => knowledge.topic(id) !== undefined,
    (text) => knowledge.asksAboutOutcome(text),
  );
}
