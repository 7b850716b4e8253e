import type { Command, MessageMenu } from '../command.js';
import ask from './ask.js';
import explainMessage from './explain-message.js';
import explain from './explain.js';
import lab from './lab.js';

/** Every slash command Gorae registers, by name. */
export const commands: readonly Command[] = [ask, lab, explain];

export const commandsByName: ReadonlyMap<string, Command> = new Map(commands.map((command) => [command.data.name, command]));

/** Every message context-menu command, by name. */
export const messageMenus: readonly MessageMenu[] = [explainMessage];

export const messageMenusByName: ReadonlyMap<string, MessageMenu> = new Map(messageMenus.map((menu) => [menu.data.name, menu]));
