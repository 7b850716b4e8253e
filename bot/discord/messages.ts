import type { Message } from 'discord.js';
import { langFromLocale, languageOf, type Lang } from '../core/lang.js';
import { isPastedText } from '../knowledge/pasted-text.js';
import { isNeutral, rewordedAfterNo, smallTalkOf } from '../core/small-talk.js';
import { explanationLang } from '../explain/explainer.js';
import { translator } from '../i18n.js';
import type { DiscordContext } from './command.js';
import { previousTopic } from './answered-topic.js';
import { handleLabLine, labLineOf } from './lab/chat.js';
import { withNote } from './layout.js';
import { renderExplanation, type ExplanationReply } from './render-explanation.js';
import { renderHelp, renderNotice, renderOutcome, type Notice, type Reply } from './render.js';

/** `<@123>`, `<@!123>`, `<@&123>`, `<#123>`: mention tokens are addressing, not part of the question. */
const MENTION = /<(?:@[!&]?|#)\d+>/g;

/** Why a lab admin's lab line was answered as a question instead of run. */
const AS_QUESTION = { 'lab.gate.dm': 'discord:lab.asQuestion.dm', 'lab.gate.channel': 'discord:lab.asQuestion.channel' } as const;

/**
 * Chat questions: a message that mentions the bot, or any message in a DM. Answers as a reply to the
 * message, in the question's language (a pasted command or error without Hangul in the server's); a bare mention, a greeting or "help" gets a short how-to, and
 * thanks or an "ok" a word back. A reply to one of Gorae's answers may be a follow-up to it, so the answered
 * topic goes along. A lab line (`docker ps -a`) in an admin channel runs as a lab action instead;
 * elsewhere it is answered, and a lab admin is told above the answer why it did not run.
 */
export async function handleMessage(message: Message, context: DiscordContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.system || message.webhookId) return;
  const direct = !message.inGuild();
  if (!direct && !message.mentions.users.has(me.id)) return;
  const pasted = message.content.replace(MENTION, ' ').trim();
  const question = pasted.replace(/\s+/g, ' ');
  const server = langFromLocale(message.guild?.preferredLocale);
  // Until the line is read, an apology goes out in the language it is written in.
  let lang = question ? languageOf(question) : server;
  try {
    // A bare mention asks how to ask, as "help" does. Asking for examples or for more goes on about the
    // topic replied to, whose answer holds them, or is a question of its own.
    const said = question ? smallTalkOf(question) : 'help';
    const talk = said === 'examples' || said === 'more' ? undefined : said;
    // A pasted command keeps its line breaks (backslash continuations) for the explanation.
    const explains = !talk && context.explainer.holdsCommand(pasted);
    // A pasted command or error message is nobody's language, nor is "ok": without Hangul in it, it is answered in the server's.
    const nobodys = explains || (talk ? isNeutral(question) : isPastedText(context.knowledge, question));
    if (question && nobodys) lang = explanationLang(question, server);
    const t = translator(context.i18n, lang);
    const render = { t, knowledge: context.knowledge };
    const labLine = question ? labLineOf(question) : undefined;
    const turn = labLine === undefined ? undefined : await handleLabLine(message, labLine, context);
    if (turn?.kind === 'lab') return;
    const after = (!talk || talk === 'summary') && !explains ? await previousTopic(message) : undefined;
    // "tl;dr" in reply to an answer: its one-line summary.
    const summarized = talk === 'summary' && after ? context.knowledge.topic(after)?.[lang] : undefined;
    const via = direct ? 'discord:dm' : 'discord:mention';
    const reply =
      talk === 'summary'
        ? renderNotice(summarized ? `**${summarized.title}**\n${summarized.summary}` : t('discord:help.summaryOfWhat'))
        : talk === 'thanks'
        ? renderNotice(t('discord:help.thanks'))
        : talk === 'okay' || talk === 'yes'
          ? renderNotice(t('discord:help.okay'))
          : talk === 'no'
            ? renderNotice(t('discord:help.no', { command: t('discord:commands.ask.name') }))
        : talk
          ? renderHelp(me.username, lang, render)
          : explains
            ? renderExplanation(context.explainer.explain(pasted, lang), render)
            : renderOutcome(await askAbout(context, question, after, { via, ref: message.id, ...(nobodys ? { lang } : {}) }), render);
    const note = turn?.note && t(AS_QUESTION[turn.note]);
    await message.reply(note ? noted(reply, note) : reply);
  } catch (error) {
    context.logger.error({ err: error, message: message.id }, 'message reply failed');
    await message
      .reply(renderNotice(translator(context.i18n, lang)('common:error.unexpected')))
      .catch((failure: unknown) => context.logger.warn({ err: failure, message: message.id }, 'could not apologize'));
  }
}

/**
 * A reply to an answer goes on from its topic, unless it turns that topic down and says what was meant
 * ("아니 그거 말고 …"): then the rest is asked anew, without it. The refusal is never part of the question.
 */
function askAbout(context: DiscordContext, question: string, after: string | undefined, options: { via: string; ref: string; lang?: Lang }) {
  const reworded = rewordedAfterNo(question);
  if (reworded === undefined) return context.ask(question, { ...options, ...(after ? { after } : {}) });
  return context.ask(reworded, { ...options, ...(after ? { excluding: [after] } : {}) });
}

/** A note goes above the reply: as a text display in a Components V2 answer, as the content of an explanation. */
function noted(reply: Reply | ExplanationReply | Notice, note: string): Reply | ExplanationReply | Notice {
  if ('flags' in reply) return withNote(reply, note);
  return { ...reply, content: 'content' in reply ? `${note}\n${reply.content}` : note };
}
