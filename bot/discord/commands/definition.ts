import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';

interface Named {
  readonly name: string;
  readonly description: string;
}

/** A name and description in English, with the Korean ones as Discord's localizations. */
const localized = <const En extends Named, const Ko extends Named>(en: En, ko: Ko) =>
  ({ name: en.name, name_localizations: { ko: ko.name }, description: en.description, description_localizations: { ko: ko.description } }) as const;

/**
 * How a question-answering slash command starts: both languages' names, installable to a server or to
 * a person's account, so it works in servers, in DMs with the bot and in DMs and servers without Gorae.
 */
export const slashCommand = <const En extends Named, const Ko extends Named>(en: En, ko: Ko) =>
  ({
    type: ApplicationCommandType.ChatInput,
    ...localized(en, ko),
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  }) as const;

/** A required text option, named in both languages. */
export const requiredText = <const En extends Named, const Ko extends Named>(en: En, ko: Ko) =>
  ({ type: ApplicationCommandOptionType.String, ...localized(en, ko), required: true }) as const;
