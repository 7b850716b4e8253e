import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { loadLexicon, lexiconFile } from '../../bot/knowledge/lexicon.js';
import { loadTopics } from '../../bot/knowledge/load.js';
import { TopicIndex } from '../../bot/knowledge/search.js';

let index: TopicIndex;
beforeAll(async () => {
  const dir = join(packageRoot(import.meta.url), 'knowledge');
  const [topics, lexicon] = await Promise.all([loadTopics(dir), loadLexicon(lexiconFile(dir))]);
  if (!topics.ok || !lexicon.ok) throw new Error('knowledge did not load');
  index = new TopicIndex(topics.value, lexicon.value);
});

describe('reading a question', () => {
  it('counts a question made of topic words as fully covered', () => {
    expect(index.read('docker save vs export').coverage).toBe(1);
  });

  it('counts words the topics never use against the question', () => {
    expect(index.read('tasty pizza dough tonight').coverage).toBeLessThan(0.5);
  });

  it('neither counts nor corrects a number no topic mentions, such as a version', () => {
    expect(index.read('docker save vs export 12.34.56').coverage).toBe(1);
    expect(index.read('docker save vs export 12.34.56').terms).toEqual(index.read('docker save vs export').terms);
  });

  it('reads an unknown word joined by underscores or several dots as its parts', () => {
    expect(index.read('deploy.resources.limits.cpus').terms).toEqual(index.read('deploy resources limits cpus').terms);
    expect(index.read('my_app_data volume').terms).toEqual(index.read('my app data volume').terms);
  });

  it('leaves out a label numbering the question ("Q.", "Q2:"), but not a q inside it', () => {
    expect(index.read('Q. docker save vs export').terms).toEqual(index.read('docker save vs export').terms);
    expect(index.read('Q2: 이미지 푸시').terms).toEqual(index.read('이미지 푸시').terms);
    expect(index.read('ctrl+p ctrl+q detach').terms).toContain('q');
  });

  it('keeps a known joined word, a file name and a version whole', () => {
    expect(index.read('x86_64').terms).toEqual(index.read('amd64').terms);
    expect(index.read('run main.js').terms).toEqual(index.read('run').terms);
    expect(index.read('ubuntu 22.04.3').terms).toEqual(index.read('ubuntu').terms);
  });

  it('reads a Docker signal from Docker words, from Docker commands making up the question, or from its topics\' own words', () => {
    expect(index.read('how do I get into a container shell').signal).toBe('core');
    expect(index.read('stop vs kill').signal).toBe('topical');
    expect(index.read('dockerignore 파일').signal).toBe('core');
    expect(index.read('tasty pizza dough tonight').signal).toBe('none');
  });

  it('reads a Docker signal from a word written with "docker" in it, though it reads as another term (dockerd as daemon)', () => {
    expect(index.read('what is dockerd').terms).toEqual(['daemon']);
    expect(index.read('what is dockerd').signal).toBe('core');
    expect(index.read('what is a daemon').signal).not.toBe('core');
  });

  it('reads Docker\'s objects (image, volume) as naming Docker, unless a neighbouring technology is named beside them', () => {
    expect(index.read('volume vs bind mount').signal).toBe('core');
    expect(index.read('이미지 용량 줄이는 법').signal).toBe('core');
    expect(index.read('resize an image in python').signal).not.toBe('core');
    expect(index.read('java image compression').signal, 'a technology right before an image may be its picture').not.toBe('core');
  });

  it('reads an object right after the name of a server people run from its image as Docker\'s ("postgres volume"), and nowhere else', () => {
    expect(index.read('how to backup postgres volume').signal).toBe('core');
    expect(index.read('redis image version').signal).toBe('core');
    expect(index.read('postgres 비밀번호 변경').signal, 'no Docker word beside it').toBe('none');
    expect(index.read('postgres volume in python').signal, 'beside a language it may be anything').not.toBe('core');
    for (const picture of ['upload image to mysql database', 'how to store images in mongodb', 'redis high volume writes', 'mysql에 이미지 저장하는 법']) {
      expect(index.read(picture).signal, `${picture}: not right after the name, the object may be a picture or an amount`).not.toBe('core');
    }
  });

  it("reads Compose's own file names as Docker words", () => {
    expect(index.read('compose.yaml for a node app').signal).toBe('core');
    expect(index.read('compose.yml 어디에 둬요').signal).toBe('core');
  });

  it('reads a Docker signal from an image written with its tag, even beside a neighbouring technology, and not from a host and port', () => {
    expect(index.read('Why use python:3.10-slim over python:3.10?').signal).toBe('core');
    expect(index.read('why use python slim over python').signal).not.toBe('core');
    expect(index.read('redis connection to 127.0.0.1:6379 refused').signal).not.toBe('core');
  });

  it('reads a Docker signal from a Dockerfile instruction written in capitals, not from the word in lower case or from shouting', () => {
    expect(index.read('USER 명령어는 여러 번 쓸 수 있나요?').signal).toBe('core');
    expect(index.read('is it bad to just write FROM python without a version').signal).toBe('core');
    expect(index.read('user 명령어는 여러 번 쓸 수 있나요?').signal).not.toBe('core');
    expect(index.read('HOW DO I ADD A USER TO A GROUP').signal).not.toBe('core');
  });

  it('finds no Docker signal in general computing words, or next to a neighbouring technology', () => {
    expect(index.read('How to kill a process running on a particular port in Linux?').signal).toBe('none');
    expect(index.read('which process uses this port').signal).toBe('none');
    expect(index.read('git tag vs branch').signal).toBe('none');
    expect(index.read('nginx config inside a docker container').signal).toBe('core');
  });

  it('finds no Docker signal in a question about Kubernetes objects, whatever they are called', () => {
    expect(index.read('StatefulSet vs ReplicaSet').signal).toBe('none');
    expect(index.read('my pods keep crashing with CrashLoopBackOff').signal).toBe('none');
    expect(index.read('NodePort와 LoadBalancer 차이').signal).toBe('none');
  });

  it('reads the words that only say a question is being asked (issue, problem, fix, 문제, 해결) as nothing', () => {
    expect(index.read('[BUG] problem: fix volume issue').terms).toEqual(index.read('volume').terms);
    expect(index.read('볼륨 문제 해결').terms).toEqual(index.read('볼륨').terms);
  });

  it('reads "diff between" as a comparison, while docker diff stays the command', () => {
    expect(index.read('diff between docker stop and docker kill').terms).toEqual(index.read('difference between docker stop and docker kill').terms);
    expect(index.read('docker diff command').terms).toContain('diff');
  });

  it('drops the copula endings Korean puts after a noun (도구인건가요, 쿠버네티스라는건)', () => {
    expect(index.read('도커는 도구인건가요?').terms).toEqual(index.read('도커는 도구인가요?').terms);
    expect(index.read('로그인 하는 법').terms).not.toContain('logs');
  });

  it('drops the particles (이)나, (이)든 and 끼리 after a noun, as it drops 이랑 and 랑', () => {
    expect(index.read('컨테이너나 이미지나 지우는 법').terms).toEqual(index.read('컨테이너랑 이미지 지우는 법').terms);
    expect(index.read('도커든 포드맨이든').terms).toEqual(index.read('도커 포드맨').terms);
    expect(index.read('컨테이너들끼리 통신').terms).toEqual(index.read('컨테이너 통신').terms);
  });

  it('reads 데스크탑 and 데스크톱 as desktop, 없이 as without and 배포 as deploy, as the English words', () => {
    expect(index.read('도커 데스크탑 없이 쓰는 법').terms).toEqual(index.read('docker desktop without').terms);
    expect(index.read('도커 데스크톱').terms).toEqual(['docker', 'desktop']);
    expect(index.read('서버 배포').terms).toContain('deploy');
  });

  it('reads 모델 as model, a word of all computing that alone names nothing of Docker, as ai and llm', () => {
    expect(index.read('도커 모델 러너').terms).toEqual(index.read('docker model 러너').terms);
    expect(index.read('AI 모델 학습 방법').signal).toBe('none');
    expect(index.read('llm model').signal).toBe('none');
  });

  it('reads Docker words that Korean writes as they sound (매핑, 카피, 애드, 엔브, 파이프라인) as the English words', () => {
    expect(index.read('도커 포트 매핑').terms).toEqual(index.read('docker port mapping').terms);
    expect(index.read('카피랑 애드 차이').terms).toEqual(index.read('copy add vs').terms);
    expect(index.read('엔브 파일').terms).toEqual(index.read('env 파일').terms);
    expect(index.read('파이프라인에서 빌드').terms).toEqual(index.read('pipeline build').terms);
  });

  it('reads 깔다 (to install, said casually) in its forms as install', () => {
    for (const question of ['우분투에 도커 깔고 싶어요', '도커 깔았는데', '도커 깔려 있는데']) expect(index.read(question).terms, question).toContain('install');
  });

  it('reads fillers that say nothing of the subject (어쩌구, 분명, 무조건, 걍) as nothing', () => {
    expect(index.read('이미지 어쩌구 에러 분명 무조건 걍').terms).toEqual(index.read('이미지 에러').terms);
  });

  it('reads a how question from -는 법 written apart, as from 는법 written together', () => {
    expect(index.read('도커 허브에 이미지 올리는 법').kinds).toEqual(['?how']);
    expect(index.read('도커 허브에 이미지 올리는법').kinds).toEqual(['?how']);
  });

  it('reads forms of 되다 and 있다 that only say how things are (되어 있나요, 됐어) as nothing', () => {
    expect(index.read('이미지 구조는 어떻게 되어 있나요').terms).toEqual(['image', '구조']);
    expect(index.read('설치 됐어').terms).toEqual(index.read('설치').terms);
  });

  it('reads what a question asks beside its subject: how, why, what something is, or about something failing', () => {
    expect(index.read('how do I remove an image').kinds).toEqual(['?how']);
    expect(index.read("image can't be removed").kinds).toEqual(['?trouble']);
    expect(index.read('왜 컨테이너가 바로 종료되나요').kinds).toEqual(['?why']);
    expect(index.read('What is a Docker volume?').kinds).toEqual(['?what']);
    expect(index.read('도커 볼륨이란?').kinds).toEqual(['?what']);
    expect(index.read('docker volume 뭐예요').kinds).toEqual(['?what']);
    expect(index.read('What is a Docker volume?').terms).toEqual(index.read('docker volume').terms);
    expect(index.read('how do I remove an image').terms).toEqual(index.read("can't remove an image").terms);
  });

  it('drops a word that only says "look" even where a topic title uses it ("목록 보기")', () => {
    expect(index.read('도커 이미지 목록 보기').terms).toEqual(['docker', 'image', 'list']);
  });

  it('corrects typos to the spelling the topics use', () => {
    expect(index.read('docekr strat').terms).toEqual(['docker', 'start']);
  });

  it('reads a question as whole when each word is a topic word or a slip of one, and not when a word is unknown', () => {
    expect(index.read('docekr strat vs run').whole).toBe(true);
    expect(index.read('docker start vs run').whole).toBe(true);
    expect(index.read('docker start vs run tonight pizza').whole).toBe(false);
    expect(index.read('').whole).toBe(false);
  });

  it('corrects a misspelt Korean word as written when its last syllables looked like an ending', () => {
    expect(index.read('컨테이나 목록').terms).toEqual(['container', 'list']);
    expect(index.read('컨테이나 목록').signal).toBe('core');
  });

  it('reads a verb in the past tense (-었/-았/-였) as its present forms read: 되었는데 and 있었는데 carry no topic, 삭제되었는데 is remove', () => {
    expect(index.read('이미지 삭제되었는데 용량이 그대로 있었는데').terms).toEqual(index.read('이미지 삭제되는데 용량이 그대로 있는데').terms);
    expect(index.read('컨테이너 삭제되었는데').terms).toEqual(['container', 'remove']);
    expect(index.read('설치가 되었는데 하였는데').terms).toEqual(index.read('설치가').terms);
  });

  it('reads containerize and the words made from it (containerized, containerization, 컨테이너화) as container, a word that names Docker', () => {
    for (const word of ['containerize', 'containerized', 'containerizing', 'containerization', 'containerisation', '컨테이너화']) {
      expect(index.read(`what is ${word}`).terms).toEqual(['container']);
    }
    expect(index.read('What is containerization?').signal).toBe('core');
  });

  it('reads a misspelling that one example question happens to carry as the word it misspells', () => {
    expect(index.read('what is a contianer').terms).toEqual(['container']);
    expect(index.search(index.read('what is a contianer').terms)[0]?.id).toBe('container');
  });

  it('reads a real word one letter from a known one as itself, not as a typo (반환 is not 변환, pending not sending)', () => {
    expect(index.read('이미지 반환').terms).not.toContain(index.read('이미지 변환').terms.at(-1));
    expect(index.read('문장으로 정의').terms).not.toContain(index.read('문자').terms[0]);
    expect(index.read('pods stay pending').terms).not.toContain('sending');
    expect(index.read('cannot run docker inside slave').terms).not.toContain('save');
  });

  it('reads a real word that one example question happens to use as itself, not as the common word beside it', () => {
    expect(index.read('how to terminate a process').terms).not.toContain('tty');
  });

  it('still corrects a misspelling that is no word of the language, and a real word to another form of itself', () => {
    expect(index.read('볼룸 목록').terms).toEqual(index.read('볼륨 목록').terms);
    expect(index.read('runing container').terms).toEqual(index.read('running container').terms);
    expect(index.read('docker logs timestamp').terms).toEqual(index.read('docker logs timestamps').terms);
  });

  it('keeps a short word one letter from a common one, as both may be real words (head, read)', () => {
    expect(index.read('docker head').terms).toContain('head');
  });

  it('notices a neighbouring technology even when it is misspelt', () => {
    expect(index.read('kubernetes pods').outside).toBe(true);
    expect(index.read('ngnix config').outside).toBe(true);
    expect(index.read('docker images').outside).toBe(false);
  });
});

describe('example questions and the kind of question', () => {
  it('tells how to remove an image from an image that cannot be removed, though both read as the same words', () => {
    const how = index.read('how do I remove an image');
    const trouble = index.read("image can't be removed");
    expect(index.exampleOwner(how.terms, how.kinds)).toBe('rmi');
    expect(index.exampleOwner(trouble.terms, trouble.kinds)).toBe('err-image-in-use');
    expect(index.search(how.terms, how.kinds)[0]?.id).toBe('rmi');
    expect(index.search(trouble.terms, trouble.kinds)[0]?.id).toBe('err-image-in-use');
  });
});
