import { rewordedAfterNo, smallTalkOf } from '../core/small-talk.js';
import { pickedPlace } from './picked-place.js';

/**
 * The line a refusal leaves to act on: "not that one, 2" picks the second, "아니 그거 말고 /topics"
 * runs the command, "not that, thanks" thanks. Anything else after a refusal is a question, asked
 * without what was turned down, so the line stays whole.
 */
export function lineAfterRefusal(typed: string): string {
  const rest = rewordedAfterNo(typed);
  return rest !== undefined && (pickedPlace(rest) !== undefined || smallTalkOf(rest) !== undefined || rest.startsWith('/')) ? rest : typed;
}
