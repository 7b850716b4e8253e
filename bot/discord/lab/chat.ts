import type { Message } from 'discord.js';
import { langFromLocale } from '../../core/lang.js';
import { ok } from '../../core/result.js';
import { translator } from '../../i18n.js';
import { argumentsOf, shown, type LabAction } from '../../lab/actions.js';
import { auditTrail } from '../../lab/audit-trail.js';
import { commandLineOf } from '../../lab/command-line.js';
import { authorize, isLabAdmin, type Refusal } from '../../lab/authorize.js';
import { attemptedAction, isCommandLine, parseLab } from '../../lab/parse.js';
import type { DiscordContext } from '../command.js';
import { auditOrigin, originOf } from './origin.js';
import { labJob } from './lab-job.js';
import { runGated } from './runner.js';
import { chatLineReply } from './reply-message.js';

/** Lines that open like a shell (`; rm -rf /`, `$(…)`, `| sh`) are never questions. */
const SHELL_START = /^[;|&$`(<>]/;
/** `docker ps` written as inline code or a code block is still the command. */
const WRAPPED = /^(`{1,3})([^`]*)\1$/;

/** The lab command in a mention's text (`docker ps -a`, `images`, `; rm -rf /`), or undefined for a question. */
export function labLineOf(text: string): string | undefined {
  const trimmed = text.trim();
  const line = (WRAPPED.exec(trimmed)?.[2] ?? trimmed).trim();
  return isCommandLine(line) || SHELL_START.test(line) ? line : undefined;
}

/**
 * What became of a lab line: it went through the gate as a lab request, or it is a question. A
 * question from a lab admin that names a whitelisted action carries why it did not run here.
 */
export type LabLineTurn =
  | { readonly kind: 'lab' }
  | { readonly kind: 'question'; readonly note?: Exclude<Refusal, 'lab.gate.person'> };

/**
 * A lab line in a message. In an admin channel (or one of its threads) it runs through the same
 * gate, audit and whitelist as `/lab`, and the reply says why when it cannot. Anywhere else it is
 * answered as a question (asking about `docker rm` is fine); a line that names a whitelisted action
 * still leaves one `refused` line in the audit log, so admins see every attempt, wherever it was made.
 */
export async function handleLabLine(message: Message, line: string, context: DiscordContext): Promise<LabLineTurn> {
  const origin = originOf(message, message.author);
  const parsed = parseLab(line);
  const checked = parsed.ok ? ok(withoutYes(parsed.value.action)) : parsed;
  const action = checked.ok ? checked.value : undefined;
  const gate = authorize(context.lab.policy, origin.place, origin.person);
  const attempted = {
    action: action?.action ?? attemptedAction(line),
    arguments: { ...(action ? argumentsOf(action) : {}), line: shown(line) },
  };
  if (!gate.ok && gate.error.id !== 'lab.gate.person') {
    if (action === undefined) return { kind: 'question' };
    const audited = await auditTrail(context.lab.audit, context.lab.services.clock, auditOrigin(origin), attempted).refused(gate.error.id);
    if (!audited.ok) context.logger.error({ failure: audited.error, channel: origin.channelId }, 'a lab line outside the admin channels could not be audited');
    return isLabAdmin(context.lab.policy, origin.person) ? { kind: 'question', note: gate.error.id } : { kind: 'question' };
  }
  const lang = langFromLocale(message.guild?.preferredLocale);
  const replyMessage = chatLineReply(message, lang, translator(context.i18n, lang)('discord:lab.working'));
  const job = checked.ok ? ok(labJob(checked.value, origin, context)) : checked;
  await runGated({ origin, replyMessage, attempted, job, command: action ? commandLineOf(action) : shown(line) }, context);
  return { kind: 'lab' };
}

/** On Discord only the Confirm button says yes to a load; a typed `--yes` is not enough. */
const withoutYes = (action: LabAction): LabAction => (action.action === 'load' ? { ...action, yes: false } : action);
