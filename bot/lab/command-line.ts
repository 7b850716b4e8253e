import type { LabAction } from './actions.js';

/**
 * An action the way the docker CLI would spell it — the one rendering of a LabAction as text, for
 * titles, progress lines and the audit channel. Nothing parses it back or runs it: every front
 * hands the core the typed action itself.
 */
export function commandLineOf(action: LabAction): string {
  const words = ['docker', action.action];
  switch (action.action) {
    case 'ps':
      if (action.all) words.push('-a');
      for (const name of action.name ?? []) words.push('--filter', `name=${quoted(name)}`);
      for (const state of action.state ?? []) words.push('--filter', `status=${state}`);
      break;
    case 'images':
      if (action.all) words.push('-a');
      if (action.dangling) words.push('--filter', 'dangling=true');
      break;
    case 'save':
      if (action.file) words.push('-o', action.file);
      words.push(...action.images);
      if (action.gzip) words.push('--gzip');
      if (action.force) words.push('--force');
      break;
    case 'load':
      words.push('-i', action.file);
      break;
  }
  if (action.host) words.push('--host', action.host);
  return words.join(' ');
}

/**
 * A name filter as a shell would need it, so a copied line means what was run: bare when plain,
 * in double quotes around spaces and operators (`"my web"`, `"a;b"`), in single quotes when double
 * quotes would still expand something (`'$(id)'`). Image references, file and host names are
 * already checked to need no quoting.
 */
function quoted(text: string): string {
  if (/["$`\\!]/.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  return /[\s;&|<>()'*?[\]#~{}]/.test(text) ? `"${text}"` : text;
}
