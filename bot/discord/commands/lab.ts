import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { langFromLocale } from '../../core/lang.js';
import { ok } from '../../core/result.js';
import { resources } from '../../i18n.js';
import { argumentsOf } from '../../lab/actions.js';
import { commandLineOf } from '../../lab/command-line.js';
import { FILE_NAME_MAX } from '../../lab/exchange.js';
import type { Command, DiscordContext } from '../command.js';
import { completeLab } from '../lab/complete.js';
import { GAPS_DEFAULT, GAPS_MAX, gapsJob } from '../lab/gaps.js';
import { originOf } from '../lab/origin.js';
import { labJob } from '../lab/lab-job.js';
import { runGated } from '../lab/runner.js';
import { slashAction } from '../lab/slash-action.js';
import { slashCommandReply } from '../lab/reply-message.js';

const en = resources.en.discord.commands.lab;
const ko = resources.ko.discord.commands.lab;

type Texts = typeof en;
interface Named {
  readonly name: string;
  readonly description: string;
}

/** Name and description in English, with their Korean localizations, picked from both locales. */
const localized = (pick: (texts: Texts) => Named) => ({
  name: pick(en).name,
  name_localizations: { ko: pick(ko).name },
  description: pick(en).description,
  description_localizations: { ko: pick(ko).description },
});

const { String: Text, Boolean: Flag, Integer, Subcommand } = ApplicationCommandOptionType;
const host = { type: Text, ...localized((texts) => texts.options.host), autocomplete: true, max_length: 32 } as const;

/**
 * `/lab ps|images|save|load|gaps` — `/실습` for Korean clients. Registered for servers only and
 * shown to admins only by default; the bot still checks channel and person itself on every use,
 * whatever Discord's permissions say.
 */
const data = {
  type: ApplicationCommandType.ChatInput,
  ...localized((texts) => texts),
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
  // Hidden from everyone but server admins until they grant it (Server Settings → Integrations).
  default_member_permissions: '0',
  options: [
    {
      type: Subcommand,
      ...localized((texts) => texts.ps),
      options: [
        { type: Flag, ...localized((texts) => texts.ps.options.all) },
        { type: Text, ...localized((texts) => texts.ps.options.name), max_length: 128 },
        host,
      ],
    },
    {
      type: Subcommand,
      ...localized((texts) => texts.images),
      options: [
        { type: Flag, ...localized((texts) => texts.images.options.all) },
        { type: Flag, ...localized((texts) => texts.images.options.dangling) },
        host,
      ],
    },
    {
      type: Subcommand,
      ...localized((texts) => texts.save),
      options: [
        { type: Text, ...localized((texts) => texts.save.options.image), required: true, autocomplete: true, max_length: 255 },
        { type: Text, ...localized((texts) => texts.save.options.more), autocomplete: true },
        { type: Text, ...localized((texts) => texts.save.options.file), max_length: FILE_NAME_MAX },
        { type: Flag, ...localized((texts) => texts.save.options.gzip) },
        { type: Flag, ...localized((texts) => texts.save.options.force) },
        host,
      ],
    },
    {
      type: Subcommand,
      ...localized((texts) => texts.load),
      options: [{ type: Text, ...localized((texts) => texts.load.options.file), required: true, autocomplete: true, max_length: FILE_NAME_MAX }, host],
    },
    {
      type: Subcommand,
      ...localized((texts) => texts.gaps),
      options: [{ type: Integer, ...localized((texts) => texts.gaps.options.count), min_value: 1, max_value: GAPS_MAX }],
    },
  ],
} as const;

async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  const subcommand = interaction.options.getSubcommand(true);
  const origin = originOf(interaction, interaction.user);
  const replyMessage = slashCommandReply(interaction, langFromLocale(interaction.locale));
  if (subcommand === en.gaps.name) {
    const count = interaction.options.getInteger(en.gaps.options.count.name) ?? GAPS_DEFAULT;
    const attempted = { action: 'gaps', arguments: { count } };
    await runGated({ origin, replyMessage, attempted, job: ok(gapsJob(count, context.lab.gaps)), command: `gaps ${count}` }, context);
    return;
  }
  const action = slashAction(subcommand, interaction.options);
  const attempted = {
    action: action.ok ? action.value.action : subcommand,
    arguments: action.ok ? argumentsOf(action.value) : Object.fromEntries(optionsGiven(interaction)),
  };
  await runGated(
    {
      origin,
      replyMessage,
      attempted,
      job: action.ok ? ok(labJob(action.value, origin, context)) : action,
      command: action.ok ? commandLineOf(action.value) : subcommand,
    },
    context,
  );
}

/** The options as typed, for the audit line of input that did not parse. */
function optionsGiven(interaction: ChatInputCommandInteraction): [string, unknown][] {
  const [sub] = interaction.options.data;
  return (sub?.options ?? []).map((option) => [option.name, option.value]);
}

export default { data, execute, autocomplete: completeLab } satisfies Command;
