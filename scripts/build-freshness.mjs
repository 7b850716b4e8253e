// Whether dist/ must be compiled again: only when a file tsc reads changed after the last build began.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files and folders whose change changes what tsconfig.build.json emits. */
export const BUILD_INPUTS = ['bot', 'locales', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** Touched with the time each successful build began, so an edit made during a build still counts. */
export const BUILD_STAMP = join('dist', '.built');

/** Pure: a missing build or stamp is stale, and so is any source newer than the stamp. */
export const buildIsStale = ({ newestSourceMs, builtAtMs }) => builtAtMs === undefined || newestSourceMs > builtAtMs;

function newestBelow(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  // A folder's own time moves when a file is added, removed or renamed in it.
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestBelow(join(path, name))), stats.mtimeMs);
}

export function buildFacts(root) {
  const newestSourceMs = BUILD_INPUTS.map((input) => join(root, input))
    .filter((path) => existsSync(path))
    .reduce((newest, path) => Math.max(newest, newestBelow(path)), 0);
  const stamp = join(root, BUILD_STAMP);
  const built = existsSync(stamp) && existsSync(join(root, 'dist', 'bot', 'main.js'));
  return { newestSourceMs, builtAtMs: built ? statSync(stamp).mtimeMs : undefined };
}
