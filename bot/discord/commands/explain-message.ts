import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, MessageFlags, type MessageContextMenuCommandInteraction } from 'discord.js';
import { inNoLanguage, langFromLocale } from '../../core/lang.js';
import { explanationLang } from '../../explain/explainer.js';
import { resources, translator } from '../../i18n.js';
import type { DiscordContext, MessageMenu } from '../command.js';
import { renderExplanation } from '../render-explanation.js';
import { renderHelp, renderOutcome } from '../render.js';

const en = resources.en.discord.commands.explainMessage;
const ko = resources.ko.discord.commands.explainMessage;

/** Apps → "Explain with Gorae" (고래로 설명하기) on any message. */
const data = {
  type: ApplicationCommandType.Message,
  name: en.name,
  name_localizations: { ko: ko.name },
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const;

/**
 * A message holding a Docker command gets its explanation; anything else goes the normal ask path.
 * A pasted error goes there even when the command that caused it is pasted too: the error is what
 * the person needs explained, and its stable text leads to its topic.
 */
async function execute(interaction: MessageContextMenuCommandInteraction, { explainer, ask, knowledge, i18n }: DiscordContext): Promise<void> {
  const text = interaction.targetMessage.content.trim();
  const ui = langFromLocale(interaction.locale);
  const lang = explanationLang(text, ui);
  const render = { t: translator(i18n, lang), knowledge };
  if (!text) {
    const help = renderHelp(interaction.client.user.username, ui, { t: translator(i18n, ui), knowledge });
    await interaction.reply({ ...help, flags: help.flags | MessageFlags.Ephemeral });
    return;
  }
  const explanation = explainer.explain(text, lang);
  const command = explanation.parts.some((part) => part.role === 'subcommand' && part.known);
  const pasted = knowledge.pastedError(text) !== undefined;
  if (command && !pasted) await interaction.reply(renderExplanation(explanation, render));
  // A pasted error, like a command or "?", is answered in the reader's language unless it holds Hangul.
  else await interaction.reply(renderOutcome(await ask(text, { ...(pasted || inNoLanguage(text) ? { lang } : {}), via: 'discord:message-menu' }), render));
}

export default { data, execute } satisfies MessageMenu;
