import { describe, expect, it } from 'vitest';
import { smallTalkOf } from '../../bot/core/small-talk.js';

describe('telling small talk from a question', () => {
  it.each(['hello', 'Hi!', 'hey', '안녕하세요', '안녕~', '하이'])('takes "%s" as a greeting', (line) => {
    expect(smallTalkOf(line)).toBe('greeting');
  });

  it.each(['thanks', 'Thank you!', 'thx', '고마워요', '감사합니다'])('takes "%s" as thanks', (line) => {
    expect(smallTalkOf(line)).toBe('thanks');
  });

  it.each(['help', 'Help me', 'what can you do?', '도움말', '뭐 할 수 있어?', '사용법'])('takes "%s" as asking for help', (line) => {
    expect(smallTalkOf(line)).toBe('help');
  });

  it.each(['hello-world', 'docker run hello-world', 'help with docker volumes', '안녕하세요 도커 설치는 어떻게 해요?', 'what can docker do', 'thanks, but how do I remove a volume?'])('leaves "%s" a question', (line) => {
    expect(smallTalkOf(line)).toBeUndefined();
  });
});
