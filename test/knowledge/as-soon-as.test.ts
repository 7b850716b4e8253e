import { beforeAll, describe, expect, it } from 'vitest';
import { withAsSoonAs } from '../../bot/knowledge/as-soon-as.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { realKnowledge } from '../support/knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

describe('"-자마자" (as soon as)', () => {
  it('reads as the verb before it followed by 바로', () => {
    expect(withAsSoonAs('컨테이너 실행하자마자 꺼짐')).toBe('컨테이너 실행하 바로 꺼짐');
    expect(withAsSoonAs('켜자마자 죽어요')).toBe('켜 바로 죽어요');
  });

  it('leaves a text without it alone', () => {
    expect(withAsSoonAs('컨테이너가 바로 꺼져요')).toBe('컨테이너가 바로 꺼져요');
  });

  it('makes "컨테이너 실행하자마자 꺼짐" a question about a container exiting right away, not about stopping one', () => {
    expect(knowledge.termsOf('컨테이너 실행하자마자 꺼짐')).toContain('바로');
    const outcome = knowledge.ask('컨테이너 실행하자마자 꺼짐');
    const first = outcome.status === 'answer' ? outcome.topic.id : outcome.status === 'suggest' ? outcome.suggestions[0]?.id : undefined;
    expect(first).toBe('container-exits-immediately');
  });
});
