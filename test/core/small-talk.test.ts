import { describe, expect, it } from 'vitest';
import { agrees, isGoodbye, rewordedAfterNo, smallTalkOf } from '../../bot/core/small-talk.js';

describe('telling small talk from a question', () => {
  it.each(['hello', 'Hi!', 'hey', 'hey there', 'Good morning!', '안녕하세요', '안녕~', '하이'])('takes "%s" as a greeting', (line) => {
    expect(smallTalkOf(line)).toBe('greeting');
  });

  it.each(['thanks', 'Thank you!', 'thx', '고마워요', '감사합니다'])('takes "%s" as thanks', (line) => {
    expect(smallTalkOf(line)).toBe('thanks');
  });

  it.each(['ㄱㅅ', '감사요 ㅎㅎ', 'ok thx', '네 감사합니다!', '알겠어요, 고마워요', 'thank u', 'ㄱㅅㄱㅅ', '해결됨 ㄳ', 'cheers', 'makes sense, thanks', 'thanks, this was helpful', 'that helped, thank you!', 'very helpful', '감사합니다 도움이 많이 됐어요', '덕분에 해결했어요 ㅎㅎ', '감사합니다 많이 배웠어요', "thx, that's all", 'ㅋㅋ 고마워요', 'ㅎㅎ 감사합니다', 'ㅋㅋ고마워요', 'ㅎㅎ감사합니다', '오 감사합니당 ㅎㅎ', '감사해용', '와 고마워용', '우와 고맙습니당'])('takes "%s" as thanks too', (line) => {
    expect(smallTalkOf(line)).toBe('thanks');
  });

  it.each(['ok', 'OK!', 'got it', 'cool', 'i see', 'ㅇㅋ', '알겠어요', '아하 그렇구나', '넵 알겠습니다', '알겠음', '오키', 'ㅇㅋㅇㅋ', 'ㅇㅇ 알겠음', 'ㄷㄷ 알겠음', 'ㅇㅋ 해볼게', 'makes sense', 'ㅇㅎ', "ok that's all", 'all good', 'that’s it', 'thats it'])(
    'takes "%s" as an acknowledgement', (line) => {
    expect(smallTalkOf(line)).toBe('okay');
  });

  it.each(['yes', 'Yeah', 'y', '네', 'ㅇㅇ', '응', '넵!', 'yes please', '네 그거요'])('takes "%s" as a yes', (line) => {
    expect(smallTalkOf(line)).toBe('yes');
  });

  it.each(['no', 'nope', 'not that', '아니요', '아니 그거 말고', 'ㄴㄴ', 'not this', 'not that one either', 'wrong topic', "that's not what I asked", 'none of them', 'neither of those', 'something else', 'no thanks', 'nope, thanks', '이거 말고', '그거 말고요', '그거 아님', '그게 아니라요', '이게 아닌데', '다 아니에요', '셋 다 아님', '이거 말고 다른 거', '아니요 괜찮아요', '아뇨 됐어요'])('takes "%s" as a no', (line) => {
    expect(smallTalkOf(line)).toBe('no');
  });

  it.each(['ㅋㅋ', 'ㅎㅎㅎ', 'lol'])('takes laughing "%s" as an acknowledgement', (line) => {
    expect(smallTalkOf(line)).toBe('okay');
  });

  it.each(['help', 'Help me', 'what can you do?', '도움말', '뭐 할 수 있어?', '사용법'])('takes "%s" as asking for help', (line) => {
    expect(smallTalkOf(line)).toBe('help');
  });

  it.each(['more', 'tell me more', 'show the rest', '더', '더 보여줘', '계속', '나머지도', '자세히'])('takes "%s" as asking for the rest of the answer', (line) => {
    expect(smallTalkOf(line)).toBe('more');
  });

  it.each(['more memory for a container', '더 빠르게 빌드하는 법', '계속 재시작돼요'])('takes "%s" as a question, not as asking for more', (line) => {
    expect(smallTalkOf(line)).toBeUndefined();
  });

  it.each(['tl;dr', 'TLDR', 'summary', 'short version please', 'shorter', '요약', '요약해줘', '한줄 요약', '한 줄로 요약해 주세요', '짧게 말해줘', '간단히 설명해 주세요'])('takes "%s" as asking for the short version', (line) => {
    expect(smallTalkOf(line)).toBe('summary');
  });

  it.each(['예시 좀', '예시 보여줘', 'show me an example', 'examples?', 'for example?', 'e.g.', '예제는요?'])('takes "%s" as asking for examples', (line) => {
    expect(smallTalkOf(line)).toBe('examples');
  });

  it.each(['hello-world', 'docker run hello-world', 'help with docker volumes', '안녕하세요 도커 설치는 어떻게 해요?', 'what can docker do', 'thanks, but how do I remove a volume?', 'ok so how do I remove a volume', '네트워크', 'yes or no: is docker a VM?', '아 컨테이너가 안 꺼져요', 'no such container', '아니 왜 안 돼요', '오류', '와 이거 왜 안 돼요', '다 지우는 법', 'nothing works', 'example of a compose file', 'docker-compose 예시', 'summary of docker commands', '요약하면 컨테이너가 뭐예요?', 'is this helpful for production?'])('leaves "%s" a question', (line) => {
    expect(smallTalkOf(line)).toBeUndefined();
  });

  it('reads a long run of letters at once, as no small talk, instead of trying every way to cut it into words', () => {
    expect(smallTalkOf(`${'k'.repeat(110)}?x`)).toBeUndefined();
    expect(smallTalkOf('ok'.repeat(55))).toBeUndefined();
  });

  it('takes no line longer than small talk ever is for small talk, however it ends', () => {
    expect(smallTalkOf(`${'ㅋ'.repeat(20_000)} 고마워요`)).toBeUndefined();
    expect(smallTalkOf(`고마워요${' '.repeat(200)}`)).toBeUndefined();
    expect(isGoodbye(`bye${' '.repeat(200)}`)).toBe(false);
  });

  it.each(['bye', 'ok bye', 'Bye!', 'thank you, bye', 'ok thanks bye', 'bye ㅠㅠ', 'bye 👋', 'bye :)', 'see you later', '바이바이', '잘 있어요', '안녕히 계세요 ㅎㅎ', 'ㅂㅂ', '감사합니다 수고하세요', '수고하셨습니다', '수고했어요'])('takes "%s" as a goodbye', (line) => {
    expect(isGoodbye(line)).toBe(true);
  });

  it.each(['bye docker, hello podman?', 'goodbye world in a container', 'how do I say bye to a container', '안녕'])('leaves "%s" no goodbye', (line) => {
    expect(isGoodbye(line)).toBe(false);
  });

  it.each(['ok', 'OK!', 'ok ok', 'ㅇㅋ', 'ㅇㅋㅇㅋ', 'ㅇㅋ ㅇㅋ', '오케이', '오키', 'yes', '네', 'ㅇㅇ'])('takes "%s" as agreeing to an offer', (line) => {
    expect(agrees(line)).toBe(true);
  });

  it.each(['got it', '알겠어요', 'i see', '그렇구나', 'ok so how do I remove a volume', 'thanks'])('does not take "%s" as agreeing to an offer', (line) => {
    expect(agrees(line)).toBe(false);
  });

  it.each([
    ['아니 그거 말고 처음 실행할 때 포트 여는 거', '처음 실행할 때 포트 여는 거'],
    ['아니그거말고 compose 파일에 포트 쓰는 법', 'compose 파일에 포트 쓰는 법'],
    ['그게 아니라 볼륨 말하는 거예요', '볼륨 말하는 거예요'],
    ['no, not that one: how do I publish a port', 'how do I publish a port'],
    ['Not that, the compose one', 'the compose one'],
    ['not that one — the compose one', 'the compose one'],
    ['none of these, I want logs', 'I want logs'],
    ['neither. how do I see logs', 'how do I see logs'],
    ['no, I meant the compose one', 'the compose one'],
    ["that's not it, logs", 'logs'],
    ['둘 다 아니고 로그 보는 법', '로그 보는 법'],
    ['그거 아니에요 포트 여는 거요', '포트 여는 거요'],
    ['그거 말고요 로그 보는 법', '로그 보는 법'],
    ['셋 다 아니고 로그 보는 법', '로그 보는 법'],
  ])('reads "%s" as turning down what was shown and asking "%s"', (line, question) => {
    expect(rewordedAfterNo(line)).toBe(question);
  });

  it.each(['아니 왜 안 돼요', 'no such container', 'nothing works', 'not thats it', '그거 말고', 'how do I publish a port', 'not that hard, but how about in compose?', 'not this time', 'no not that one how do I publish a port'])('does not read "%s" as turning something down and asking anew', (line) => {
    expect(rewordedAfterNo(line)).toBeUndefined();
  });
});
