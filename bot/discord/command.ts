import type { AutocompleteInteraction, ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from 'discord.js';
import type { i18n } from 'i18next';
import type { Explainer } from '../explain/explainer.js';
import type { Asker } from '../knowledge/asker.js';
import type { Feedback } from '../knowledge/feedback.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Logger } from '../log.js';
import type { LabFront } from './lab/front.js';

/** The ports every Discord handler receives; nothing is read from globals. */
export interface DiscordContext {
  readonly knowledge: Knowledge;
  readonly ask: Asker;
  readonly feedback: Feedback;
  readonly explainer: Explainer;
  readonly i18n: i18n;
  readonly logger: Logger;
  readonly lab: LabFront;
}

/** One slash command: its definition as Discord receives it, and what it does. */
export interface Command {
  readonly data: { readonly name: string };
  execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void>;
}

/** A message context-menu command (Apps → …): its definition and what it does with the message. */
export interface MessageMenu {
  readonly data: { readonly name: string };
  execute(interaction: MessageContextMenuCommandInteraction, context: DiscordContext): Promise<void>;
}
