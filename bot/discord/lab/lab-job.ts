import type { Failure } from '../../core/result.js';
import { explain, type Translate } from '../../i18n.js';
import type { LabAction } from '../../lab/actions.js';
import { commandLineOf } from '../../lab/command-line.js';
import { isCancellation } from '../../lab/cancellation.js';
import { humanSize } from '../../lab/humanize.js';
import { runLab } from '../../lab/run.js';
import { unansweredDetails } from '../../lab/whole-lab.js';
import type { DiscordContext } from '../command.js';
import { clamp } from '../fit.js';
import type { Answer } from './confirm.js';
import type { Origin } from './origin.js';
import { failureReply, loadReply, noticeReply, planReply, progressReply, saveReply } from './render.js';
import type { JobResult, LabJob } from './runner.js';
import { tableReply } from './table-reply.js';

/**
 * One whitelisted action through the lab core, with Discord's live parts: progress edits, and a
 * load's question with Confirm / Cancel for the requester only.
 */
export function labJob(action: LabAction, origin: Origin, { lab }: DiscordContext): LabJob {
  return async (live, t) => {
    const command = commandLineOf(action);
    let answer: Answer | undefined;
    const ran = await runLab(action, lab.services, {
      who: origin.requester.name,
      signal: lab.signal,
      onProgress: (progress) => live.progress(progressReply(t, command, progress)),
      confirm: async (plan) => {
        const question = lab.confirmations.ask(origin.requester, lab.confirmTimeoutMs);
        await live.show(planReply(t, plan, origin.requester, question.token));
        answer = await question.answer;
        if (answer === 'yes') await live.show(progressReply(t, command, { phase: 'load', bytes: 0, total: plan.bytes }));
        return answer === 'yes';
      },
    });
    if (!ran.ok) return failed(t, ran.error, answer === 'timeout' ? lab.confirmTimeoutMs : undefined);
    const outcome = ran.value;
    switch (outcome.action) {
      case 'ps':
      case 'images': {
        const rows = outcome.rows.length;
        return {
          reply: tableReply(t, outcome, action, origin.requester, lab.pages, lab.services.engines.size),
          outcome: 'ran',
          details: unansweredDetails(outcome.unanswered),
          bytes: 0,
          result: (summary) => summary('discord:lab.audit.rows', { count: rows }),
        };
      }
      case 'save': {
        const { report } = outcome;
        return { reply: saveReply(t, report), outcome: 'ran', bytes: report.bytes, result: () => `${report.file} (${humanSize(report.bytes)})` };
      }
      case 'load': {
        const { report } = outcome;
        return { reply: loadReply(t, report), outcome: 'ran', bytes: report.bytes, result: () => report.loaded.join(', ') };
      }
    }
  };
}

function failed(t: Translate, failure: Failure, timedOutAfterMs: number | undefined): JobResult {
  const cancelled = isCancellation(failure.id);
  const shown: Failure =
    timedOutAfterMs === undefined
      ? failure
      : { id: 'discord.lab.confirm.timeout', vars: { ...failure.vars, minutes: Math.round(timedOutAfterMs / 60_000) } };
  return {
    reply: cancelled ? noticeReply(explain(t, shown)) : failureReply(t, shown),
    outcome: cancelled ? 'cancelled' : 'failed',
    failure,
    bytes: 0,
    result: (summary) => clamp(explain(summary, shown), 300),
  };
}
