import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { langFromLocale } from '../../core/lang.js';
import { explanationLang } from '../../explain/explainer.js';
import { resources, translator } from '../../i18n.js';
import type { Command, DiscordContext } from '../command.js';
import { renderExplanation } from '../render-explanation.js';
import { requiredText, slashCommand } from './definition.js';

const en = resources.en.discord.commands.explain;
const ko = resources.ko.discord.commands.explain;

/** Discord's longest string option: room for a long multi-line `docker run`. */
const COMMAND_MAX = 6_000;

/** `/explain command:` — `/설명 명령어:` for Korean clients. */
const data = {
  ...slashCommand(en, ko),
  options: [{ ...requiredText(en.options.command, ko.options.command), max_length: COMMAND_MAX }],
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
