import type { Command } from '../command.js';
import ask from './ask.js';
import lab from './lab.js';

/** Every slash command Gorae registers, by name. */
export const commands: readonly Command[] = [ask, lab];

export const commandsByName: ReadonlyMap<string, Command> = new Map(commands.map((command) => [command.data.name, command]));
