import { z } from 'zod';
import { LANGS, type Lang } from '../core/lang.js';

/** Discord's limit on a component's custom id. */
export const CUSTOM_ID_MAX = 100;

/**
 * What a button asks for: `topic` opens a topic (related, suggested or starter topic), `lang` shows
 * the same topic in the other language, `up` and `down` rate the answer (`down` also names the modal
 * that asks what was missing). Each carries everything needed, so buttons keep working after a
 * restart: the bot holds no per-message state.
 */
export const BUTTON_ACTIONS = ['topic', 'lang', 'up', 'down'] as const;
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export interface ButtonIntent {
  readonly action: ButtonAction;
  readonly topicId: string;
  readonly lang: Lang;
}

const PREFIX = 'gorae';

const customIdSchema = z
  .string()
  .max(CUSTOM_ID_MAX)
  .transform((text) => text.split(':'))
  .pipe(z.tuple([z.literal(PREFIX), z.enum(BUTTON_ACTIONS), z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.enum(LANGS)]))
  .transform(([, action, topicId, lang]): ButtonIntent => ({ action, topicId, lang }));

/** `gorae:topic:run-vs-start-vs-create:ko`; undefined when the id would exceed Discord's limit. */
export function encodeButton(intent: ButtonIntent): string | undefined {
  const id = [PREFIX, intent.action, intent.topicId, intent.lang].join(':');
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

/** Parses a custom id from Discord; anything not made by `encodeButton` is undefined. */
export function decodeButton(customId: string): ButtonIntent | undefined {
  const parsed = customIdSchema.safeParse(customId);
  return parsed.success ? parsed.data : undefined;
}
