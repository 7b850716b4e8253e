import {
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type ButtonInteraction,
  type Message,
  type ModalSubmitInteraction,
} from 'discord.js';
import { langFromLocale } from '../core/lang.js';
import { explain, translator, type Translate } from '../i18n.js';
import type { DiscordContext } from './command.js';
import type { ButtonIntent } from './custom-id.js';
import { clamp } from './fit.js';
import { renderNotice } from './render.js';

/** The one field of the 👎 modal. */
const LOOKING_FOR = 'looking-for';
const LOOKING_FOR_MAX = 500;
/** Discord's limits on a modal's title and a label. */
const MODAL_TITLE_MAX = 45;
const LABEL_MAX = 45;
const PLACEHOLDER_MAX = 100;

type Vote = ButtonIntent & { readonly action: 'up' | 'down' };

export const isVote = (intent: ButtonIntent): intent is Vote => intent.action === 'up' || intent.action === 'down';

/**
 * 👍 records at once; 👎 first asks what was missing (optional) in a modal, then records. Either way
 * the person is answered privately and the answer message stays as it is for everyone else.
 */
export async function handleVoteButton(interaction: ButtonInteraction, intent: Vote, context: DiscordContext): Promise<void> {
  const t = translator(context.i18n, langFromLocale(interaction.locale));
  if (intent.action === 'up') {
    await recordVote(interaction, interaction.message, intent, undefined, context);
    return;
  }
  if (await context.feedback.hasVoted(interaction.message.id, interaction.user.id)) {
    await interaction.reply({ ...renderNotice(explain(t, { id: 'knowledge.vote.twice' })), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.showModal({
    // The modal carries the 👎 button's own id, so its answer needs no state in between.
    custom_id: interaction.customId,
    title: clamp(t('discord:feedback.modal.title'), MODAL_TITLE_MAX),
    components: [
      {
        type: ComponentType.Label,
        label: clamp(t('discord:feedback.modal.label'), LABEL_MAX),
        component: {
          type: ComponentType.TextInput,
          custom_id: LOOKING_FOR,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: LOOKING_FOR_MAX,
          placeholder: clamp(t('discord:feedback.modal.placeholder'), PLACEHOLDER_MAX),
        },
      },
    ],
  });
}

/** The 👎 modal sent back: the vote with what the person was looking for, if they said. */
export async function handleVoteModal(interaction: ModalSubmitInteraction, intent: Vote, context: DiscordContext): Promise<void> {
  if (!interaction.message) {
    context.logger.info({ customId: interaction.customId }, 'a vote modal without its answer message');
    await replyStale(interaction, translator(context.i18n, langFromLocale(interaction.locale)));
    return;
  }
  const said = interaction.fields.fields.has(LOOKING_FOR) ? interaction.fields.getTextInputValue(LOOKING_FOR) : '';
  await recordVote(interaction, interaction.message, intent, said, context);
}

async function recordVote(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  answer: Message,
  intent: Vote,
  text: string | undefined,
  { feedback, knowledge, i18n, logger }: DiscordContext,
): Promise<void> {
  const t = translator(i18n, langFromLocale(interaction.locale));
  const topic = knowledge.topic(intent.topicId);
  if (!topic) {
    logger.info({ customId: interaction.customId }, 'a vote on a topic Gorae no longer has');
    await replyStale(interaction, t);
    return;
  }
  const voted = await feedback.vote({
    answer: answer.id,
    voter: interaction.user.id,
    vote: intent.action,
    topic,
    lang: intent.lang,
    ref: questionRef(answer),
    ...(text ? { text: text.slice(0, LOOKING_FOR_MAX) } : {}),
    via: 'discord:vote',
  });
  logger.info({ topic: topic.id, vote: intent.action, recorded: voted.ok }, 'answer rated');
  const thanks = intent.action === 'up' ? t('discord:feedback.thanks.up') : t('discord:feedback.thanks.down');
  const notice = voted.ok ? thanks : explain(t, voted.error);
  await interaction.reply({ ...renderNotice(notice), flags: MessageFlags.Ephemeral });
}

/** The answer a vote was for is gone (or the topic is): say so privately and point to asking again. */
const replyStale = (interaction: ButtonInteraction | ModalSubmitInteraction, t: Translate): Promise<unknown> =>
  interaction.reply({ ...renderNotice(t('discord:stale', { command: t('discord:commands.ask.name') })), flags: MessageFlags.Ephemeral });

/** The question an answer replies to: the slash command it answers, or the message it replies to. */
export const questionRef = (answer: Message): string | undefined => answer.interactionMetadata?.id ?? answer.reference?.messageId;
