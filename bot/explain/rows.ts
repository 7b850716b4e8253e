import { quote } from 'shell-quote';
import type { Part } from './explain.js';

/** A line of an explanation as people read it: an option together with its value (`-p 8080:80`). */
export interface Row {
  readonly typed: string;
  readonly role: Part['role'];
  readonly known: boolean;
  readonly text: string;
}

/**
 * Joins each option with the value that follows it, and the container program's plain arguments
 * side by side into one row (`czf /backup/x.tgz -C /data .`), each quoted as a shell would need it;
 * every other part is a row of its own.
 */
export function rowsOf(parts: readonly Part[]): Row[] {
  const rows: Row[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.role === 'value' && parts[index - 1]?.role === 'option') continue;
    const before = parts[index - 1];
    if (part.together !== undefined && before?.together !== undefined) {
      const last = rows.at(-1)!;
      rows[rows.length - 1] = { ...last, typed: `${last.typed} ${quote([part.token])}`, known: last.known && part.known, text: part.together };
      continue;
    }
    const value = part.role === 'option' && parts[index + 1]?.role === 'value' ? parts[index + 1] : undefined;
    const typed = part.together !== undefined && parts[index + 1]?.together !== undefined ? quote([part.token]) : part.token;
    rows.push({ typed: value ? `${part.token} ${value.token}` : typed, role: part.role, known: part.known, text: part.text });
  }
  return rows;
}
