import type { Message } from 'discord.js';
import { langFromLocale, languageOf } from '../core/lang.js';
import { translator } from '../i18n.js';
import type { DiscordContext } from './command.js';
import { handleLabLine, labLineOf } from './lab/chat.js';
import { renderExplanation } from './render-explanation.js';
import { renderHelp, renderNotice, renderOutcome } from './render.js';

/** `<@123>`, `<@!123>`, `<@&123>`, `<#123>`: mention tokens are addressing, not part of the question. */
const MENTION = /<(?:@[!&]?|#)\d+>/g;

/** Why a lab admin's lab line was answered as a question instead of run. */
const AS_QUESTION = { 'lab.gate.dm': 'discord:lab.asQuestion.dm', 'lab.gate.channel': 'discord:lab.asQuestion.channel' } as const;

/**
 * Chat questions: a message that mentions the bot, or any message in a DM. Answers as a reply to the
 * message, in the question's language; a bare mention gets a short how-to. A lab line
 * (`docker ps -a`) in an admin channel runs as a lab action instead; elsewhere it is answered, and a
 * lab admin is told above the answer why it did not run.
 */
export async function handleMessage(message: Message, context: DiscordContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.system || message.webhookId) return;
  const direct = !message.inGuild();
  if (!direct && !message.mentions.users.has(me.id)) return;
  const pasted = message.content.replace(MENTION, ' ').trim();
  const question = pasted.replace(/\s+/g, ' ');
  const lang = question ? languageOf(question) : langFromLocale(message.guild?.preferredLocale);
  const t = translator(context.i18n, lang);
  const render = { t, knowledge: context.knowledge };
  try {
    const labLine = question ? labLineOf(question) : undefined;
    const turn = labLine === undefined ? undefined : await handleLabLine(message, labLine, context);
    if (turn?.kind === 'lab') return;
    // A pasted command keeps its line breaks (backslash continuations) for the explanation.
    const reply = !question
      ? renderHelp(me.username, lang, render)
      : context.explainer.holdsCommand(pasted)
        ? renderExplanation(context.explainer.explain(pasted, lang), render)
        : renderOutcome(await context.ask(question, { via: direct ? 'discord:dm' : 'discord:mention' }), render);
    const note = turn?.note && t(AS_QUESTION[turn.note]);
    await message.reply(note ? { ...reply, content: note } : reply);
  } catch (error) {
    context.logger.error({ err: error, message: message.id }, 'message reply failed');
    await message
      .reply(renderNotice(t('common:error.unexpected')))
      .catch((failure: unknown) => context.logger.warn({ err: failure, message: message.id }, 'could not apologize'));
  }
}
