import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { langFromLocale, languageOf, type Lang } from '../../core/lang.js';
import { isPastedText } from '../../knowledge/pasted-text.js';
import { explanationLang } from '../../explain/explainer.js';
import { resources, translator } from '../../i18n.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import type { Topic } from '../../knowledge/topic.js';
import type { Command, DiscordContext } from '../command.js';
import { clamp } from '../fit.js';
import { LIMITS } from '../limits.js';
import { renderOutcome, renderTopic } from '../render.js';

const en = resources.en.discord.commands.ask;
const ko = resources.ko.discord.commands.ask;

/**
 * `/ask question: [private:]` — `/질문 내용: [비공개:]` for Korean clients; `private` answers the asker
 * alone. Names and descriptions come from the locales.
 */
const data = {
  type: ApplicationCommandType.ChatInput,
  name: en.name,
  name_localizations: { ko: ko.name },
  description: en.description,
  description_localizations: { ko: ko.description },
  // Installed to a server or to a person's account: then /ask works in DMs and servers without Gorae.
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: en.options.question.name,
      name_localizations: { ko: ko.options.question.name },
      description: en.options.question.description,
      description_localizations: { ko: ko.options.question.description },
      required: true,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: en.options.private.name,
      name_localizations: { ko: ko.options.private.name },
      description: en.options.private.description,
      description_localizations: { ko: ko.options.private.description },
    },
  ],
} as const;

async function execute(interaction: ChatInputCommandInteraction, { knowledge, ask, i18n }: DiscordContext): Promise<void> {
  const question = interaction.options.getString(en.options.question.name, true);
  const only = interaction.options.getBoolean(en.options.private.name) === true;
  const ui = langFromLocale(interaction.locale);
  const context = { t: translator(i18n, ui), knowledge };
  const picked = pickedChoice(knowledge, question, ui);
  // A pasted error or command is nobody's language: without Hangul in it, it is answered in the asker's.
  const pasted = isPastedText(knowledge, question) ? { lang: explanationLang(question, ui) } : {};
  const reply = picked
    ? renderTopic(picked.topic, picked.lang, context)
    : renderOutcome(await ask(question, { ...pasted, via: 'discord:slash', ref: interaction.id }), context);
  await interaction.reply(only ? { ...reply, flags: reply.flags | MessageFlags.Ephemeral } : reply);
}

/**
 * Suggests topics as the user types, in the language they type in (Hangul → Korean), else in
 * their Discord language. Each choice shows the title and as much of the summary as fits.
 */
async function autocomplete(interaction: AutocompleteInteraction, { knowledge }: DiscordContext): Promise<void> {
  const typed = interaction.options.getFocused();
  const lang = languageOf(typed) === 'ko' ? 'ko' : langFromLocale(interaction.locale);
  const topics = knowledge.complete(typed, lang, LIMITS.choices);
  await interaction.respond(
    topics.map((topic) => ({
      name: clamp(`${topic[lang].title} — ${topic[lang].summary}`, LIMITS.choiceName),
      value: clamp(topic[lang].title, LIMITS.choiceValue),
    })),
  );
}

/** A question that is exactly a topic's title came from an autocomplete choice: answer that topic. */
function pickedChoice(knowledge: Knowledge, question: string, ui: Lang): { topic: Topic; lang: Lang } | undefined {
  const text = question.trim();
  const matches = knowledge.topics.flatMap((topic) =>
    (['en', 'ko'] as const).filter((lang) => topic[lang].title === text).map((lang) => ({ topic, lang })),
  );
  return matches.find((match) => match.lang === ui) ?? matches[0];
}

export default { data, execute, autocomplete } satisfies Command;
