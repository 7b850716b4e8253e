import { describe, expect, it } from 'vitest';
import { lineAfterRefusal } from '../../bot/terminal/refusal.js';

describe('the line a refusal leaves to act on', () => {
  it.each([
    ['not that one, 2', '2'],
    ['그거 말고 2번', '2번'],
    ['아니 그거 말고 /topics', '/topics'],
    ['not that, thanks', 'no'],
    ['아니 그거 말고요, 감사해요', '아니요'],
  ])('is what follows "%s" when it picks, is small talk or a command, and a plain no for thanks after it', (typed, line) => {
    expect(lineAfterRefusal(typed)).toBe(line);
  });

  it.each(['아니 그거 말고 처음 실행할 때 포트 여는 거', 'no, not that one: how do I publish a port', 'how do I publish a port'])('is the whole of "%s", a question', (typed) => {
    expect(lineAfterRefusal(typed)).toBe(typed);
  });
});
