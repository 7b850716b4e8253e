import { beforeAll, describe, expect, it } from 'vitest';
import { askAfter, listedForSetting } from '../../bot/knowledge/follow-up.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import type { Outcome } from '../../bot/knowledge/outcome.js';
import { realKnowledge } from '../support/knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

const answered = (outcome: Outcome): string | undefined => (outcome.status === 'answer' ? outcome.topic.id : undefined);
const after = (question: string, previous: string) => askAfter(knowledge, question, knowledge.topic(previous)!);

describe('a follow-up question', () => {
  it('with no Docker signal of its own is read together with the previous topic', () => {
    expect(knowledge.ask('and the reverse?').status).toBe('unknown');
    expect(answered(after('and the reverse?', 'save-load'))).toBe('save-load');
    expect(answered(after('is it faster?', 'save-load')), 'a weak answer alone (Docker vs VMs) gives way').toBe('save-load');
  });

  it('that gives a setting for the topic before ("what about in compose?", "and for compose?", "compose에서는?") stays with it, though the setting alone names a topic', () => {
    expect(answered(knowledge.ask('what about in compose?')), 'alone, it is about Compose').not.toBe('resource-limits');
    expect(answered(after('what about in compose?', 'resource-limits'))).toBe('resource-limits');
    expect(answered(after('그럼 compose에서는?', 'resource-limits'))).toBe('resource-limits');
    expect(answered(after('and for compose?', 'resource-limits'))).toBe('resource-limits');
    expect(answered(after('what about for compose?', 'resource-limits'))).toBe('resource-limits');
    expect(answered(after('and for compose?', 'cmd-vs-entrypoint')), 'as "and in compose?" does').toBe('cmd-vs-entrypoint');
    expect(answered(after('그럼 kill은?', 'container-states')), 'a subject of its own is no setting').toBe('stop-vs-kill');
    expect(answered(after('컴포즈에서는요?', 'resource-limits')), 'the polite 는요 comes off like 는').toBe('resource-limits');
  });

  it('reads the polite endings 는요 and 은요 as the word they follow ("exec는요?", "볼륨은요?")', () => {
    expect(knowledge.termsOf('exec는요?')).toEqual(['exec']);
    expect(knowledge.termsOf('볼륨은요?')).toEqual(['volume']);
  });

  it('reads 에선, 에서는 said short, and 에선요 as the particle they are ("compose에선?", "맥에선요?")', () => {
    expect(knowledge.termsOf('compose에선?')).toEqual(['compose']);
    expect(knowledge.termsOf('맥에선요?')).toEqual(['mac']);
    expect(knowledge.termsOf('윈도우에선 어케 함?')).toEqual(['windows']);
  });

  it('that settles its own answer keeps it, whatever the topic before, and a setting is only one it opens with', () => {
    expect(answered(knowledge.ask('what is a container?'))).toBe('container');
    expect(answered(after('what is a container?', 'container-states'))).toBe('container');
    expect(answered(after('port already in use', 'resource-limits'))).not.toBe('resource-limits');
    expect(answered(after('run with gpu', 'resource-limits'))).not.toBe('resource-limits');
  });

  it('that names only what the topic before names in its title ("and cpu?" after memory and CPU limits) stays with it', () => {
    expect(answered(after('what about cpu?', 'resource-limits'))).toBe('resource-limits');
    expect(answered(after('cpu는요?', 'resource-limits'))).toBe('resource-limits');
    expect(answered(after('what about docker compose?', 'docker-vs-vm')), 'compose is not in "Docker vs VMs"').not.toBe('docker-vs-vm');
  });

  it('goes to a topic it names clearly, even one the previous topic does not link to', () => {
    expect(answered(after('압축도 돼?', 'save-load'))).toBe('tarballs-gzip');
    expect(answered(after('그럼 kill은?', 'container-states'))).toBe('stop-vs-kill');
  });

  it('picks, among its own unsure candidates, the one the previous topic links to, and of several, the one read closest with it', () => {
    expect(knowledge.ask('압축해서 보내도 돼?').status).toBe('suggest');
    expect(answered(after('압축해서 보내도 돼?', 'save-load'))).toBe('tarballs-gzip');
  });

  it('that settles its own answer, or clearly names other topics, is a question of its own', () => {
    expect(knowledge.ask('what is docker')).toMatchObject({ status: 'answer', firm: true });
    expect(answered(after('what is docker', 'stop-vs-kill'))).toBe('what-is-docker');
    expect(answered(after('도커가 뭐야?', 'stop-vs-kill'))).toBe('what-is-docker');
    const volume = after('what is a volume', 'stop-vs-kill');
    expect(volume.status === 'suggest' ? volume.suggestions[0]?.id : answered(volume)).toBe('volumes');
  });

  it('whose own words clearly point to another topic is not answered with the topic before, even without a Docker word', () => {
    // Alone, "환경 변수" has no Docker word and is not answered, but its words find environment variables, not COPY vs ADD.
    expect(knowledge.ask('환경변수 넣는법').status).not.toBe('answer');
    expect(answered(after('환경변수 넣는법', 'copy-vs-add'))).toBeUndefined();
  });

  it('that is long is a question of its own, even when one of its unsure candidates links to the topic before', () => {
    const long = 'why does my container keep stopping after a while in the background';
    expect(knowledge.ask(long).status).not.toBe('answer');
    expect(after(long, 'cmd-vs-entrypoint')).toEqual(knowledge.ask(long));
  });

  it('that is not about Docker stays unanswered, whatever came before', () => {
    expect(after('how do I bake bread', 'save-load').status).not.toBe('answer');
    expect(after('김치찌개 끓이는 법', 'cmd-vs-entrypoint').status).not.toBe('answer');
    expect(after('오늘 날씨 어때?', 'cmd-vs-entrypoint').status).not.toBe('answer');
  });

  it('comparing the topic before with a command ("그럼 exec랑 뭐가 달라요") goes to that command, never "I don\'t know"', () => {
    const outcome = after('그럼 exec랑 뭐가 달라요', 'interactive-tty');
    expect(['exec', 'exec-vs-attach']).toContain(answered(outcome));
  });

  it('answers in its own language', () => {
    expect(after('and the reverse?', 'save-load').lang).toBe('en');
    expect(after('압축도 돼?', 'save-load').lang).toBe('ko');
  });
});

describe('a follow-up in more words', () => {
  it('with one word of its own leans on the answer before as a short one does ("그럼 둘 다 쓰면 어떻게 됨?")', () => {
    expect(answered(after('그럼 둘 다 쓰면 어떻게 됨?', 'cmd-vs-entrypoint'))).toBe('cmd-vs-entrypoint');
    expect(answered(after('what if I use both?', 'cmd-vs-entrypoint'))).toBe('cmd-vs-entrypoint');
  });

  it('that only ends with a setting is a setting ("and how do I do that in docker compose?")', () => {
    expect(answered(after('and how do I do that in docker compose?', 'resource-limits'))).toBe('resource-limits');
  });

  it('asking what Compose is, or how it works, is a question of its own, though it names only Compose', () => {
    expect(answered(after('what is compose?', 'restart-policies'))).toBe('compose-basics');
    expect(answered(after('compose가 뭐야?', 'restart-policies'))).toBe('compose-basics');
  });

  it('naming only Compose, or a setting inside its words, asks for that setting ("what about compose?", "compose에서는 어케 씀?")', () => {
    expect(answered(after('what about compose?', 'port-publishing'))).toBe('port-publishing');
    expect(answered(after('compose에서는 어케 씀?', 'restart-policies'))).toBe('restart-policies');
  });

  it('naming only a system ("그럼 맥은?", "윈도우는?") asks for that setting of the answer before', () => {
    expect(answered(after('그럼 맥은?', 'save-load'))).toBe('save-load');
    expect(answered(after('윈도우는?', 'restart-policies'))).toBe('restart-policies');
    expect(answered(after('그럼 맥은?', 'install-docker')), 'on a Mac, Docker is installed as Docker Desktop').toBe('docker-desktop');
  });
});

describe('a setting after an answer that is not about it', () => {
  it('goes to the one topic whose title names the setting and what the answer before was about ("그럼 compose에서는?" after volumes)', () => {
    expect(answered(after('그럼 compose에서는?', 'volumes'))).toBe('compose-volumes-networks');
    expect(answered(after('what about in compose?', 'volumes'))).toBe('compose-volumes-networks');
    expect(answered(after('compose에선 어케 씀?', 'volumes')), '에선 is 에서는 said short').toBe('compose-volumes-networks');
  });

  it('stays with the answer before when it has a paragraph of its own on Compose (windows paths: "**Compose:** …")', () => {
    expect(answered(after('and in compose?', 'windows-mount-paths'))).toBe('windows-mount-paths');
    expect(answered(after('그럼 compose에서는?', 'windows-mount-paths'))).toBe('windows-mount-paths');
    expect(answered(after('and in compose?', 'resource-limits'))).toBe('resource-limits');
    expect(answered(after('그럼 compose에서는?', 'port-publishing')), 'its ports: paragraph').toBe('port-publishing');
    expect(answered(after('and in compose?', 'container-network-sharing')), 'its Compose paragraph, though another one mentions ports:').toBe('container-network-sharing');
  });

  it('goes nowhere by title words two unlinked topics share by chance (bash and PowerShell, "no such")', () => {
    expect(answered(after('윈도우는?', 'shell-completion'))).toBe('shell-completion');
    expect(answered(after('윈도우는?', 'err-no-such-container'))).toBe('err-no-such-container');
    expect(answered(after('compose에서는 어케 씀?', 'err-copy-not-found'))).toBe('err-copy-not-found');
  });

  it('stays with the topic before when no such topic is, or when that topic names the setting itself', () => {
    expect(answered(after('what about in compose?', 'resource-limits'))).toBe('resource-limits');
    expect(answered(after('그럼 compose에서는?', 'compose-env'))).not.toBe('env-vars');
  });
});

describe('a setting after a list of topics', () => {
  const listed = () => ['env-vars', 'compose-env'].map((id) => knowledge.topic(id)!);

  it('picks the one listed topic whose title names the setting ("and in compose?", "compose에서는?")', () => {
    expect(listedForSetting(knowledge, 'and in compose?', listed(), 'en')?.id).toBe('compose-env');
    expect(listedForSetting(knowledge, '그럼 compose에서는?', listed(), 'ko')?.id).toBe('compose-env');
  });

  it('picks none when no listed title names it, or when the line is a question of its own', () => {
    expect(listedForSetting(knowledge, 'and on Windows?', listed(), 'en')).toBeUndefined();
    expect(listedForSetting(knowledge, 'how do I set variables in compose', listed(), 'en')).toBeUndefined();
  });
});
