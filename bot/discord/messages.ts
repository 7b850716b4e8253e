import type { Message } from 'discord.js';
import { langFromLocale, languageOf } from '../core/lang.js';
import { translator } from '../i18n.js';
import type { DiscordContext } from './command.js';
import { previousTopic } from './answered-topic.js';
import { handleLabLine, labLineOf } from './lab/chat.js';
import { withNote } from './layout.js';
import { renderHelp, renderNotice, renderOutcome } from './render.js';

/** `<@123>`, `<@!123>`, `<@&123>`, `<#123>`: mention tokens are addressing, not part of the question. */
const MENTION = /<(?:@[!&]?|#)\d+>/g;

/** Why a lab admin's lab line was answered as a question instead of run. */
const AS_QUESTION = { 'lab.gate.dm': 'discord:lab.asQuestion.dm', 'lab.gate.channel': 'discord:lab.asQuestion.channel' } as const;

/**
 * Chat questions: a message that mentions the bot, or any message in a DM. Answers as a reply to the
 * message, in the question's language; a bare mention gets a short how-to. A reply to one of Gorae's
 * answers may be a follow-up to it, so the answered topic goes along. A lab line
 * (`docker ps -a`) in an admin channel runs as a lab action instead; elsewhere it is answered, and a
 * lab admin is told above the answer why it did not run.
 */
export async function handleMessage(message: Message, context: DiscordContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.system || message.webhookId) return;
  const direct = !message.inGuild();
  if (!direct && !message.mentions.users.has(me.id)) return;
  const question = message.content.replace(MENTION, ' ').replace(/\s+/g, ' ').trim();
  const lang = question ? languageOf(question) : langFromLocale(message.guild?.preferredLocale);
  const t = translator(context.i18n, lang);
  const render = { t, knowledge: context.knowledge };
  try {
    const labLine = question ? labLineOf(question) : undefined;
    const turn = labLine === undefined ? undefined : await handleLabLine(message, labLine, context);
    if (turn?.kind === 'lab') return;
    const after = question ? await previousTopic(message) : undefined;
    const via = direct ? 'discord:dm' : 'discord:mention';
    const reply = question
      ? renderOutcome(await context.ask(question, { via, ref: message.id, ...(after ? { after } : {}) }), render)
      : renderHelp(me.username, lang, render);
    const note = turn?.note && t(AS_QUESTION[turn.note]);
    await message.reply(note ? withNote(reply, note) : reply);
  } catch (error) {
    context.logger.error({ err: error, message: message.id }, 'message reply failed');
    await message
      .reply(renderNotice(t('common:error.unexpected')))
      .catch((failure: unknown) => context.logger.warn({ err: failure, message: message.id }, 'could not apologize'));
  }
}
