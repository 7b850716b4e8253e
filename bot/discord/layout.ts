import {
  ComponentType,
  MessageFlags,
  SeparatorSpacingSize,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInContainer,
  type APIContainerComponent,
  type APIMessageTopLevelComponent,
  type APISectionComponent,
  type APISeparatorComponent,
  type APITextDisplayComponent,
} from 'discord.js';
import { LIMITS, NO_MENTIONS } from './limits.js';

/**
 * A Components V2 message: everything it shows is in `components` (no content, no embeds), which is
 * what the IsComponentsV2 flag tells Discord. The same value goes to `interaction.reply`, `update`
 * and `message.reply`.
 */
export interface Reply {
  readonly components: APIMessageTopLevelComponent[];
  readonly flags: MessageFlags.IsComponentsV2;
  readonly allowedMentions: typeof NO_MENTIONS;
}

export type Button = APIButtonComponentWithCustomId;
export type ButtonRow = APIActionRowComponent<Button>;

export const text = (content: string): APITextDisplayComponent => ({ type: ComponentType.TextDisplay, content });

export const divider = (): APISeparatorComponent => ({ type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small });

export const section = (content: string, accessory: Button): APISectionComponent => ({
  type: ComponentType.Section,
  components: [text(content)],
  accessory,
});

export const container = (accent: number, components: APIComponentInContainer[]): APIContainerComponent => ({
  type: ComponentType.Container,
  accent_color: accent,
  components,
});

export const v2 = (components: APIMessageTopLevelComponent[]): Reply => ({ components, flags: MessageFlags.IsComponentsV2, allowedMentions: NO_MENTIONS });

/** Buttons five to a row, at most `maxRows` rows, each custom id once (Discord rejects duplicates). */
export function buttonRows(buttons: readonly (Button | undefined)[], maxRows: number, taken: Set<string> = new Set()): ButtonRow[] {
  const unique = buttons.filter((item): item is Button => {
    if (!item || taken.has(item.custom_id)) return false;
    taken.add(item.custom_id);
    return true;
  });
  const rows: ButtonRow[] = [];
  for (let start = 0; start < unique.length && rows.length < maxRows; start += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: unique.slice(start, start + LIMITS.buttonsPerRow) });
  }
  return rows;
}

type AnyComponent = { readonly type: ComponentType; readonly components?: readonly unknown[]; readonly accessory?: unknown; readonly content?: string };

/** Every component in the tree, as Discord counts them against the 40 a message may hold. */
export function componentCount(components: readonly unknown[]): number {
  return (components as AnyComponent[]).reduce(
    (sum, component) => sum + 1 + componentCount(component.components ?? []) + (component.accessory ? 1 : 0),
    0,
  );
}

/** The characters of every text display in the tree, which Discord caps at 4,000 per message. */
export function textLength(components: readonly unknown[]): number {
  return (components as AnyComponent[]).reduce(
    (sum, component) => sum + (component.type === ComponentType.TextDisplay ? (component.content ?? '').length : textLength(component.components ?? [])),
    0,
  );
}

/** A line above the message's own components (why a lab line was answered as a question, say). */
export const withNote = (reply: Reply, note: string): Reply => ({ ...reply, components: [text(note), ...reply.components] });
