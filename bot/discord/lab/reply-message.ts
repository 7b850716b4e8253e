import { MessageFlags, type ChatInputCommandInteraction, type Message } from 'discord.js';
import type { Lang } from '../../core/lang.js';
import { NO_MENTIONS } from '../limits.js';
import type { LabReply } from './render.js';

/**
 * Where a lab request is answered: a slash command's reply or a reply to a chat message. Both
 * acknowledge at once and then change that one message as the action goes on.
 */
export interface ReplyMessage {
  /** The language replies are written in. */
  readonly lang: Lang;
  /** Acknowledges at once: a deferred reply (private for refusals), or a "working" reply to a message. */
  begin(privately: boolean): Promise<void>;
  /** Replaces what `begin` showed; replies when `begin` showed nothing. */
  show(reply: LabReply): Promise<void>;
}

/** The body of a send or an edit: buttons and files are replaced, mentions stay off. */
function payload(reply: LabReply) {
  return {
    content: reply.content,
    components: [...(reply.components ?? [])],
    ...(reply.files ? { files: reply.files.map((file) => ({ attachment: file.data, name: file.name })) } : {}),
    allowedMentions: NO_MENTIONS,
  };
}

/** An interaction's token works for 15 minutes; after that, a long save reports in a message of its own. */
const TOKEN_LIFETIME_MS = 14 * 60_000;

export function slashCommandReply(interaction: ChatInputCommandInteraction, lang: Lang): ReplyMessage {
  let deferredAt = 0;
  let late: Message | undefined;
  return {
    lang,
    async begin(privately) {
      await interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
      deferredAt = Date.now();
    },
    async show(reply) {
      if (Date.now() - deferredAt < TOKEN_LIFETIME_MS) {
        await interaction.editReply(payload(reply));
        return;
      }
      if (late) {
        late = await late.edit(payload(reply));
        return;
      }
      const channel = interaction.channel;
      if (!channel?.isSendable()) throw new Error('the interaction token expired and its channel cannot be written to');
      late = await channel.send(payload(reply));
    },
  };
}

export function chatLineReply(message: Message, lang: Lang, working: string): ReplyMessage {
  let sent: Message | undefined;
  return {
    lang,
    async begin(privately) {
      if (!privately) sent = await message.reply({ content: working, allowedMentions: NO_MENTIONS });
    },
    async show(reply) {
      if (sent) await sent.edit(payload(reply));
      else sent = await message.reply(payload(reply));
    },
  };
}
