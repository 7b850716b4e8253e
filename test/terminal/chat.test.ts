import { describe, expect, it } from 'vitest';
import { systemClock } from '../../bot/core/clock.js';
import { ok } from '../../bot/core/result.js';
import type { AskerOptions } from '../../bot/knowledge/asker.js';
import type { Outcome } from '../../bot/knowledge/outcome.js';
import { runChat } from '../../bot/terminal/chat.js';
import { labLines } from '../../bot/terminal/lab-lines.js';
import { terminalHarness } from '../support/terminal.js';

describe('the terminal chat', () => {
  it('greets, answers questions and says goodbye at the end of input', async () => {
    const h = await terminalHarness({ input: ['run vs start?'] });
    expect(await runChat(h.deps)).toBe(0);
    expect(h.out()).toContain('Gorae');
    expect(h.out()).toContain('$ docker ');
    expect(h.out().trim().endsWith('Bye! 🐳')).toBe(true);
  });

  it('holds the chat to the language given with --lang, whatever a line is written in', async () => {
    const h = await terminalHarness({ input: ['run vs start?', 'thanks'] });
    await runChat(h.deps, undefined, 'ko');
    expect(h.out()).toContain(h.deps.knowledge.topic('run-vs-start-vs-create')!.ko.title);
    expect(h.out()).not.toContain(h.deps.knowledge.topic('run-vs-start-vs-create')!.en.title);
    expect(h.out().trim().endsWith('또 만나요! 🐳')).toBe(true);
  });

  it('keeps a Korean conversation Korean when a line is only Docker words ("bind mount vs volume")', async () => {
    const h = await terminalHarness({ uiLang: 'en', input: ['볼륨이 뭐야?', 'bind mount vs volume'] });
    await runChat(h.deps);
    expect(h.gaps.map((gap) => gap.lang), 'both answered in Korean').toEqual(['ko', 'ko']);
  });

  it('lists every topic with /topics', async () => {
    const h = await terminalHarness({ input: ['/topics'] });
    await runChat(h.deps);
    const topics = h.deps.knowledge.topics;
    expect(h.out()).toContain(`${topics.length} topics`);
    for (const topic of topics) expect(h.out()).toContain(topic.id);
  });

  it('speaks Korean when the system locale is Korean', async () => {
    const h = await terminalHarness({ uiLang: 'ko', input: ['/help'] });
    await runChat(h.deps);
    expect(h.out()).toContain('고래예요');
    expect(h.out()).toContain('/topics');
  });

  it('switches the answer language with /lang and shows one topic with /topic', async () => {
    const h = await terminalHarness({ input: ['/lang ko', '/topic save-load', '/nope'] });
    await runChat(h.deps);
    expect(h.out()).toContain('Answers will now be in Korean.');
    expect(h.out()).toContain('예시 명령어');
    expect(h.out(), 'Gorae goes on in the language it was asked to answer in').toContain('/nope 명령어는 몰라요');
  });

  it('follows the language the person writes in, not the one /lang forced on an answer, once /lang is back on auto', async () => {
    const h = await terminalHarness({ input: ['/lang ko', 'run vs start', '/lang auto'] });
    await runChat(h.deps);
    expect(h.out()).toContain('run, start, create의 차이');
    expect(h.out().trim().endsWith('Bye! 🐳')).toBe(true);
  });

  it('answers /help in the language of the conversation, not only of the terminal', async () => {
    const h = await terminalHarness({ input: ['이미지 목록 보기', '/help'] });
    await runChat(h.deps);
    expect(h.out()).toContain('답할 수 있는 주제를 모두 보여 줘요');
  });

  it('reads the next line as a follow-up to the topic just answered', async () => {
    const h = await terminalHarness({ input: ['docker save', 'and the reverse?', '압축도 돼?', 'and the reverse?'] });
    await runChat(h.deps);
    expect(h.gaps.map((gap) => [gap.question, gap.topic, gap.after])).toEqual([
      ['docker save', 'save-load', undefined],
      ['and the reverse?', 'save-load', 'save-load'],
      ['압축도 돼?', 'tarballs-gzip', 'save-load'],
      ['and the reverse?', 'tarballs-gzip', 'tarballs-gzip'],
    ]);
  });

  it('reads a line after a "did you mean" or an "I don\'t know" as no follow-up to the topic shown before it', async () => {
    const h = await terminalHarness({ input: ['CMD랑 ENTRYPOINT 차이', 'docker logs 보는법', '그럼 compose에서는?', 'CMD vs ENTRYPOINT', 'git rebase vs merge', 'and in compose?'] });
    await runChat(h.deps);
    expect(h.gaps.map((gap) => [gap.question, gap.status, gap.after])).toEqual([
      ['CMD랑 ENTRYPOINT 차이', 'answer', undefined],
      ['docker logs 보는법', 'suggest', 'cmd-vs-entrypoint'],
      ['그럼 compose에서는?', 'answer', 'logs'],
      ['CMD vs ENTRYPOINT', 'answer', 'compose-commands'],
      ['git rebase vs merge', 'unknown', 'cmd-vs-entrypoint'],
      ['and in compose?', 'answer', undefined],
    ]);
    expect(h.gaps[2]!.topic, "Compose's everyday commands (its logs among them), not CMD and ENTRYPOINT again").toBe('compose-commands');
  });

  it('reads only a setting ("and for compose?") after a lone "did you mean" as going on from it, and a reworded question as a question of its own', async () => {
    for (const [line, after] of [['and for compose?', 'offline-transfer'], ['not offline', undefined], ['오프라인 말고', undefined], ['to another server', undefined]] as const) {
      const h = await terminalHarness({ input: ['move images', line] });
      const guess: Outcome = { status: 'suggest', lang: 'en', suggestions: [h.deps.knowledge.topic('offline-transfer')!], score: 1, coverage: 1 };
      const asked: Array<string | undefined> = [];
      await runChat({ ...h.deps, ask: async (question, options) => (asked.push(options?.after), asked.length === 1 ? guess : h.deps.ask(question, options)) });
      expect(asked, line).toEqual([undefined, after]);
    }
  });

  it('reads a line after a topic opened by its number, or by a yes to a lone "did you mean", as a follow-up to that topic', async () => {
    const h = await terminalHarness({ input: ['how do I set a restart policy?', '1', 'and on windows?', 'docker logs 보는법', '네', 'compose에서는?'] });
    await runChat(h.deps);
    expect(h.gaps.filter((gap) => !gap.pickedBy).map((gap) => [gap.question, gap.after])).toEqual([
      ['how do I set a restart policy?', undefined],
      ['and on windows?', 'restart-policies'],
      ['docker logs 보는법', 'restart-policies'],
      ['compose에서는?', 'logs'],
    ]);
    expect(h.gaps.find((gap) => gap.question === 'and on windows?')).toMatchObject({ status: 'answer', topic: 'restart-policies' });
  });

  it('says a follow-up leads back to the topic just shown instead of showing it again, and offers its related topics by number', async () => {
    const h = await terminalHarness({ input: ['도커 볼륨이 뭐야?', '그럼 바인드 마운트는?', '왜요?', '1', 'what is a volume?', 'why?'] });
    await runChat(h.deps);
    const volumes = h.deps.knowledge.topic('volumes')!;
    const first = h.deps.knowledge.topic(volumes.related[0]!)!;
    expect(h.gaps.map((gap) => gap.topic)).toEqual(['volumes', 'volumes', 'volumes', 'volumes', 'volumes']);
    expect(h.out().split(volumes.ko.answer.split('\n')[0]!), 'the Korean topic is shown in full once').toHaveLength(2);
    expect(h.out().split(volumes.en.answer.split('\n')[0]!), 'the English one once').toHaveLength(2);
    // The answer is long: what is not above yet is behind "more", and the pointer says so.
    expect(h.out().match(new RegExp(`그 내용은 방금 보여 드린 '${volumes.ko.title}' 주제에 있어요\\. 아직 안 보여 드린 문단이 \\d+개 더 있으니`, 'g'))).toHaveLength(2);
    expect(h.out()).toMatch(new RegExp(`That is covered in "${volumes.en.title}" above, and \\d+ more paragraphs of it are still hidden`));
    expect(h.out()).toContain(`함께 보면 좋은 주제(번호를 입력하면 열려요): 1. ${first.ko.title}`);
    expect(h.out(), 'typing 1 after it opens the first related topic').toContain(first.ko.summary.slice(0, 30));
  });

  it('shows the example commands of the topic just shown when asked for an example, and asks which topic before any', async () => {
    const h = await terminalHarness({ input: ['예시 좀', '도커 볼륨이 뭐야?', '예시 좀'] });
    await runChat(h.deps);
    const volumes = h.deps.knowledge.topic('volumes')!;
    expect(h.out()).toContain('어떤 것의 예시를 볼까요? 먼저 궁금한 주제를 물어보시면');
    expect(h.out().split(`$ ${volumes.commands[0]!.command}`), 'once with the answer, once asked for').toHaveLength(3);
    expect(h.out().split(volumes.ko.answer.split('\n')[0]!), 'the answer itself only once').toHaveLength(2);
  });

  it('sums the topic just shown up in a line when asked for the short version, and asks which topic before any', async () => {
    const h = await terminalHarness({ input: ['tl;dr', 'stop vs kill', '한 줄로 요약해 주세요'] });
    await runChat(h.deps);
    const stopKill = h.deps.knowledge.topic('stop-vs-kill')!;
    expect(h.out()).toContain("A summary of what? Ask about a topic first, and I'll sum it up in a line.");
    expect(h.out()).toContain(`${stopKill.ko.title}\n${stopKill.ko.summary}`);
    expect(h.out().split(stopKill.en.summary), 'the English summary only with the answer').toHaveLength(2);
  });

  it('shows the example commands of the one topic a "did you mean" offered when asked for an example', async () => {
    const h = await terminalHarness({ input: ['move images', '예시 좀'] });
    const only = h.deps.knowledge.topic('save-load')!;
    const suggestion: Outcome = { status: 'suggest', lang: 'ko', suggestions: [only], score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async () => suggestion });
    expect(h.out()).toContain(`$ ${only.commands[0]!.command}`);
    expect(h.out()).not.toContain('어떤 것의 예시를 볼까요?');
  });

  it('shows the topic just shown again when it is asked for in the other language', async () => {
    const h = await terminalHarness({ input: ['what is a volume?', '볼륨이 뭐야?'] });
    await runChat(h.deps);
    const volumes = h.deps.knowledge.topic('volumes')!;
    expect(h.out()).toContain(volumes.ko.answer.split('\n')[0]!);
    expect(h.out()).not.toContain('그 내용은 방금 보여 드린');
  });

  it('keeps the last numbered list usable after a reply without one', async () => {
    const h = await terminalHarness({ input: ['도커 볼륨이 뭐야?', '오늘 날씨 어때?', '2'] });
    await runChat(h.deps);
    const second = h.deps.knowledge.topic(h.deps.knowledge.topic('volumes')!.related[1]!)!;
    expect(h.gaps.map((gap) => gap.status)).toEqual(['answer', 'unknown']);
    expect(h.out()).not.toContain('아직 열어 볼 추천 목록이 없어요');
    expect(h.out()).toContain(second.ko.summary.slice(0, 30));
  });

  it('stops at /quit without reading further lines', async () => {
    const h = await terminalHarness({ input: ['/quit', 'run vs start'] });
    await runChat(h.deps);
    expect(h.out()).not.toContain('$ docker ');
    expect(h.gaps).toHaveLength(0);
  });

  it('stops at a bare "exit", "quit", "q", the Korean 종료 and 나가기 or a goodbye, as most prompts do, but still answers a question about exiting', async () => {
    for (const word of ['exit', 'Quit', 'q', '/q', '종료', '나가기', 'ok bye', 'Bye!', 'thanks, bye', 'bye 👋', '잘 있어요', '안녕히 계세요 ㅎㅎ']) {
      const h = await terminalHarness({ input: [word, 'run vs start'] });
      await runChat(h.deps);
      expect(h.out()).not.toContain('$ docker ');
      expect(h.gaps).toHaveLength(0);
    }
    const korean = await terminalHarness({ input: ['잘 있어요'] });
    await runChat(korean.deps);
    expect(korean.out().trimEnd(), 'a Korean goodbye is answered in Korean in an English terminal').toMatch(/또 만나요! 🐳$/u);
    for (const question of ['exit vs detach', '컨테이너 종료', 'bye docker, hello podman?']) {
      const asked = await terminalHarness({ input: [question] });
      await runChat(asked.deps);
      expect(asked.gaps).toHaveLength(1);
    }
  });

  it('hands lines to the extra handler before treating them as questions', async () => {
    const h = await terminalHarness({ input: ['docker ps -a'] });
    const seen: string[] = [];
    await runChat(h.deps, async (line) => (seen.push(line), true));
    expect(seen).toEqual(['docker ps -a']);
  });

  it('numbers its suggestions and opens the one whose number is typed next', async () => {
    const h = await terminalHarness({ input: ['move images', '2', 'move images', '7'] });
    const [first, second] = [h.deps.knowledge.topic('save-load')!, h.deps.knowledge.topic('registries')!];
    const asked: string[] = [];
    const suggestion: Outcome = { status: 'suggest', lang: 'en', suggestions: [first, second], score: 1, coverage: 1 };
    const deps = { ...h.deps, ask: async (question: string) => (asked.push(question), suggestion) };
    await runChat(deps);
    expect(h.out()).toContain(`  1. ${first.en.title} (save-load)`);
    expect(h.out()).toContain(`  2. ${second.en.title} (registries)`);
    expect(h.out(), 'each suggestion shows its summary, also the one never opened').toContain(`     ${first.en.summary.split(' ').slice(0, 4).join(' ')}`);
    expect(h.out()).toContain('Type a number to open that topic');
    expect(h.out()).toContain(second.en.summary.slice(0, 30));
    expect(h.out()).toContain('Pick a number from 1 to 2');
    expect(asked).toEqual(['move images', 'move images']);
  });

  it('offers the other suggestions again when the one opened from a list is turned down, and opens one of them on a yes', async () => {
    const h = await terminalHarness({ input: ['move images', '2', '아니요', '네'] });
    const [first, second] = [h.deps.knowledge.topic('save-load')!, h.deps.knowledge.topic('registries')!];
    const asked: string[] = [];
    const suggestion: Outcome = { status: 'suggest', lang: 'en', suggestions: [first, second], score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async (question: string) => (asked.push(question), suggestion) });
    const after = h.out().slice(h.out().indexOf(second.en.summary.slice(0, 30)));
    expect(after, 'the other one, offered alone').toContain(`1. ${first.en.title} (save-load)`);
    expect(after).not.toContain(`2. ${second.en.title}`);
    expect(after, 'and opened by the yes').toContain(first.en.answer.split('\n')[0]!.slice(0, 40));
    expect(asked).toEqual(['move images']);
    expect(h.gaps.filter((gap) => gap.vote === 'down').map((gap) => gap.topic), 'the no is a 👎 on the topic turned down').toEqual(['registries']);
    const related = await terminalHarness({ input: ['how do I remove an image', '1', 'no'] });
    await runChat({ ...related.deps, ask: async () => ({ status: 'answer', lang: 'en', topic: related.deps.knowledge.topic('rmi')!, score: 1, coverage: 1 }) as Outcome });
    expect(related.out(), 'a no to a related topic, which no question offered, gets the usual reply').toContain('Then try asking in other words');
  });

  it('numbers the related topics of a topic opened from a suggestion, and opens them by number next', async () => {
    const h = await terminalHarness({ input: ['move images', '2', '1'] });
    const [first, second] = [h.deps.knowledge.topic('save-load')!, h.deps.knowledge.topic('registries')!];
    const related = h.deps.knowledge.topic(second.related[0]!)!;
    const suggestion: Outcome = { status: 'suggest', lang: 'en', suggestions: [first, second], score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async () => suggestion });
    const opened = h.out().slice(h.out().indexOf(second.en.summary.slice(0, 30)));
    expect(opened).toContain(`1. ${related.en.title}`);
    expect(opened, 'typing 1 then opens its first related topic, not the first suggestion').toContain(related.en.summary.slice(0, 30));
    expect(opened).not.toContain(first.en.summary.slice(0, 30));
  });

  it('shows the paragraph on what a follow-up adds when it leads back to the topic just shown', async () => {
    const h = await terminalHarness({ input: ['how to limit memory of a container', 'and in compose?', 'why?'] });
    const limits = h.deps.knowledge.topic('resource-limits')!;
    const answer: Outcome = { status: 'answer', lang: 'en', topic: limits, score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async () => answer });
    const out = h.out();
    expect(out).toContain(`Here is the part of "${limits.en.title}" (above) about that:`);
    const passage = out.slice(out.indexOf('(above) about that:'));
    expect(passage).toContain('In Compose, set the limits on the service');
    expect(out, 'a follow-up adding nothing is pointed back').toContain(`That is covered in "${limits.en.title}" above`);
  });

  it('shows the opening of a long answer, and the rest when asked for more', async () => {
    const h = await terminalHarness({ input: ['volume vs bind mount', 'more', '더'] });
    const volumes = h.deps.knowledge.topic('volumes')!;
    await runChat({ ...h.deps, ask: async () => ({ status: 'answer', lang: 'en', topic: volumes, score: 1, coverage: 1 }) as Outcome });
    const out = h.out();
    const [shown = '', more = ''] = out.split(/\n… \d+ more paragraphs: type more to read them\.\n/);
    expect(more, 'the hint follows the opening').not.toBe('');
    expect(shown).toContain("A container's changes live in its writable layer.");
    expect(shown, 'the rest waits').not.toContain('Mind the gaps');
    expect(more).toContain('Mind the gaps');
    expect(more.indexOf('Mind the gaps'), 'the rest comes after the examples and related topics').toBeGreaterThan(more.indexOf('Related'));
    expect(more, '"더" asks for more in Korean, and there is none left').toContain('더 보여 드릴 게 없어요');
  });

  it('says what is still behind more when a follow-up leads back to a long answer, and never shows an excerpt twice', async () => {
    const h = await terminalHarness({ input: ['how to limit memory of a container', 'why?', 'and in compose?', 'more'] });
    const limits = h.deps.knowledge.topic('resource-limits')!;
    await runChat({ ...h.deps, ask: async () => ({ status: 'answer', lang: 'en', topic: limits, score: 1, coverage: 1 }) as Outcome });
    const out = h.out();
    expect(out).toMatch(/That is covered in "[^"]+" above, and \d+ more paragraphs? of it (?:is|are) still hidden: type more to read/);
    expect(out.split('In Compose, set the limits on the service'), 'shown once, as the excerpt, not again by more').toHaveLength(2);
  });

  it('points back to a short answer shown whole as the one above', async () => {
    const h = await terminalHarness({ input: ['what does ps show', 'why?'] });
    const ps = h.deps.knowledge.topic('ps')!;
    await runChat({ ...h.deps, ask: async () => ({ status: 'answer', lang: 'en', topic: ps, score: 1, coverage: 1 }) as Outcome });
    expect(h.out()).toContain(`That is covered in "${ps.en.title}" above, so have a look there first.`);
  });

  it('says so when a follow-up leading back asks about something the topic never speaks of', async () => {
    const h = await terminalHarness({ input: ['포트 포워딩 어떻게 해요?', '맥에서는요?'] });
    const ports = h.deps.knowledge.topic('port-publishing')!;
    await runChat({ ...h.deps, ask: async () => ({ status: 'answer', lang: 'ko', topic: ports, score: 1, coverage: 1 }) as Outcome });
    expect(h.out()).toContain(`방금 보여 드린 '${ports.ko.title}' 주제에는 그 내용이 따로 나와 있지 않아요.`);
  });

  it('forgets what more would show after /topics, and after a question that found no answer', async () => {
    const h = await terminalHarness({ input: ['volume vs bind mount', '/topics', 'more', 'volume vs bind mount', 'tasty pizza', 'more'] });
    const volumes = h.deps.knowledge.topic('volumes')!;
    const outcomes: Outcome[] = [{ status: 'answer', lang: 'en', topic: volumes, score: 1, coverage: 1 }, { status: 'unknown', lang: 'en', score: 0, coverage: 0 }];
    await runChat({ ...h.deps, ask: async (question: string) => (question.includes('pizza') ? outcomes[1]! : outcomes[0]!) });
    expect(h.out().match(/There's nothing more to show/g)).toHaveLength(2);
    expect(h.out()).not.toContain('Mind the gaps');
  });

  it('forgets what more would show once a lab line has run', async () => {
    const h = await terminalHarness({ input: ['volume vs bind mount', 'docker ps -a', 'more'] });
    const volumes = h.deps.knowledge.topic('volumes')!;
    await runChat({ ...h.deps, ask: async () => ({ status: 'answer', lang: 'en', topic: volumes, score: 1, coverage: 1 }) as Outcome }, async (line) => line.startsWith('docker ps'));
    expect(h.out()).toContain("There's nothing more to show");
    expect(h.out()).not.toContain('Mind the gaps');
  });

  it('shows a short answer whole, without a hint', async () => {
    const h = await terminalHarness({ input: ['what does ps show', 'more'] });
    const ps = h.deps.knowledge.topic('ps')!;
    await runChat({ ...h.deps, ask: async () => ({ status: 'answer', lang: 'en', topic: ps, score: 1, coverage: 1 }) as Outcome });
    expect(ps.en.answer.length, 'this topic is short').toBeLessThan(1400);
    expect(h.out()).toContain(ps.en.answer.trim().split('\n').at(-1)!.slice(0, 40));
    expect(h.out()).not.toContain('type more to read');
    expect(h.out()).toContain("There's nothing more to show");
  });

  it('asks a line that turns down what was shown ("아니 그거 말고 …") anew without it: the answer, or every topic of the list', async () => {
    const h = await terminalHarness({ input: ['docker save', '아니 그거 말고 압축해서 옮기는 법', 'move images', 'not that, how do I push an image'] });
    const [saved, registries] = [h.deps.knowledge.topic('save-load')!, h.deps.knowledge.topic('registries')!];
    const asks: Array<{ question: string; options: AskerOptions }> = [];
    const outcomes: Outcome[] = [
      { status: 'answer', lang: 'ko', topic: saved, score: 1, coverage: 1 },
      { status: 'unknown', lang: 'ko', score: 0, coverage: 0 },
      { status: 'suggest', lang: 'en', suggestions: [saved, registries], score: 1, coverage: 1 },
      { status: 'unknown', lang: 'en', score: 0, coverage: 0 },
    ];
    await runChat({ ...h.deps, ask: async (question, options) => (asks.push({ question, options }), outcomes[asks.length - 1]!) });
    expect(asks.map(({ question }) => question)).toEqual(['docker save', '압축해서 옮기는 법', 'move images', 'how do I push an image']);
    expect(asks[1]!.options, 'the answer turned down, and no follow-up to it').toMatchObject({ excluding: ['save-load'] });
    expect(asks[1]!.options).not.toHaveProperty('after');
    expect(asks[3]!.options, 'a list turned down, all of it').toMatchObject({ excluding: ['save-load', 'registries'] });
  });

  it('acts on what follows a refusal when it is a number or a command, takes "not that, thanks" as a no, and asks a refusal with nothing shown without its refusing words', async () => {
    const h = await terminalHarness({ input: ['no, not that one: how do I publish a port', 'docker save', 'not that one, 2', 'not that, thanks'] });
    const saved = h.deps.knowledge.topic('save-load')!;
    const second = h.deps.knowledge.topic(saved.related[1]!)!;
    const asks: Array<{ question: string; options: AskerOptions }> = [];
    const outcomes: Outcome[] = [{ status: 'unknown', lang: 'en', score: 0, coverage: 0 }, { status: 'answer', lang: 'en', topic: saved, score: 1, coverage: 1 }];
    await runChat({ ...h.deps, ask: async (question, options) => (asks.push({ question, options }), outcomes[asks.length - 1]!) });
    expect(asks.map(({ question }) => question), 'only questions are asked').toEqual(['how do I publish a port', 'docker save']);
    expect(asks[0]!.options, 'nothing was shown to turn down').not.toHaveProperty('excluding');
    expect(h.out(), '"2" after the refusal opens the second related topic').toContain(second.en.answer.split('\n')[0]!.slice(0, 40));
    expect(h.out(), 'and "not that, thanks" declines: a no, not thanks').toContain('Then try asking in other words');
    expect(h.out()).not.toContain('Glad it helped!');
  });

  it('records a 👎 on a topic opened from a list and then turned down with a rewording, as a plain no does', async () => {
    const h = await terminalHarness({ input: ['move images', '2', 'no, not that one: how do I push an image'] });
    const [saved, registries] = [h.deps.knowledge.topic('save-load')!, h.deps.knowledge.topic('registries')!];
    const asks: Array<{ question: string; options: AskerOptions }> = [];
    const outcomes: Outcome[] = [{ status: 'suggest', lang: 'en', suggestions: [saved, registries], score: 1, coverage: 1 }, { status: 'unknown', lang: 'en', score: 0, coverage: 0 }];
    await runChat({ ...h.deps, ask: async (question, options) => (asks.push({ question, options }), outcomes[asks.length - 1]!) });
    expect(h.gaps.filter((gap) => gap.vote !== undefined)).toEqual([expect.objectContaining({ vote: 'down', topic: 'registries' })]);
    expect(asks[1]!.options).toMatchObject({ excluding: ['registries'] });
  });

  it('asks which one when a yes follows a list of several, and opens the number typed next', async () => {
    const h = await terminalHarness({ input: ['move images', 'yes', '2'] });
    const [first, second] = [h.deps.knowledge.topic('save-load')!, h.deps.knowledge.topic('registries')!];
    const asked: string[] = [];
    const suggestion: Outcome = { status: 'suggest', lang: 'en', suggestions: [first, second], score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async (question: string) => (asked.push(question), suggestion) });
    expect(h.out()).toContain('Which one? Type its number (1 to 2), or ask in other words.');
    expect(h.out(), 'a yes is no thanks to answer').not.toContain('Ask me anything else');
    expect(h.out()).toContain(second.en.answer.split('\n')[0]!.slice(0, 40));
    expect(asked).toEqual(['move images']);
  });

  it('asks which one when "more", an example or a summary is asked for after a list of several, and opens a lone suggestion on "more"', async () => {
    const several = await terminalHarness({ input: ['move images', 'more', '예시 보여줘', 'tl;dr'] });
    const [first, second] = [several.deps.knowledge.topic('save-load')!, several.deps.knowledge.topic('registries')!];
    await runChat({ ...several.deps, ask: async () => ({ status: 'suggest', lang: 'en', suggestions: [first, second], score: 1, coverage: 1 }) as Outcome });
    expect(several.out().split('Which one? Type its number (1 to 2)'), 'once in English').toHaveLength(2);
    expect(several.out(), 'and the list stays open for 예시, asked in Korean').toContain('어느 것을 열까요? 번호(1부터 2까지)');
    expect(several.out()).not.toContain('There\'s nothing more to show');
    const lone = await terminalHarness({ input: ['move images', 'more'] });
    await runChat({ ...lone.deps, ask: async () => ({ status: 'suggest', lang: 'en', suggestions: [second], score: 1, coverage: 1 }) as Outcome });
    expect(lone.out()).toContain(second.en.answer.split('\n')[0]!.slice(0, 40));
  });

  it('asks which one in Korean when the yes to a list is Korean', async () => {
    const h = await terminalHarness({ input: ['move images', '네'] });
    const suggestion: Outcome = { status: 'suggest', lang: 'en', suggestions: [h.deps.knowledge.topic('save-load')!, h.deps.knowledge.topic('registries')!], score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async () => suggestion });
    expect(h.out()).toContain('어느 것을 열까요? 번호(1부터 2까지)를 입력하거나 다른 말로 물어봐 주세요.');
  });

  it('opens the one suggestion a setting names ("and in compose?"), and asks a setting that names none', async () => {
    const h = await terminalHarness({ input: ['pass variables to a container', 'and in compose?', 'and on Windows?'] });
    const [first, second] = [h.deps.knowledge.topic('env-vars')!, h.deps.knowledge.topic('compose-env')!];
    const asked: string[] = [];
    const suggestion: Outcome = { status: 'suggest', lang: 'en', suggestions: [first, second], score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async (question: string) => (asked.push(question), suggestion) });
    expect(h.out()).toContain(second.en.answer.split('\n')[0]!.slice(0, 40));
    expect(asked, 'the setting naming compose-env alone opens it; the one naming neither is a question').toEqual(['pass variables to a container', 'and on Windows?']);
  });

  it('opens a suggestion picked the way Koreans count ("2번"), or as #2 or 2.', async () => {
    const h = await terminalHarness({ input: ['이미지 옮기기', '2번', '이미지 옮기기', '#1', '이미지 옮기기', '2.'] });
    const [first, second] = [h.deps.knowledge.topic('save-load')!, h.deps.knowledge.topic('registries')!];
    const asked: string[] = [];
    const suggestion: Outcome = { status: 'suggest', lang: 'ko', suggestions: [first, second], score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async (question: string) => (asked.push(question), suggestion) });
    expect(asked, 'none of the picks is asked as a question').toEqual(['이미지 옮기기', '이미지 옮기기', '이미지 옮기기']);
    expect(h.out()).toContain(second.ko.answer.split('\n')[0]!.slice(0, 30));
    expect(h.out()).toContain(first.ko.answer.split('\n')[0]!.slice(0, 30));
  });

  it('answers a pasted error and explains a pasted command in the language of the conversation, which they don\'t change', async () => {
    const error = 'docker: Error response from daemon: driver failed programming external connectivity on endpoint web: Bind for 0.0.0.0:8080 failed: port is already allocated.';
    const h = await terminalHarness({ uiLang: 'ko', input: [error, 'docker run -d -p 8080:80 nginx', 'how do I list containers?', error] });
    await runChat(h.deps);
    const topic = h.deps.knowledge.topic('err-port-allocated')!;
    const [first, ...rest] = h.out().split(topic.ko.title);
    expect(rest.length, 'the Korean terminal answers the first paste in Korean').toBeGreaterThanOrEqual(1);
    expect(first).not.toContain(topic.en.title);
    expect(h.out(), 'the command is explained in Korean').toContain('백그라운드');
    expect(h.out(), 'after an English question, the same paste is answered in English').toContain(topic.en.title);
  });

  it('answers a Docker command line it does not explain, or a line with no letters, in the conversation\'s language, which they don\'t change', async () => {
    const h = await terminalHarness({ uiLang: 'en', input: ['볼륨이 뭐야', 'docker network ls', '?', '/quit'] });
    const langs: Array<string | undefined> = [];
    const answer: Outcome = { status: 'unknown', lang: 'ko', score: 0, coverage: 0 };
    await runChat({ ...h.deps, ask: async (_question, options) => (langs.push(options.lang), answer) });
    expect(langs).toEqual([undefined, 'ko', 'ko']);
    expect(h.out(), 'the goodbye is still Korean').not.toContain('Bye!');
  });

  it('answers a pasted command with its error, lines and all, with the error\'s topic, not one reply per line', async () => {
    const error = 'docker: Error response from daemon: driver failed programming external connectivity on endpoint web: Bind for 0.0.0.0:8080 failed: port is already allocated.';
    const h = await terminalHarness({ tty: true, input: ['$ docker run -d -p 8080:80 --name web nginx', 'e3b0c44298fc', error] });
    await runChat(h.deps);
    expect(h.gaps.map((gap) => gap.question)).toEqual([`$ docker run -d -p 8080:80 --name web nginx\ne3b0c44298fc\n${error}`]);
    expect(h.out()).toContain(h.deps.knowledge.topic('err-port-allocated')!.en.title);
    expect(h.out(), 'the command is not explained instead').not.toContain('Part by part');
  });

  it('records the suggestion a person opens with the question it answers, once', async () => {
    const h = await terminalHarness({ input: ['압축도 돼?', '1', '1'] });
    await runChat(h.deps);
    const [asked, ...picks] = h.gaps;
    expect(asked).toMatchObject({ question: '압축도 돼?', status: 'suggest', via: 'terminal-chat' });
    expect(picks).toEqual([expect.objectContaining({ question: '압축도 돼?', topic: asked!.suggestions[0], pickedBy: 'terminal', ref: asked!.ref })]);
  });

  it('asks about a lone suggestion as one topic, not as a choice among several', async () => {
    const h = await terminalHarness({ input: ['move images', '2', '1'] });
    const only = h.deps.knowledge.topic('save-load')!;
    const suggestion: Outcome = { status: 'suggest', lang: 'en', suggestions: [only], score: 1, coverage: 1 };
    await runChat({ ...h.deps, ask: async () => suggestion });
    expect(h.out()).toContain('Is this what you mean?');
    expect(h.out(), 'a number past it names the one topic, not a range from 1 to 1').toContain('The last list has one topic: type 1 to open it');
    expect(h.out()).toContain('Type 1 or yes to open it');
    expect(h.out()).not.toContain('which of these');
    expect(h.out(), 'typing 1 opens it').toContain(only.en.answer.split('\n')[0]!.slice(0, 40));
  });

  it('opens a lone suggestion on a yes, and takes a yes with nothing to open, or an "ok", as a word of assent, not as a question or a follow-up', async () => {
    const h = await terminalHarness({ input: ['move images', '네', 'ㅇㅋ', 'yes', 'ok thx'] });
    const only = h.deps.knowledge.topic('save-load')!;
    const suggestion: Outcome = { status: 'suggest', lang: 'ko', suggestions: [only], score: 1, coverage: 1 };
    const asked: string[] = [];
    await runChat({ ...h.deps, ask: async (question) => (asked.push(question), suggestion) });
    expect(h.out(), '네 opens it').toContain(only.ko.answer.split('\n')[0]!.slice(0, 40));
    expect(h.out().match(/👍 더 궁금한 게 있으면 언제든 물어보세요\./g), 'ㅇㅋ, and yes once the suggestion was opened, in the chat\'s Korean').toHaveLength(2);
    expect(h.out(), '"ok thx" too: a word of thanks does not switch the chat to English').toContain('도움이 됐다니 다행이에요!');
    expect(h.out()).not.toMatch(/Ask me anything else|Glad it helped/);
    expect(asked).toEqual(['move images']);
  });

  it('opens a lone suggestion on "ㅇㅋ" or "ok", which agree to it, but not on "알겠어요", which only says it was read', async () => {
    const only = (h: Awaited<ReturnType<typeof terminalHarness>>) => h.deps.knowledge.topic('save-load')!;
    for (const [agreeing, opens] of [['ㅇㅋ', true], ['ok', true], ['오케이', true], ['알겠어요', false]] as const) {
      const h = await terminalHarness({ input: ['이미지 옮기기', agreeing] });
      const suggestion: Outcome = { status: 'suggest', lang: 'ko', suggestions: [only(h)], score: 1, coverage: 1 };
      await runChat({ ...h.deps, ask: async () => suggestion });
      const opened = h.out().includes(only(h).ko.answer.split('\n')[0]!.slice(0, 40));
      expect(opened, agreeing).toBe(opens);
    }
  });

  it('takes a no to "did you mean" as a no, asking nothing, and keeps a Korean chat Korean after "ok" and "got it", but not after a greeting', async () => {
    const h = await terminalHarness({ uiLang: 'en', input: ['이미지 옮기기', '아니요', 'ok', '/help', 'got it', '/help', 'hello', '/help'] });
    const only = h.deps.knowledge.topic('save-load')!;
    const asked: string[] = [];
    await runChat({ ...h.deps, ask: async (question) => (asked.push(question), { status: 'suggest', lang: 'ko', suggestions: [only], score: 1, coverage: 1 }) });
    expect(asked).toEqual(['이미지 옮기기']);
    expect(h.out()).toContain('그럼 다른 말로 다시 물어봐 주세요.');
    const [afterOk, afterGotIt] = h.out().split('👍').slice(1);
    expect(afterOk, '/help after "ok" is still Korean').toContain('/topics');
    expect(afterOk).toMatch(/[가-힣]/);
    const [gotIt, afterHello] = afterGotIt!.split('Hello! 🐳');
    expect(gotIt, '/help after "got it" is still Korean').toMatch(/[가-힣]/);
    expect(afterHello, '/help after "hello" is English').not.toMatch(/[가-힣]/);
  });

  it('says there is nothing to open when a number comes before any suggestion', async () => {
    const h = await terminalHarness({ input: ['1', 'run vs start?'] });
    await runChat(h.deps);
    expect(h.out()).toContain('There are no suggestions to open yet');
    expect(h.out(), 'a bare number is not a question: "1" would match PID 1').not.toContain('(pid1-signals)');
    expect(h.gaps.map((gap) => gap.question)).toEqual(['run vs start?']);
  });

  it('numbers an answer\'s related topics and opens one by its number, without taking it for what the question meant', async () => {
    const h = await terminalHarness({ input: ['run vs start?', '1'] });
    await runChat(h.deps);
    const answer = h.deps.knowledge.topic('run-vs-start-vs-create')!;
    const first = h.deps.knowledge.topic(answer.related[0]!)!;
    expect(h.out()).toContain(`Related (type a number to open it): 1. ${first.en.title}`);
    expect(h.out(), 'typing 1 opens the first related topic').toContain(first.en.summary.slice(0, 40));
    expect(h.gaps.filter((gap) => gap.pickedBy), 'a related topic is not a pick of a suggestion').toEqual([]);
  });

  it('says so in the language of the conversation, not the terminal\'s, when a number follows a Korean question', async () => {
    const h = await terminalHarness({ input: ['김치찌개 맛있게 끓이는 법', '1'] });
    await runChat(h.deps);
    expect(h.out()).toContain('아직 열어 볼 추천 목록이 없어요');
  });

  it('hands a lab line the language of the conversation', async () => {
    const h = await terminalHarness({ input: ['docker ps -a', '이미지랑 컨테이너 차이', 'docker ps -a'] });
    const said: string[] = [];
    await runChat(h.deps, async (line, { t }) => (line.startsWith('docker') ? (said.push(t('terminal:suggest.none')), true) : false));
    expect(said).toEqual([expect.stringContaining('There are no suggestions'), expect.stringContaining('아직 열어 볼 추천 목록이 없어요')]);
  });

  it('fits /help, suggestions and their hints to a narrow terminal, each summary indented from its first line', async () => {
    const h = await terminalHarness({ input: ['/help', '도커 컴포즈 쓰는 이유가 뭐야?'], uiLang: 'ko', columns: 60 });
    await runChat(h.deps);
    const stringWidth = (await import('string-width')).default;
    const lines = h.out().split('\n').filter((line) => !line.startsWith('gorae>') && !line.startsWith('고래>'));
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    expect(h.out()).toMatch(/\n {5}Docker Compose는/);
  });

  it("points to /topics without telling a person in the chat to start the chat", async () => {
    const h = await terminalHarness({ input: ['파이썬 리스트 정렬'], uiLang: 'ko' });
    await runChat(h.deps);
    expect(h.out()).toContain('/topics로 제가 답할 수 있는 주제를 보거나');
    expect(h.out()).not.toContain('`gorae`만 입력');
  });

  it('keeps the answer language on a /lang it does not know, and says which it is on a bare /lang', async () => {
    const h = await terminalHarness({ input: ['/lang ko', '/lang fr', '/lang', '/lang auto', '/lang'] });
    await runChat(h.deps);
    expect(h.out()).toContain('/lang takes ko, en or auto, not "fr". Answers are still in Korean.');
    expect(h.out()).toContain('Answers are in Korean. Change it with /lang ko, /lang en or /lang auto.');
    expect(h.out()).toContain("Answers are in the question's language.");
  });

  it('names the topics an unknown /topic id or title word best matches, in the line\'s language, and opens an id typed in capitals', async () => {
    const h = await terminalHarness({ input: ['/topic save', '/topic Save-Load'] });
    await runChat(h.deps);
    expect(h.out()).toContain('There is no topic "save". Closest topic ids: save-load, save-vs-export');
    expect(h.out()).toContain(h.deps.knowledge.topic('save-load')!.en.title);
    const ko = await terminalHarness({ input: ['/topic 볼륨', '/topic pizza'], uiLang: 'ko' });
    await runChat(ko.deps);
    expect(ko.out()).toContain("'볼륨' 주제는 없어요. 비슷한 주제 ID: volumes");
    expect(ko.out()).toContain("'pizza' 주제는 없어요. /topics로");
  });

  it('asks which topic on a /topic without an id', async () => {
    const h = await terminalHarness({ input: ['/topic'] });
    await runChat(h.deps);
    expect(h.out()).toContain('Which topic? Type /topic and its id');
    expect(h.out()).not.toContain('There is no topic ""');
  });

  it('greets a greeting back in one short line, thanks thanks and shows the help to "help", in the line\'s language, asking nothing of the knowledge base', async () => {
    const h = await terminalHarness({ input: ['hello', '안녕하세요', '안녕', 'hi', 'help', 'thanks!', '고마워요'] });
    await runChat(h.deps);
    expect(h.out()).toContain('Glad it helped!');
    expect(h.out()).toContain('도움이 됐다니 다행이에요!');
    expect(h.out().match(/Gorae — ask me about Docker/g), 'the banner only once, at the start').toHaveLength(1);
    expect(h.out()).not.toContain('고래예요.');
    expect(h.out().match(/> Hello! 🐳 Ask me anything about Docker\.\n/g)).toHaveLength(2);
    expect(h.out().match(/> 안녕하세요! 🐳 도커에 대해 궁금한 걸 물어보세요\.\n/g)).toHaveLength(2);
    expect(h.out()).toContain('open a topic from the last list');
    expect(h.out()).not.toContain('hello-world');
    expect(h.gaps).toHaveLength(0);
  });

  it('says in /help that Docker-style lines run lab actions and that exit leaves', async () => {
    const h = await terminalHarness({ input: ['/help'] });
    await runChat(h.deps);
    expect(h.out()).toContain('/quit, exit, q');
    expect(h.out()).toContain('run as lab actions; only ps, images, save and load run');
    expect(h.out()).toContain('open a topic from the last list');
    expect(h.out()).toContain('example          the example commands of the topic just shown');
  });

  it('says that the line typed after a follow-up question is its answer', async () => {
    const h = await terminalHarness({ input: ['load app.tar', 'y'] });
    const answers: Array<string | undefined> = [];
    await runChat(h.deps, async (line, { prompt }) => (answers.push(await prompt('Load it into default? [y/N] ')), true));
    expect(answers).toEqual(['y']);
    expect(h.out()).toContain('Your next line answers this question (y or n); it is not sent as a question or command.\nLoad it into default? [y/N] ');
    expect(h.gaps).toHaveLength(0);
  });

  it('answers a Docker command it does not run as a question, saying that only ps, images, save and load run', async () => {
    const h = await terminalHarness({ input: ['docker logs web'] });
    const lab = labLines(() => Promise.reject(new Error('the lab was built for a line it does not run')), h.deps.stderr);
    await runChat(h.deps, lab);
    expect(h.err()).toContain("Gorae doesn't run docker logs here");
    expect(h.err()).not.toContain("isn't something Gorae will do");
    expect(h.out()).toContain(h.deps.knowledge.topic('logs')!.en.title);
  });

  it('explains a lab-looking line with a pipe instead of refusing it, saying the lab runs no shell, and audits the attempt', async () => {
    const h = await terminalHarness({ input: ['docker ps -a | grep Exited'] });
    const refused: unknown[] = [];
    const audit = { append: async (record: unknown) => (refused.push(record), ok(undefined)) };
    const lab = labLines(async () => ok({ ...h.deps, lab: { clock: systemClock }, audit, who: 'tester@lab' } as never), h.deps.stderr);
    await runChat(h.deps, lab);
    expect(h.err()).toContain("Gorae runs lab lines without a shell, so it doesn't run one with |");
    expect(h.out()).toContain('It hands what the command prints to grep Exited.');
    expect(refused).toEqual([expect.objectContaining({ action: 'ps', outcome: 'refused', reason: 'lab.parse.unsafe' })]);
  });
});
