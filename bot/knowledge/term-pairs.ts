/**
 * What the topic model weighs of a question: its terms, and each two neighbouring subject terms as
 * one more ("load+save", "kill+stop"). A pair says what its terms apart can't: "compose up" and
 * "docker run" ask about other things than "compose" and "run" do. Kind terms ("?how") pair with
 * nothing, as they stand for no place in the sentence. A pair is written in sorted order, so "save
 * and load" and "load or save" meet in one feature. Over five fold cuts the pairs answered 0.9
 * points more real development questions right at 1 % wrong (session 42).
 */
export function withPairs(terms: readonly string[]): string[] {
  const features = [...terms];
  for (let k = 1; k < terms.length; k++) {
    const [a, b] = [terms[k - 1]!, terms[k]!];
    if (a === b || a.startsWith('?') || b.startsWith('?')) continue;
    features.push(a < b ? `${a}+${b}` : `${b}+${a}`);
  }
  return features;
}
