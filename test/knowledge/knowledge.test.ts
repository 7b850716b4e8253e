import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { buildKnowledge, type Knowledge } from '../../bot/knowledge/knowledge.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { realKnowledge, shippedCalibration } from '../support/knowledge.js';

let withThresholds: (en: number, ko: number) => Knowledge;
/** The real topics ranked with a topic model that knows one word: "volume" says named-vs-anonymous-volumes by `weight`. */
let leaningToNamedVolumes: (weight: number) => Knowledge;
beforeAll(async () => {
  const dir = join(packageRoot(import.meta.url), 'knowledge');
  const [topics, lexicon, { weights }] = await Promise.all([loadTopics(dir), loadLexicon(lexiconFile(dir)), shippedCalibration()]);
  if (!topics.ok || !lexicon.ok) throw new Error('knowledge did not load');
  withThresholds = (en, ko) => buildKnowledge(topics.value, lexicon.value, { answering: { weights, answerConfidence: { en, ko } } });
  leaningToNamedVolumes = (weight) =>
    buildKnowledge(topics.value, lexicon.value, {
      model: { about: 'test', trainedOn: '0'.repeat(64), topics: ['named-vs-anonymous-volumes'], weights: { volume: [0, weight] } },
    });
});

const ENGLISH = 'my docker container stop takes long, should I kill it instead';
const KOREAN = '도커 컨테이너 stop이 오래 걸리는데 kill로 끄는 게 나을까';

describe('the confidence an answer needs', () => {
  it('is the Korean threshold for a Korean question and the English one for an English question', () => {
    const koreanOnly = withThresholds(1, 0);
    expect(koreanOnly.ask(KOREAN).status).toBe('answer');
    expect(koreanOnly.ask(ENGLISH).status).not.toBe('answer');
    const englishOnly = withThresholds(0, 1);
    expect(englishOnly.ask(ENGLISH).status).toBe('answer');
    expect(englishOnly.ask(KOREAN).status).not.toBe('answer');
  });

  it('follows the language the question is written in, not the language asked for the reply', () => {
    expect(withThresholds(1, 0).ask(ENGLISH, { lang: 'ko' }).status).not.toBe('answer');
  });
});

describe('a question asked like one topic\'s example question', () => {
  it('is answered with that topic, whatever the confidence, when the search also puts it first', () => {
    const outcome = withThresholds(1, 1).ask('docker system prune');
    expect(outcome.status === 'answer' && outcome.topic.id).toBe('system-prune');
  });

  it('is answered with that topic when the question asks what the example\'s subject is ("docker system prune이 뭐야?")', () => {
    for (const question of ['docker system prune이 뭐야?', 'what is docker system prune']) {
      const outcome = withThresholds(1, 1).ask(question);
      expect(outcome.status === 'answer' && outcome.topic.id).toBe('system-prune');
    }
  });

  it('is answered with that topic when the search ties it with the topic it puts first, and offered when that one is clearly ahead', () => {
    // By words alone volumes leads (387 to 309); the model's lean puts named-vs-anonymous-volumes first,
    // ahead by 8 % at weight 1 and by 45 % at weight 2.
    const tied = leaningToNamedVolumes(1).ask('what is a docker volume');
    expect(tied.status === 'answer' && tied.topic.id).toBe('volumes');
    const behind = leaningToNamedVolumes(2).ask('what is a docker volume');
    expect(behind.status === 'suggest' && behind.suggestions.slice(0, 2).map((topic) => topic.id)).toEqual(['named-vs-anonymous-volumes', 'volumes']);
  });

  it('is offered beside the search\'s first topic, never answered, when the search puts another topic first', () => {
    for (const knowledge of [withThresholds(1, 1), withThresholds(0.01, 0.01)]) {
      const outcome = knowledge.ask('Use Container Shell');
      expect(outcome.status).toBe('suggest');
      expect(outcome.status === 'suggest' && outcome.suggestions.slice(0, 2).map((topic) => topic.id)).toEqual(['exec', 'sh-vs-bash']);
    }
  });
  it('is not answered with an error topic\'s example ("can\'t push my image to docker hub") when the question does not say anything fails', () => {
    for (const question of ['push image to docker hub', '도커 허브에 이미지 올리기']) {
      const outcome = withThresholds(1, 1).ask(question);
      expect(outcome.status === 'answer' && outcome.topic.id, question).not.toBe('err-unauthorized');
    }
    const failing = withThresholds(1, 1).ask("can't push my image to docker hub");
    expect(failing.status === 'answer' && failing.topic.id).toBe('err-unauthorized');
  });
});

describe('a question asked again without the topics turned down', () => {
  it('never answers nor offers them, not even for a pasted error or an example question asked word for word', async () => {
    const knowledge = await realKnowledge();
    const pasted = 'Error response from daemon: Conflict. The container name "/web" is already in use by container "4f2a".';
    expect(knowledge.ask(pasted)).toMatchObject({ status: 'answer', topic: { id: 'err-name-in-use' } });
    for (const [question, topic] of [[pasted, 'err-name-in-use'], ['what is a docker volume', 'volumes'], ['run vs start', 'run-vs-start-vs-create']] as const) {
      const outcome = knowledge.ask(question, { excluding: [topic] });
      const ids = outcome.status === 'answer' ? [outcome.topic.id] : outcome.status === 'suggest' ? outcome.suggestions.map((found) => found.id) : [];
      expect(ids, question).not.toContain(topic);
    }
  });
});

describe('a question about a neighbouring technology', () => {
  it('is not known when it names nothing of Docker\'s, though a topic mentions that technology (git, for builds from a repository)', async () => {
    const knowledge = await realKnowledge();
    for (const question of ['how do I undo a git rebase', 'kubectl get pods shows nothing']) expect(knowledge.ask(question).status, question).toBe('unknown');
    expect(knowledge.ask('nginx in a docker container returns 413 request entity too large').status).not.toBe('unknown');
  });
});

describe('telling a text that says something goes wrong or asks why', () => {
  it('reads the lexicon\'s trouble and why words in either language, and error messages the topics know', () => {
    const knowledge = withThresholds(0.88, 0.88);
    expect(knowledge.asksAboutOutcome("docker run hello-world doesn't work")).toBe(true);
    expect(knowledge.asksAboutOutcome('docker run -p 80:80 nginx 했는데 접속이 안돼요')).toBe(true);
    expect(knowledge.asksAboutOutcome('docker run -it ubuntu 이게 뭐야?')).toBe(false);
    expect(knowledge.asksAboutOutcome('how do I save an image')).toBe(false);
    expect(knowledge.asksAboutOutcome('docker run -d ubuntu 했는데 Exited (0) 떠요 왜 그래요?')).toBe(true);
    expect(knowledge.asksAboutOutcome('why does my container exit')).toBe(true);
    expect(knowledge.asksAboutOutcome('validating /srv/compose.yaml: services.web.ports must be a array'), 'an error message a topic knows').toBe(true);
    expect(knowledge.asksAboutOutcome('localhost:8080 안들어가짐'), 'the negation glued to its verb').toBe(true);
    expect(knowledge.asksAboutOutcome('docker ps에 안보임')).toBe(true);
    expect(knowledge.asksAboutOutcome('컨테이너 안에 들어가는 법'), '안에 is inside, not a negation').toBe(false);
    expect(knowledge.asksAboutOutcome('나오면 컨테이너 꺼짐 왜그럼?'), '왜 glued to what follows').toBe(true);
  });
});
