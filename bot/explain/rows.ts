import type { Part } from './explain.js';

/** A line of an explanation as people read it: an option together with its value (`-p 8080:80`). */
export interface Row {
  readonly typed: string;
  readonly role: Part['role'];
  readonly known: boolean;
  readonly text: string;
}

/**
 * A word that reads the same however it was quoted: joined with its neighbours it cannot be misread.
 * Any other (`echo $HOME`, `*.log`, words with spaces) keeps a row of its own, as requoting it could
 * change what the host's shell does with it.
 */
const PLAIN_WORD = /^[\w./:@%+=,-]+$/u;

/** Whether a part is one of the container program's plain arguments that may share a row. */
const joinable = (part: Part | undefined): boolean => part?.together !== undefined && PLAIN_WORD.test(part.token);

/**
 * Joins each option with the value that follows it, and the container program's plain arguments
 * side by side into one row (`czf /backup/x.tgz -C /data .`); every other part is a row of its own.
 */
export function rowsOf(parts: readonly Part[]): Row[] {
  const rows: Row[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.role === 'value' && parts[index - 1]?.role === 'option') continue;
    if (joinable(part) && joinable(parts[index - 1])) {
      const last = rows.at(-1)!;
      rows[rows.length - 1] = { ...last, typed: `${last.typed} ${part.token}`, known: last.known && part.known, text: part.together! };
      continue;
    }
    const value = part.role === 'option' && parts[index + 1]?.role === 'value' ? parts[index + 1] : undefined;
    rows.push({ typed: value ? `${part.token} ${value.token}` : part.token, role: part.role, known: part.known, text: part.text });
  }
  return rows;
}
