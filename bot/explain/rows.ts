import type { Part } from './explain.js';

/** A line of an explanation as people read it: an option together with its value (`-p 8080:80`). */
export interface Row {
  readonly typed: string;
  readonly role: Part['role'];
  readonly known: boolean;
  readonly text: string;
}

/** Joins each option with the value that follows it; every other part is a row of its own. */
export function rowsOf(parts: readonly Part[]): Row[] {
  const rows: Row[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.role === 'value' && parts[index - 1]?.role === 'option') continue;
    const value = part.role === 'option' && parts[index + 1]?.role === 'value' ? parts[index + 1] : undefined;
    rows.push({ typed: value ? `${part.token} ${value.token}` : part.token, role: part.role, known: part.known, text: part.text });
  }
  return rows;
}
