import type { Topic } from './topic.js';

/** `…` in a topic's error text stands for a part that varies: ids, names, ports, paths, versions. */
const VARIABLE = '…';

interface Pattern {
  readonly topic: string;
  readonly fragments: readonly string[];
  /** How much fixed text the pattern carries: the longer, the surer the match. */
  readonly weight: number;
  /** The message follows another failure; it answers only a paste with nothing else recognised. */
  readonly aftermath: boolean;
}

export interface ErrorMatch {
  readonly topic: string;
  readonly weight: number;
}

/** Text as pasted from a terminal or a chat: case, quotes and line breaks vary, the words do not. */
export function normalizeErrorText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/gu, '')
    .replace(/\s+/gu, ' ');
}

/**
 * Finds pasted error messages by their stable text. Every fixed fragment of a pattern must appear
 * in order. When several match, the one that ends last wins: Docker's messages wrap their cause at
 * the end ("driver failed programming external connectivity …: Bind for …: port is already
 * allocated"), and a paste ends with the failure that stopped it ("Unable to find image … locally"
 * then "pull access denied"). At the same place, the pattern that pins down more text wins. A
 * message that only reports an aftermath ("Container … is not running" after a failed start) wins only alone.
 */
export class ErrorPatterns {
  private readonly patterns: Pattern[];

  constructor(topics: readonly Topic[]) {
    this.patterns = topics.flatMap((topic) => [
      ...topic.errors.map((text) => patternOf(topic.id, text, false)),
      ...topic.aftermath.map((text) => patternOf(topic.id, text, true)),
    ]);
  }

  match(question: string): ErrorMatch | undefined {
    const text = normalizeErrorText(question);
    let best: (ErrorMatch & { end: number; aftermath: boolean }) | undefined;
    for (const pattern of this.patterns) {
      const end = endOfMatch(text, pattern.fragments);
      if (end < 0) continue;
      const found = { topic: pattern.topic, weight: pattern.weight, end, aftermath: pattern.aftermath };
      if (!best || beats(found, best)) best = found;
    }
    return best && { topic: best.topic, weight: best.weight };
  }
}

function patternOf(topic: string, text: string, aftermath: boolean): Pattern {
  // Split before normalizing: NFKC turns the ellipsis into three dots.
  const fragments = text
    .split(VARIABLE)
    .map((part) => normalizeErrorText(part).trim())
    .filter(Boolean);
  return { topic, fragments, weight: fragments.reduce((sum, part) => sum + part.length, 0), aftermath };
}

/** A cause beats an aftermath; then the later end, then the longer fixed text. */
function beats(found: { end: number; weight: number; aftermath: boolean }, best: { end: number; weight: number; aftermath: boolean }): boolean {
  if (found.aftermath !== best.aftermath) return best.aftermath;
  return found.end > best.end || (found.end === best.end && found.weight > best.weight);
}

/** Where the last fragment ends when every fragment appears in order, or -1. */
function endOfMatch(text: string, fragments: readonly string[]): number {
  if (fragments.length === 0) return -1;
  let from = 0;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment, from);
    if (at < 0) return -1;
    from = at + fragment.length;
  }
  return from;
}
