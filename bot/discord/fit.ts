/**
 * Making text fit Discord's limits without breaking it. Lengths are UTF-16 code units, which is never
 * less than what Discord counts, so a text that fits here fits there.
 */

const FENCE = /^\s*```/;

/**
 * Cuts a one-line text (a label, a title, a summary line) at a word boundary and marks the cut with
 * an ellipsis. Inline code or bold left open by the cut is cut away too: it would swallow what follows.
 */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = safeCut(text, max - 1);
  const space = text.lastIndexOf(' ', cut);
  if (space > max / 2) cut = space;
  return closeSpans(`${text.slice(0, cut).trimEnd()}…`);
}

/**
 * Fits markdown into `max` characters. Code blocks stay whole — a block that does not fit is left
 * out rather than cut open — and prose is cut between lines, or inside a line at a word. When anything
 * is left out, `notice` ends the text so the reader knows there is more.
 */
export function fitMarkdown(text: string, max: number, notice: string): string {
  if (text.length <= max) return text;
  const budget = max - notice.length - 2;
  const kept: string[] = [];
  let used = 0;
  for (const unit of units(text)) {
    const cost = unit.text.length + (kept.length ? 1 : 0);
    if (used + cost <= budget) {
      kept.push(unit.text);
      used += cost;
      continue;
    }
    const room = budget - used - (kept.length ? 1 : 0);
    if (!unit.code && room >= 40) kept.push(clamp(unit.text, room));
    break;
  }
  return `${kept.join('\n').trimEnd()}\n\n${notice}`;
}

interface Unit {
  readonly text: string;
  readonly code: boolean;
}

/** Prose lines one by one, and each fenced code block as one unit (an unclosed fence runs to the end). */
function units(text: string): Unit[] {
  const result: Unit[] = [];
  let block: string[] | undefined;
  for (const line of text.split('\n')) {
    if (block) {
      block.push(line);
      if (FENCE.test(line)) {
        result.push({ text: block.join('\n'), code: true });
        block = undefined;
      }
    } else if (FENCE.test(line)) {
      block = [line];
    } else {
      result.push({ text: line, code: false });
    }
  }
  if (block) result.push({ text: block.join('\n'), code: true });
  return result;
}

function closeSpans(cut: string): string {
  let text = cut;
  for (const marker of ['`', '**']) {
    if (text.split(marker).length % 2 === 0) text = `${text.slice(0, text.lastIndexOf(marker)).trimEnd()}…`;
  }
  return text;
}

/** Never splits a surrogate pair (an emoji, a rare Hanja) in two. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
