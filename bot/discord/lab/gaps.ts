import type { Translate } from '../../i18n.js';
import type { Gap, GapLog } from '../../knowledge/gaps.js';
import { LIMITS } from '../limits.js';
import { codeBlock, type LabReply } from './render.js';
import type { Work } from './runner.js';

export const GAPS_DEFAULT = 10;
export const GAPS_MAX = 25;

/** `/lab gaps`: the latest questions the knowledge side could not answer, newest first. */
export function gapsWork(count: number, gaps: GapLog): Work {
  return async (_live, t) => {
    const recent = await gaps.recent(count, (gap) => gap.status !== 'answer');
    return {
      reply: gapsReply(t, recent),
      outcome: 'ran',
      bytes: 0,
      result: (summary) => summary('discord:lab.audit.rows', { count: recent.length }),
    };
  };
}

/** One line per question: when (UTC), language, unknown or unsure, and the question made safe. */
function gapsReply(t: Translate, gaps: readonly Gap[]): LabReply {
  if (gaps.length === 0) return { content: t('discord:lab.gaps.empty') };
  const title = t('discord:lab.gaps.title', { count: gaps.length });
  const lines = gaps.map((gap) => `${gap.time.slice(0, 16).replace('T', ' ')}  ${gap.lang}  ${gap.status.padEnd(7)}  ${gap.question}`);
  return { content: `${title}\n${codeBlock(lines, LIMITS.content - title.length - 1)}` };
}
