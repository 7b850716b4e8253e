import type { Translate } from '../../i18n.js';
import type { GapLog } from '../../knowledge/gaps.js';
import { gapsReport, reportSections, type ReportSection } from '../../knowledge/gaps-report.js';
import { LIMITS } from '../limits.js';
import { codeBlock, type LabReply } from './render.js';
import type { LabJob } from './runner.js';

export const GAPS_DEFAULT = 10;
export const GAPS_MAX = 25;

/** `/lab gaps`: the worst-rated topics, the answers rated 👎 and the unanswered questions, newest first. */
export function gapsJob(count: number, gaps: GapLog): LabJob {
  return async (_live, t) => {
    const report = await gapsReport(gaps, count);
    const rows = report.worst.length + report.downvoted.length + report.unanswered.length;
    return {
      reply: gapsReply(t, reportSections(t, report)),
      outcome: 'ran',
      bytes: 0,
      result: (summary) => summary('discord:lab.audit.rows', { count: rows }),
    };
  };
}

/** Each section a title over a code block (questions made safe there); the room is shared out evenly. */
function gapsReply(t: Translate, sections: readonly ReportSection[]): LabReply {
  if (sections.length === 0) return { content: t('knowledge:report.empty') };
  const parts: string[] = [];
  let room = LIMITS.content;
  for (const [index, section] of sections.entries()) {
    const share = Math.floor(room / (sections.length - index)) - section.title.length - 2;
    const part = `${section.title}\n${codeBlock(section.lines, share)}`;
    parts.push(part);
    room -= part.length + 1;
  }
  return { content: parts.join('\n') };
}
