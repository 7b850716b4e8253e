import type { Failure, Result } from '../../core/result.js';
import { translator, type Translate } from '../../i18n.js';
import { auditTrail, type Attempted } from '../../lab/audit-trail.js';
import { authorize } from '../../lab/authorize.js';
import type { DiscordContext } from '../command.js';
import { inlineCode } from './inline-code.js';
import { auditOrigin, type Origin } from './origin.js';
import { liveMessage, type LiveMessage } from './live.js';
import { failureReply, type LabReply } from './render.js';
import type { ReplyMessage } from './reply-message.js';

/** How a lab job ended: the final reply, and what the audit log and channel record. */
export interface JobResult {
  readonly reply: LabReply;
  readonly outcome: 'ran' | 'failed' | 'cancelled';
  readonly failure?: Failure | undefined;
  /** What the audit line adds when nothing failed as a whole (the hosts a listing of every host missed). */
  readonly details?: Readonly<Record<string, string>> | undefined;
  readonly bytes: number;
  /** What came of it, for the audit channel ("app.tar (1.2MB)", "12 rows", the failure). */
  readonly result: (t: Translate) => string;
}

/** The audit channel's line for each way a run can end. */
const SUMMARY = {
  ran: 'discord:lab.audit.ran',
  failed: 'discord:lab.audit.failed',
  cancelled: 'discord:lab.audit.cancelled',
} as const;

/** What a request does once the gate is passed and the attempt is on record: a lab action, or the gaps report. */
export type LabJob = (live: LiveMessage<LabReply>, t: Translate) => Promise<JobResult>;

export interface GatedRequest {
  readonly origin: Origin;
  readonly replyMessage: ReplyMessage;
  readonly attempted: Attempted;
  /** The job, or why the input cannot become one (an unknown action, a bad file name …). */
  readonly job: Result<LabJob, string>;
  /** The request as a command line, for the audit channel. */
  readonly command: string;
}

/**
 * Every lab request from Discord goes through here: the gate, checked now from the request's own
 * data; the audit line, fsynced before anything runs (no line, no action); an acknowledgement at
 * once; then the work, its outcome on record, and the result in the same message.
 */
export async function runGated(request: GatedRequest, context: DiscordContext): Promise<void> {
  const { origin, replyMessage, attempted } = request;
  const { lab, logger } = context;
  const t = translator(context.i18n, replyMessage.lang);
  const trail = auditTrail(lab.audit, lab.services.clock, auditOrigin(origin), attempted);
  const log = { user: origin.requester.id, channel: origin.channelId, action: attempted.action };

  const refuse = async (failure: Failure): Promise<void> => {
    // Acknowledged and recorded side by side: a refusal is on record even if Discord drops the reply.
    const [begun, audited] = await Promise.allSettled([replyMessage.begin(true), trail.refused(failure.id)]);
    if (audited.status === 'fulfilled' && !audited.value.ok) logger.error({ ...log, failure: audited.value.error }, 'a refused lab request could not be audited');
    if (begun.status === 'rejected') throw begun.reason;
    logger.info({ ...log, reason: failure.id }, 'lab request refused');
    await replyMessage.show(failureReply(t, failure));
  };
  const gate = authorize(lab.policy, origin.place, origin.person);
  if (!gate.ok) return refuse(gate.error);
  const { job } = request;
  if (!job.ok) return refuse(job.error);

  await replyMessage.begin(false);
  const started = await trail.started();
  if (!started.ok) {
    logger.error({ ...log, failure: started.error }, 'audit log unwritable; the lab action did not run');
    await replyMessage.show(failureReply(t, started.error));
    return;
  }
  const live = liveMessage<LabReply>(replyMessage.show, (error) => logger.warn({ ...log, err: error }, 'a progress edit failed'));
  let ended: JobResult;
  try {
    ended = await job.value(live, t);
  } catch (error) {
    await trail.finished('failed', { reason: 'exception', bytes: 0 });
    throw error;
  }
  const finished = await trail.finished(ended.outcome, { reason: ended.failure?.id, details: ended.failure?.vars ?? ended.details, bytes: ended.bytes });
  if (!finished.ok) logger.error({ ...log, failure: finished.error }, 'a lab outcome could not be audited');
  logger.info({ ...log, outcome: ended.outcome, reason: ended.failure?.id }, 'lab request handled');
  lab.announce((summary) =>
    summary(SUMMARY[ended.outcome], {
      user: `<@${origin.requester.id}>`,
      channel: `<#${origin.channelId}>`,
      command: inlineCode(request.command),
      result: ended.result(summary),
    }),
  );
  await live.show(ended.reply);
}
