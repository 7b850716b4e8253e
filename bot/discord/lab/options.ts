import type { ChatInputCommandInteraction } from 'discord.js';
import { resources } from '../../i18n.js';

const names = resources.en.discord.commands.lab;

type Options = Pick<ChatInputCommandInteraction['options'], 'getString' | 'getBoolean'>;

/**
 * A `/lab` subcommand's options as the argv the lab parser reads, so slash commands, chat lines
 * and the terminal share one validation. Image names come after `--`, so none is read as a flag;
 * a load never carries `--yes`: on Discord, only the Confirm button says yes.
 */
export function argvOf(subcommand: string, options: Options): string[] {
  const text = (name: string) => options.getString(name) ?? undefined;
  const flag = (name: string, word: string) => (options.getBoolean(name) ? [word] : []);
  const value = (word: string, given: string | undefined) => (given === undefined ? [] : [word, given]);
  const host = value('--host', text(names.options.host.name));
  switch (subcommand) {
    case names.ps.name:
      return ['ps', ...flag(names.ps.options.all.name, '--all'), ...value('--name', text(names.ps.options.name.name)), ...host];
    case names.images.name:
      return ['images', ...flag(names.images.options.all.name, '--all'), ...flag(names.images.options.dangling.name, '--dangling'), ...host];
    case names.save.name: {
      const more = text(names.save.options.more.name)?.split(/\s+/).filter(Boolean) ?? [];
      return [
        'save',
        ...value('--file', text(names.save.options.file.name)),
        ...flag(names.save.options.gzip.name, '--gzip'),
        ...flag(names.save.options.force.name, '--force'),
        ...host,
        '--',
        text(names.save.options.image.name) ?? '',
        ...more,
      ];
    }
    case names.load.name:
      return ['load', ...value('--file', text(names.load.options.file.name)), ...host];
    default:
      return [subcommand];
  }
}
