import { join } from 'node:path';
import { packageRoot } from '../../bot/core/paths.js';
import { calibrationFile, loadCalibration, type Calibration } from '../../bot/knowledge/calibration.js';
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

/** The calibration that ships beside the topic model. */
export async function shippedCalibration(): Promise<Calibration> {
  const file = calibrationFile(join(packageRoot(import.meta.url), 'knowledge'));
  const loaded = await loadCalibration(file);
  if (!loaded.ok || !loaded.value) throw new Error(`no calibration in ${file}`);
  return loaded.value;
}
