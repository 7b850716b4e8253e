/** English ordinals people use to point into a list just shown. */
const ENGLISH = ['first', 'second', 'third', 'fourth', 'fifth'] as const;
/** The same in Korean, as counted with 번째. */
const KOREAN = ['첫', '두', '세', '네', '다섯'] as const;

/**
 * The place in the last list a line points to: a bare number ("2", "2번", "#2", "2."), or an
 * ordinal ("the first one", "second", "2nd", "첫 번째", "두번째 거요"). Anything else points nowhere.
 */
export function pickedPlace(line: string): number | undefined {
  const text = line.trim().toLowerCase().replace(/[.!?？。]+$/u, '');
  const number = /^#?(\d+)\s*(?:번|\.)?$/u.exec(text)?.[1];
  if (number !== undefined) return Number(number);
  const english = /^(?:the\s+)?(first|second|third|fourth|fifth|\d(?:st|nd|rd|th))(?:\s+one)?(?:\s+please)?$/u.exec(text)?.[1];
  if (english !== undefined) return /^\d/u.test(english) ? Number(english[0]) : ENGLISH.indexOf(english as (typeof ENGLISH)[number]) + 1;
  const korean = /^(첫|두|세|네|다섯|\d)\s*번째(?:\s*(?:거|꺼|것|주제))?(?:요|이요)?$/u.exec(text)?.[1];
  if (korean !== undefined) return /^\d$/u.test(korean) ? Number(korean) : KOREAN.indexOf(korean as (typeof KOREAN)[number]) + 1;
  return undefined;
}
