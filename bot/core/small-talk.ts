/**
 * Lines a newcomer writes to Gorae itself rather than about Docker: a greeting, thanks, or asking
 * what it can do. Taken as questions, "hello" offered the topics that mention hello-world, and "help"
 * got "I don't know that one". Only the whole line counts: "help with docker volumes" is a question.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'help';

const ENDING = String.raw`[\s.!~?？]*`;
const GREETING = new RegExp(String.raw`^(?:hi|hello|hey|hiya|안녕|안녕하세요|안뇽|하이|반가워요?)${ENDING}$`, 'iu');
const THANKS = new RegExp(String.raw`^(?:thanks|thank you|thanks a lot|thank you so much|thx|ty|고마워|고마워요|고맙습니다|감사합니다|감사해요|땡큐)${ENDING}$`, 'iu');
const HELP = new RegExp(
  String.raw`^(?:help|help me|what can you do|what do you do|how do i use (?:this|you)|도움말|도와줘|도와주세요|뭐 할 수 있어요?|뭘 할 수 있어요?|무엇을 할 수 있나요|어떻게 써요?|사용법)${ENDING}$`,
  'iu',
);

export function smallTalkOf(line: string): SmallTalk | undefined {
  const text = line.trim();
  if (GREETING.test(text)) return 'greeting';
  if (THANKS.test(text)) return 'thanks';
  if (HELP.test(text)) return 'help';
  return undefined;
}
