/** A paragraph that is a list: it goes with the sentence before it, which says what it lists. */
const LIST = /^(?:[-*]|\d+\.)\s/u;

/**
 * An answer's paragraphs as a reader takes them: a list kept with the paragraph that introduces it,
 * and whatever follows a colon kept with it, so that no part shown alone ends on "these are:".
 */
export function paragraphsOf(answer: string): string[] {
  const paragraphs: string[] = [];
  for (const paragraph of answer.split(/\n\s*\n/u).map((text) => text.trim())) {
    if (paragraph === '') continue;
    const last = paragraphs.at(-1);
    if (last !== undefined && (last.endsWith(':') || LIST.test(paragraph))) paragraphs[paragraphs.length - 1] = `${last}\n\n${paragraph}`;
    else paragraphs.push(paragraph);
  }
  return paragraphs;
}
