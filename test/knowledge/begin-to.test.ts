import { describe, expect, it } from 'vitest';
import { withoutBeginTo } from '../../bot/knowledge/begin-to.js';

describe('"-기 시작하다" (began to)', () => {
  it('drops 시작 and its ending after a verb in its -기 form', () => {
    expect(withoutBeginTo('도커는 왜 쓰기 시작했을까?')).toBe('도커는 왜 쓰기 ?');
    expect(withoutBeginTo('도커를 배우기 시작할 때 뭐부터 봐요')).toBe('도커를 배우기  때 뭐부터 봐요');
  });

  it('keeps 시작 where it is the thing started or the verb itself', () => {
    expect(withoutBeginTo('컨테이너 시작하기')).toBe('컨테이너 시작하기');
    expect(withoutBeginTo('컨테이너 시작이 안 돼요')).toBe('컨테이너 시작이 안 돼요');
    expect(withoutBeginTo('재시작 정책')).toBe('재시작 정책');
  });

  it('leaves a -기 word before another word alone', () => {
    expect(withoutBeginTo('이미지 크기 줄이기')).toBe('이미지 크기 줄이기');
  });
});
