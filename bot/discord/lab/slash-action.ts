import type { ChatInputCommandInteraction } from 'discord.js';
import type { Result } from '../../core/result.js';
import { resources } from '../../i18n.js';
import { checkLabAction, type LabAction, type LabInputError } from '../../lab/actions.js';

const names = resources.en.discord.commands.lab;

type Options = Pick<ChatInputCommandInteraction['options'], 'getString' | 'getBoolean'>;

/**
 * A `/lab` subcommand's options as the LabAction they ask for, through the same check as chat
 * lines and the terminal, with no text in between: each option fills its own field, so an image
 * option is never read as a flag and a name filter `a;b` is just a name. A load never says yes
 * here: on Discord, only the Confirm button does.
 */
export function slashAction(subcommand: string, options: Options): Result<LabAction, LabInputError> {
  const text = (name: string) => options.getString(name) ?? undefined;
  const flag = (name: string) => options.getBoolean(name) ?? false;
  const host = text(names.options.host.name);
  switch (subcommand) {
    case names.ps.name:
      return checkLabAction(given({ action: 'ps', all: flag(names.ps.options.all.name), name: text(names.ps.options.name.name), host }));
    case names.images.name:
      return checkLabAction(given({ action: 'images', all: flag(names.images.options.all.name), dangling: flag(names.images.options.dangling.name), host }));
    case names.save.name: {
      const more = text(names.save.options.more.name)?.split(/\s+/).filter(Boolean) ?? [];
      return checkLabAction(
        given({
          action: 'save',
          images: [text(names.save.options.image.name) ?? '', ...more],
          file: text(names.save.options.file.name),
          gzip: flag(names.save.options.gzip.name),
          force: flag(names.save.options.force.name),
          host,
        }),
      );
    }
    case names.load.name:
      return checkLabAction(given({ action: 'load', file: text(names.load.options.file.name) ?? '', yes: false, host }));
    default:
      return checkLabAction({ action: subcommand });
  }
}

/** Only the options given: an absent one is a missing field, as when a line leaves it out. */
const given = (draft: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));
