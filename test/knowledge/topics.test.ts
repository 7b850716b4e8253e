import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { languageOf } from '../../bot/core/lang.js';
import { loadKnowledge, type Knowledge } from '../../bot/knowledge/knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  const loaded = await loadKnowledge(join(packageRoot(import.meta.url), 'knowledge'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  knowledge = loaded.value;
});

describe('every topic', () => {
  it('exists in at least 130 topics, 25 of them for pasted error messages', () => {
    expect(knowledge.topics.length).toBeGreaterThanOrEqual(130);
    expect(knowledge.topics.filter((topic) => topic.errors.length > 0).length).toBeGreaterThanOrEqual(25);
  });

  it('never mentions the study notes it was written from', () => {
    for (const topic of knowledge.topics) for (const lang of ['en', 'ko'] as const) expect(topic[lang].answer, topic.id).not.toMatch(/our notes|the notes|노트(?!북)/u);
  });

  it('has a real answer in both languages, each written in its own script', () => {
    for (const topic of knowledge.topics) {
      for (const lang of ['en', 'ko'] as const) {
        const side = topic[lang];
        expect(side.answer.length, `${topic.id}.${lang}.answer`).toBeGreaterThanOrEqual(300);
        expect(side.summary.length, `${topic.id}.${lang}.summary`).toBeGreaterThanOrEqual(20);
      }
      expect(languageOf(topic.ko.answer), topic.id).toBe('ko');
      const hangul = topic.en.answer.match(/[\uac00-\ud7af]/gu)?.length ?? 0;
      expect(hangul, `${topic.id}: Korean inside the English answer`).toBe(0);
    }
  });

  it('has no fenced code block in an answer (commands live in their own list)', () => {
    for (const topic of knowledge.topics) for (const lang of ['en', 'ko'] as const) expect(topic[lang].answer, topic.id).not.toContain('```');
  });

  it('lists each example question under one topic only, as a question asked word for word can only have one answer', () => {
    const owners = new Map<string, Set<string>>();
    for (const topic of knowledge.topics) {
      for (const alias of [...topic.en.aliases, ...topic.ko.aliases]) {
        const asked = alias.toLowerCase().replace(/[\s?.!]+$/u, '');
        owners.set(asked, (owners.get(asked) ?? new Set()).add(topic.id));
      }
    }
    expect([...owners].filter(([, ids]) => ids.size > 1).map(([asked, ids]) => `${asked}: ${[...ids].join(', ')}`)).toEqual([]);
  });

  it('answers its own aliases with itself, and never one of them with another topic', () => {
    const wrong: string[] = [];
    let answered = 0;
    let total = 0;
    for (const topic of knowledge.topics) {
      for (const alias of [...topic.en.aliases, ...topic.ko.aliases]) {
        total++;
        const outcome = knowledge.ask(alias);
        if (outcome.status === 'answer' && outcome.topic.id === topic.id) answered++;
        else if (outcome.status === 'answer') wrong.push(`${topic.id}: "${alias}" → ${outcome.topic.id}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(answered / total).toBeGreaterThanOrEqual(0.95);
  });
});

describe('answering', () => {
  it('answers in Korean when the question has any Hangul, and in English otherwise', () => {
    expect(knowledge.ask('run이랑 start 차이').lang).toBe('ko');
    expect(knowledge.ask('run vs start').lang).toBe('en');
  });

  it('lets the caller force the answer language', () => {
    expect(knowledge.ask('run vs start', { lang: 'ko' }).lang).toBe('ko');
  });

  it.each([
    ['run vs start?', 'run-vs-start-vs-create'],
    ['stop이랑 kill 차이가 뭐야?', 'stop-vs-kill'],
    ['오프라인 서버로 이미지 옮기는 법', 'offline-transfer'],
    ['docekr strat vs run', 'run-vs-start-vs-create'],
    ['컨테이나랑 이미지 차이', 'image-vs-container'],
    ['세이브랑 익스포트 차이점', 'save-vs-export'],
    ['컨테이너 안에 들어가려면?', 'exec'],
  ])('answers "%s" with %s', (question, id) => {
    const outcome = knowledge.ask(question);
    expect(outcome.status === 'answer' ? outcome.topic.id : outcome.status).toBe(id);
  });

  it('offers exec first, and answers with no other topic, for "How do I get into a container\'s shell?"', () => {
    const outcome = knowledge.ask("How do I get into a container's shell?");
    const first = outcome.status === 'answer' ? outcome.topic.id : outcome.status === 'suggest' ? outcome.suggestions[0]?.id : outcome.status;
    expect(first).toBe('exec');
  });

  it.each(["what's the weather", 'git rebase vs merge', '파이썬 리스트 정렬', 'kuberntes pod logs', '', '   ?!'])('never answers "%s" with confidence', (question) => {
    expect(knowledge.ask(question).status).not.toBe('answer');
  });

  it('completes a half-typed question with matching topics', () => {
    const titles = knowledge.complete('save vs exp', 'en', 25).map((topic) => topic.id);
    expect(titles[0]).toBe('save-vs-export');
  });

  it('offers topics for an empty autocomplete, sorted by title', () => {
    expect(knowledge.complete('', 'ko', 25)).toHaveLength(25);
  });
});
