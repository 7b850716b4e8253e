import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { langFromLocale } from '../../core/lang.js';
import { explanationLang } from '../../explain/explainer.js';
import { resources, translator } from '../../i18n.js';
import type { Command, DiscordContext } from '../command.js';
import { renderExplanation } from '../render-explanation.js';

const en = resources.en.discord.commands.explain;
const ko = resources.ko.discord.commands.explain;

/** Discord's longest string option: room for a long multi-line `docker run`. */
const COMMAND_MAX = 6_000;

/** `/explain command:` — `/설명 명령어:` for Korean clients. */
const data = {
  type: ApplicationCommandType.ChatInput,
  name: en.name,
  name_localizations: { ko: ko.name },
  description: en.description,
  description_localizations: { ko: ko.description },
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: en.options.command.name,
      name_localizations: { ko: ko.options.command.name },
      description: en.options.command.description,
      description_localizations: { ko: ko.options.command.description },
      required: true,
      max_length: COMMAND_MAX,
    },
  ],
} as const;

/** Explains in Korean when the text holds Hangul, else in the reader's Discord language; text without a command gets a private hint. */
async function execute(interaction: ChatInputCommandInteraction, { explainer, knowledge, i18n }: DiscordContext): Promise<void> {
  const text = interaction.options.getString(en.options.command.name, true);
  const lang = explanationLang(text, langFromLocale(interaction.locale));
  const explanation = explainer.explain(text, lang);
  const reply = renderExplanation(explanation, { t: translator(i18n, lang), knowledge });
  await interaction.reply(explanation.status === 'explained' ? reply : { ...reply, flags: MessageFlags.Ephemeral });
}

export default { data, execute } satisfies Command;
