import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Confirmed } from '../../bot/knowledge/confirmed.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { realKnowledge } from '../support/knowledge.js';
import { readTestSet } from './eval-set.js';
import { harvestFile, sameQuestion } from './harvest-file.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

const confirmed = (question: string, topic: string, people = 1): Confirmed => ({ question, lang: 'ko', topic, people, time: '2026-12-05T10:00:00.000Z' });

describe('the harvest of confirmed questions', () => {
  it('writes them as real development questions, the scope following the topic', () => {
    const harvest = harvestFile([confirmed('컨테이너 쉘 들어가기', 'exec', 2), confirmed('compose 파일 위치', 'compose-basics')], knowledge.topics, new Set(), '2026-12-05');
    expect(harvest).toMatchObject({ kept: 2, inSets: 0, gone: 0 });
    expect(harvest.text).toMatch(/^# Questions people asked Gorae/u);
    expect(harvest.text).toContain('never to real/');
    const notes = knowledge.topic('exec')!.source.some((source) => source !== 'docker-docs') ? 'notes' : 'everyday';
    expect(parse(harvest.text)).toEqual({
      questions: [
        { q: '컨테이너 쉘 들어가기', topic: 'exec', scope: notes, src: "Gorae's gap log: confirmed by 2 people, last 2026-12-05T10:00:00.000Z" },
        { q: 'compose 파일 위치', topic: 'compose-basics', scope: 'everyday', src: "Gorae's gap log: confirmed by 1 person, last 2026-12-05T10:00:00.000Z" },
      ],
    });
  });

  it('leaves out what a set already holds, however it is spaced or cased, and topics that are gone', () => {
    const [held] = readTestSet();
    const inSets = new Set([sameQuestion(held!.q)]);
    const harvest = harvestFile(
      [confirmed(`  ${held!.q.toUpperCase()}  `, 'exec'), confirmed('docker ps', 'no-such-topic'), confirmed('docker  PS', 'ps'), confirmed('Docker ps', 'ps')],
      knowledge.topics,
      inSets,
      '2026-12-05',
    );
    expect(harvest).toMatchObject({ kept: 1, inSets: 2, gone: 1 });
    expect(parse(harvest.text).questions.map((item: { q: string }) => item.q)).toEqual(['docker  PS']);
  });

  it('quotes whatever people typed so the file reads back as they typed it', () => {
    const typed = 'CMD vs ENTRYPOINT: "exec" form? # not a comment\n- not a list';
    expect(parse(harvestFile([confirmed(typed, 'cmd-vs-entrypoint')], knowledge.topics, new Set(), '2026-12-05').text).questions[0].q).toBe(typed);
  });
});
