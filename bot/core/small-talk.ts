/**
 * Lines a newcomer writes to Gorae itself rather than about Docker: a greeting, thanks, an
 * acknowledgement ("ok", "알겠어요"), a yes or a no, or asking what it can do. Taken as questions, "hello"
 * offered the topics that mention hello-world, "help" got "I don't know that one", and "ㅇㅋ" after
 * an answer brought the answer back as a follow-up. Asking for an example ("예시 좀") asks for the
 * example commands of the topic just shown, "more" ("더 보기") for the rest of a long answer, and
 * "tl;dr" ("요약") for its one-line summary.
 * Only the whole line counts: "help with docker volumes" is a question.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'okay' | 'yes' | 'no' | 'help' | 'examples' | 'more' | 'summary';

/** Punctuation, and the laughing or crying jamo Korean chat ends a line with (ㅎㅎ, ㅋㅋ, ㅠㅠ). */
const ENDING = String.raw`[\s.!~?？^ㅎㅋㅠㅜ]*`;
// At least one character between words: with none, "kkkk…" could be cut into words in exponentially many ways.
const BETWEEN = String.raw`[\s,.!~]+`;
const THANKS = String.raw`(?:thanks|thank you|thank u|thanks a lot|thank you so much|thx|ty|tysm|cheers|고마워|고마워요|고마워용|고맙습니다|고맙습니당|감사합니다|감사합니당|감사해요|감사해용|감사요|감사용|감사|(?:ㄱㅅ)+|ㄳ+|땡큐|땡스)`;
// Saying the answer helped is thanks too: "thanks, this was helpful", "덕분에 해결했어요".
const HELPED = String.raw`(?:(?:this|that|it) (?:was|is) (?:(?:really|very|so) )?(?:helpful|useful|great)|(?:this|that|it) (?:really )?(?:helped|worked)|(?:very |really |super )?helpful|도움이 (?:많이 |정말 |진짜 )?(?:됐어요|됐습니다|되었어요|되었습니다|됐어|됨)|도움 (?:됐어요|됐습니다|됐어|됨)|덕분에 (?:해결했어요|해결됐어요|해결했습니다|됐어요)|(?:많이 |잘 )?배웠어요|(?:많이 |잘 )?배웠습니다|이해가 (?:잘 )?됐어요)`;
// Casual Korean shortens these further (알겠음, 오키, ㅇㅋㅇㅋ, ㅇㅎ), and says it will try or that it worked (해볼게, 해결됨).
const OKAY = String.raw`(?:ok|okay|k+|got it|cool|nice|great|perfect|i see|understood|alright|makes sense|that makes sense|that['’]?s all|that['’]?s it|that is all|all good|알겠어|알겠어요|알겠습니다|알겠음|알겠슴|알았어|알았어요|알았음|오케이|오키(?:오키)?|(?:ㅇㅋ)+|ㅇㅎ|오호|그렇구나|그렇군요|그렇네|그렇네요|아하|아|오+|와|우와|ㄷㄷ|이해했어요|이해됐어요|이해됨|좋아요|굿|해볼게|해볼게요|해 볼게요|해결됨|해결됐어요|해결했어요|됐다|됐어요)`;
const YES = String.raw`(?:yes|y|yep|yeah|yup|sure|please|that one|this one|네|넵|넹|예|응|ㅇㅇ|맞아요|맞아|그거요|그거|이거요|이거)`;
/** What a refusal turns down in Korean ("그거", "둘 다") and how it says no to it ("말고", "아니라", "아님"). */
const TURNED_DOWN_KO = String.raw`(?:그거|이거|그게|이게|그건|이건|둘\s*다|셋\s*다|다)\s*(?:말고요?|말구|아님|아닌데|아니(?:고|구|라|라요|라고요|에요|예요|야)?)`;
/** A refusal in English: "not that one", "none of these", "neither", "that's not what I asked". */
const TURNED_DOWN_EN = String.raw`(?:not (?:that|this|those|these)(?: ones?)?(?: either)?|none of (?:these|those|them)|neither(?: of (?:these|those|them))?|that['’]?s not (?:it|what i (?:asked|meant)))`;
// A refusal alone, and a polite one ("no thanks", "아니요 괜찮아요"): after an offer or an answer, not what was meant.
const NO = String.raw`(?:(?:no|nope|nah)[\s,.!]*(?:thanks|thank you|thx)|(?:아니요|아니오|아뇨|아니)[\s,.!]*(?:괜찮아요|괜찮습니다|됐어요|됐습니다)|no|nope|nah|${TURNED_DOWN_EN}|wrong (?:topic|answer)|something else|아니|아니요|아니오|아뇨|ㄴㄴ|(?:그거|이거|그건|이건) ?말고 ?다른 ?(?:거|걸|것)요?|${TURNED_DOWN_KO})`;
/** Laughing alone ("ㅋㅋ", "lol") answers nothing either. */
const LAUGH = String.raw`(?:[ㅋㅎ]+|lol|haha)`;

const whole = (body: string) => new RegExp(String.raw`^${body}${ENDING}$`, 'iu');
const GREETING = whole(String.raw`(?:(?:hi|hello|hey) there|good (?:morning|afternoon|evening)|hi|hello|hey|hiya|안녕|안녕하세요|안뇽|하이|반가워요?)`);
// "ok thx", "네 감사합니다", "알겠어요, 고마워요!", "ㅋㅋ 고마워요": thanks after a word of assent or a laugh is still thanks.
const THANKED = whole(String.raw`(?:[ㅋㅎ]+[\s,.!~]*)?(?:(?:${OKAY}|${YES})${BETWEEN})*(?:${THANKS}|${HELPED})(?:${BETWEEN}(?:${THANKS}|${OKAY}|${HELPED}))*`);
const OKAYED = whole(String.raw`(?:(?:${YES}${BETWEEN})?${OKAY}(?:${BETWEEN}${OKAY})*|${LAUGH})`);
const SAID_YES = whole(String.raw`${YES}(?:${BETWEEN}${YES})*`);
const SAID_NO = whole(String.raw`${NO}(?:${BETWEEN}${NO})*`);
const HELP = whole(
  String.raw`(?:help|help me|what can you do|what do you do|how do i use (?:this|you)|도움말|도와줘|도와주세요|뭐 할 수 있어요?|뭘 할 수 있어요?|무엇을 할 수 있나요|어떻게 써요?|사용법)`,
);

const EXAMPLES = whole(
  String.raw`(?:(?:show me |give me |any )?(?:an |some )?examples?(?: please| pls)?|for example|e\.?g\.?|예시|예제|예시 좀|예제 좀|예시 보여줘|예시 보여 줘|예시 보여주세요|예시 보여 주세요|예시 주세요|예시는요?|예제는요?)`,
);

const MORE = whole(
  String.raw`(?:more|show more|tell me more|more please|the rest|show the rest|continue|go on|read more|더|더 보기|더보기|더 보여줘|더 보여 줘|더 보여주세요|더 보여 주세요|더 알려줘|더 알려 줘|계속|계속해|계속해 줘|계속해줘|나머지|나머지도|나머지 보여줘|자세히|더 자세히)`,
);

const SUMMARY = whole(
  String.raw`(?:tl;?dr|summary|summari[sz]e(?: it)?(?: please)?|in short|short version(?: please)?|(?:make it |a bit )?shorter(?: please)?|요약|요약 ?좀|요약해 ?줘|요약해 ?주세요|한 ?줄 ?요약|한 ?줄로 ?요약해 ?(?:줘|주세요)|한 ?줄로|짧게|짧게요|짧게 ?좀|짧게 ?(?:말해|설명해) ?(?:줘|주세요)|간단히|간단하게|간단히 ?(?:말해|설명해) ?(?:줘|주세요))`,
);

const BYE = String.raw`(?:bye|bye bye|byebye|goodbye|good bye|see you|see you later|see ya|cya|바이|바이바이|빠이|잘 ?가|잘 ?가요|잘 ?있어|잘 ?있어요|안녕히 ?계세요|ㅂㅂ+|수고하세요|수고하셨습니다|수고했어요)`;
// "thanks, bye", "ㅇㅋ 잘 있어요 ㅎㅎ", "bye 👋": a goodbye after thanks or a nod, ending in an emoji or a smiley.
const GOODBYE = new RegExp(
  String.raw`^(?:(?:${OKAY}|${YES}|${THANKS}|${LAUGH})${BETWEEN})*${BYE}(?:${BETWEEN}${THANKS})?(?:[\s.!~?？^ㅎㅋㅠㅜ\uFE0F]|\p{Extended_Pictographic}|[:;]-?[)D])*$`,
  'iu',
);

/**
 * Small talk is a few words. A longer line is none, and is never tried against these patterns: a
 * laugh thousands of ㅋ long took seconds, as it can end a line and be one.
 */
const LONGEST = 120;

/** Whether a line takes leave: in the terminal it ends the chat. */
export const isGoodbye = (line: string): boolean => line.length <= LONGEST && GOODBYE.test(line.trim());

/**
 * Turning down what was just shown, then saying what was meant: "아니 그거 말고 …", "그게 아니라 …",
 * "둘 다 아니고 …", "no, not that one: …", "none of these, …", "no, I meant …". A bare "아니" is not
 * enough ("아니 왜 안 돼요" goes on about the same thing), nor is "not that" going on as a sentence
 * ("not that hard, but …"): English needs the punctuation that closes the refusal.
 */
const TURNING_DOWN = new RegExp(
  [
    String.raw`^(?:(?:아니(?:요|오)?|아뇨|ㄴㄴ)[\s,.!]*)?${TURNED_DOWN_KO}(?![\p{L}\p{N}])`,
    String.raw`^(?:(?:no|nope)[\s,.!]*)?${TURNED_DOWN_EN}(?=\s*[,.:;!—–-])`,
    String.raw`^(?:no|nope)[,.!]?\s+i meant(?=\s)`,
  ].join('|'),
  'iu',
);
/** What may stand between the refusal and the question: "아니 그거 말고, …", "not that one — …". */
const AFTER_REFUSAL = /^[\s,.!:;—–-]*/u;

/** The question of a line that turns down what was shown and says what was meant instead; undefined for any other line. */
export function rewordedAfterNo(line: string): string | undefined {
  const text = line.trim();
  const match = TURNING_DOWN.exec(text);
  const rest = match ? text.slice(match[0].length).replace(AFTER_REFUSAL, '').trim() : '';
  return rest.length > 0 ? rest : undefined;
}

/** "ok" and "ㅇㅋ" agree to what was offered; "got it" or "알겠어요" only say the answer was read. */
const AGREED = whole(String.raw`(?:ok|okay|(?:ㅇㅋ)+|오케이|오키(?:오키)?)(?:${BETWEEN}(?:ok|okay|(?:ㅇㅋ)+|오케이|오키))*`);

/** Whether a line agrees to an offer, as a yes does: "ok" to "did you mean …? Type 1 or yes". */
export const agrees = (line: string): boolean => line.length <= LONGEST && (AGREED.test(line.trim()) || SAID_YES.test(line.trim()));

/** Words of assent in no language: typed in a Korean chat as readily as in an English one. */
const NEUTRAL = /^(?:ok|okay|k+|y|[ㅋㅎ]+|lol|tl;?dr)[\s.!~]*$/iu;

/** Whether a line of small talk says nothing of the language its writer reads ("ok", "ㅋㅋ"; not "got it"). */
export const isNeutral = (line: string): boolean => NEUTRAL.test(line.trim());

export function smallTalkOf(line: string): SmallTalk | undefined {
  if (line.length > LONGEST) return undefined;
  const text = line.trim();
  if (GREETING.test(text)) return 'greeting';
  if (THANKED.test(text)) return 'thanks';
  if (OKAYED.test(text)) return 'okay';
  if (SAID_YES.test(text)) return 'yes';
  if (SAID_NO.test(text)) return 'no';
  if (HELP.test(text)) return 'help';
  if (EXAMPLES.test(text)) return 'examples';
  if (MORE.test(text)) return 'more';
  if (SUMMARY.test(text)) return 'summary';
  return undefined;
}
