import { hasHangul } from '../core/lang.js';
import { rewordedAfterNo, smallTalkOf } from '../core/small-talk.js';
import { pickedPlace } from './picked-place.js';

/**
 * The line a refusal leaves to act on: "not that one, 2" picks the second, "아니 그거 말고 /topics"
 * runs the command, "not that, thanks" declines. Anything else after a refusal is a question, asked
 * without what was turned down, so the line stays whole.
 */
export function lineAfterRefusal(typed: string): string {
  const rest = rewordedAfterNo(typed);
  if (rest === undefined) return typed;
  // "not that, thanks" and "아니 그거 말고요, 감사해요" decline: they are a no, not thanks for the answer.
  const talk = smallTalkOf(rest);
  if (talk === 'thanks' || talk === 'okay' || talk === 'yes') return hasHangul(typed) ? '아니요' : 'no';
  return pickedPlace(rest) !== undefined || talk !== undefined || rest.startsWith('/') ? rest : typed;
}
