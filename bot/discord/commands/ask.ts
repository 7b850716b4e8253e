import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { langFromLocale, languageOf, type Lang } from '../../core/lang.js';
import { resources, translator } from '../../i18n.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import type { Topic } from '../../knowledge/topic.js';
import type { Command, DiscordContext } from '../command.js';
import { clamp } from '../fit.js';
import { LIMITS } from '../limits.js';
import { renderOutcome, renderTopic } from '../render.js';
import { requiredText, slashCommand } from './definition.js';

const en = resources.en.discord.commands.ask;
const ko = resources.ko.discord.commands.ask;

/** `/ask question:` — `/질문 내용:` for Korean clients. Names and descriptions come from the locales. */
const data = {
  ...slashCommand(en, ko),
  options: [{ ...requiredText(en.options.question, ko.options.question), autocomplete: true }],
} as const;

async function execute(interaction: ChatInputCommandInteraction, { knowledge, ask, i18n }: DiscordContext): Promise<void> {
  const question = interaction.options.getString(en.options.question.name, true);
  const ui = langFromLocale(interaction.locale);
  const context = { t: translator(i18n, ui), knowledge };
  const picked = pickedChoice(knowledge, question, ui);
  const reply = picked
    ? renderTopic(picked.topic, picked.lang, context)
    : renderOutcome(await ask(question, { via: 'discord:slash' }), context);
  await interaction.reply(reply);
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
