import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { passagesFor, speaksNotOf } from '../../bot/knowledge/passages.js';
import { realKnowledge } from '../support/knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

describe('the paragraphs of an answer a follow-up asks about', () => {
  it('are those that speak of the subject the follow-up adds', () => {
    const limits = knowledge.topic('resource-limits')!;
    const [english] = passagesFor(knowledge, limits, 'en', 'and in compose?');
    expect(english).toMatch(/^In Compose, set the limits on the service: `mem_limit: 512m`/);
    const korean = passagesFor(knowledge, limits, 'ko', '그럼 compose에서는?');
    expect(korean).toHaveLength(1);
    expect(korean[0]).toMatch(/^Compose에서는 서비스에 `mem_limit: 512m`/);
  });

  it('are none when the follow-up adds no subject, or only what the title says', () => {
    const limits = knowledge.topic('resource-limits')!;
    expect(passagesFor(knowledge, limits, 'en', 'why?')).toEqual([]);
    expect(passagesFor(knowledge, limits, 'en', 'and memory?'), 'the title names memory').toEqual([]);
  });

  it('are none when most of the answer speaks of it: the whole topic is the answer', () => {
    const volumes = knowledge.topic('volumes')!;
    expect(passagesFor(knowledge, volumes, 'en', 'and the container?')).toEqual([]);
  });
});

describe('the paragraphs a follow-up asks about, read with care', () => {
  it('pass over a word most paragraphs hold, such as docker', () => {
    const limits = knowledge.topic('resource-limits')!;
    expect(passagesFor(knowledge, limits, 'en', 'and with docker compose?')[0]).toMatch(/^In Compose, set the limits on the service/);
    expect(passagesFor(knowledge, limits, 'ko', '도커 컴포즈에서는?')[0]).toMatch(/^Compose에서는 서비스에/);
  });

  it('keep a list with the sentence that introduces it', () => {
    const [first] = passagesFor(knowledge, knowledge.topic('env-vars')!, 'en', 'and in compose?');
    expect(first).toMatch(/^Environment variables are the usual way to configure a container.*\n\n- `-e NAME=value`/su);
  });
});

describe('a follow-up about something a topic never speaks of', () => {
  it('is told apart from one the topic speaks of, or one that adds nothing', () => {
    const ports = knowledge.topic('port-publishing')!;
    expect(speaksNotOf(knowledge, ports, 'ko', '맥에서는요?')).toBe(true);
    expect(speaksNotOf(knowledge, ports, 'en', 'and in compose?')).toBe(false);
    expect(speaksNotOf(knowledge, ports, 'en', 'why?'), 'asks why, adds no subject').toBe(false);
  });
});
