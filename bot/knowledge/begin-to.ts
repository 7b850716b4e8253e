/**
 * Korean says "began to do" with the noun 시작 (start) after a verb's -기 form: 쓰기 시작했어요
 * (began to use), 배우기 시작할 때 (when starting to learn). There 시작 only marks the beginning of
 * the verb before it; it is not Docker's start. "도커는 왜 쓰기 시작했을까?" asks why Docker caught on,
 * not how `docker start` works.
 */
const BEGIN_TO = /(?<=[\uac00-\ud7a3]기) 시작[\uac00-\ud7a3]*/gu;

/** The text without the 시작 of "-기 시작하다", so that only the verb it follows is read. */
export const withoutBeginTo = (text: string): string => (text.includes('기 시작') ? text.replace(BEGIN_TO, ' ') : text);
