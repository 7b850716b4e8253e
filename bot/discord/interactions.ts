import { MessageFlags, type ButtonInteraction, type CommandInteraction, type Interaction } from 'discord.js';
import { langFromLocale } from '../core/lang.js';
import { translator } from '../i18n.js';
import type { DiscordContext } from './command.js';
import { commandsByName, messageMenusByName } from './commands/index.js';
import { decodeButton } from './custom-id.js';
import { handleVoteButton, handleVoteModal, isVote, questionRef } from './feedback.js';
import { handleLabButton } from './lab/buttons.js';
import { isLabButton } from './lab/custom-id.js';
import { renderNotice, renderTopic } from './render.js';

/**
 * The one place interactions enter: routes commands, message menus, autocomplete and buttons, and turns any
 * exception into a log line plus a short apology in the user's language (never the details).
 */
export async function handleInteraction(interaction: Interaction, context: DiscordContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      const command = commandsByName.get(interaction.commandName);
      if (command) await command.execute(interaction, context);
      else await retired(interaction, context);
    } else if (interaction.isMessageContextMenuCommand()) {
      const menu = messageMenusByName.get(interaction.commandName);
      if (menu) await menu.execute(interaction, context);
      else await retired(interaction, context);
    } else if (interaction.isAutocomplete()) {
      await commandsByName.get(interaction.commandName)?.autocomplete?.(interaction, context);
    } else if (interaction.isButton()) {
      if (isLabButton(interaction.customId)) await handleLabButton(interaction, context);
      else await openButton(interaction, context);
    } else if (interaction.isModalSubmit()) {
      const intent = decodeButton(interaction.customId);
      if (intent && isVote(intent)) await handleVoteModal(interaction, intent, context);
      else context.logger.info({ customId: interaction.customId }, 'a modal Gorae did not open');
    }
  } catch (error) {
    context.logger.error({ err: error, interaction: interaction.id, type: interaction.type }, 'interaction failed');
    await apologize(interaction, context).catch((failure: unknown) =>
      context.logger.warn({ err: failure, interaction: interaction.id }, 'could not tell the user about the failure'),
    );
  }
}

/**
 * A button shows a topic, or rates the answer it sits on. A message others can see is never changed by one person's click: the
 * topic opens privately (ephemeral). Inside a private message, buttons navigate in place.
 */
async function openButton(interaction: ButtonInteraction, context: DiscordContext): Promise<void> {
  const { knowledge, i18n, logger } = context;
  const t = translator(i18n, langFromLocale(interaction.locale));
  const intent = decodeButton(interaction.customId);
  if (intent && isVote(intent)) return handleVoteButton(interaction, intent, context);
  const topic = intent && knowledge.topic(intent.topicId);
  if (!intent || !topic) {
    logger.info({ customId: interaction.customId }, 'button for an unknown topic');
    await interaction.reply({
      ...renderNotice(t('discord:stale', { command: t('discord:commands.ask.name') })),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const reply = renderTopic(topic, intent.lang, { t, knowledge });
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) await interaction.update(reply);
  else await interaction.reply({ ...reply, flags: reply.flags | MessageFlags.Ephemeral });
  // Opened from a "did you mean" list, the topic says what the question meant; the person has their topic either way.
  await context.feedback
    .picked({ ref: questionRef(interaction.message), opened: interaction.id, topic, person: interaction.user.id, via: 'discord:pick' })
    .catch((error: unknown) => logger.warn({ err: error, topic: topic.id }, 'could not record the opened suggestion'));
}

/** A command Discord still shows (global changes take up to an hour) but Gorae no longer has. */
async function retired(interaction: CommandInteraction, { i18n, logger }: DiscordContext): Promise<void> {
  logger.info({ command: interaction.commandName }, 'a command Gorae does not have was used');
  const t = translator(i18n, langFromLocale(interaction.locale));
  await interaction.reply({ ...renderNotice(t('discord:retired')), flags: MessageFlags.Ephemeral });
}

async function apologize(interaction: Interaction, { i18n }: DiscordContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const t = translator(i18n, langFromLocale(interaction.locale));
  const notice = renderNotice(t('common:error.unexpected'));
  // A deferred command's own message ("thinking…", a progress bar) becomes the apology rather than hang there.
  if (interaction.isChatInputCommand() && interaction.deferred) await interaction.editReply({ ...notice, attachments: [] });
  else if (interaction.replied || interaction.deferred) await interaction.followUp({ ...notice, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...notice, flags: MessageFlags.Ephemeral });
}
