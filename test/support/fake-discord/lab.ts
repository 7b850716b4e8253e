import { commandInteraction, IDS, type CommandOption } from './payloads.js';
import type { Actor } from './people.js';
import type { FakeDiscord, RecordedCall } from './server.js';

/** A request body as tests read it. */
type Json = Record<string, any>;

/** Lab requests happen in the lab admin channel unless a test says otherwise. */
const defaults = { person: 'engineer', place: 'lab', locale: 'en-US' } as const;

function labCommandId(fake: FakeDiscord): string {
  const command = fake.commands.find((entry) => entry.name === 'lab');
  if (!command) throw new Error('/lab is not registered with the fake Discord yet');
  return String(command.id);
}

/** Someone runs `/lab <subcommand> …`; resolves with the interaction id and the bot's first response. */
export async function useLab(
  fake: FakeDiscord,
  subcommand: string,
  values: readonly CommandOption[] = [],
  actor: Actor = {},
): Promise<{ id: string; callback: RecordedCall }> {
  const who = { ...defaults, ...actor };
  const id = await fake.interact(commandInteraction({ commandId: labCommandId(fake), name: 'lab', subcommand, values, ...who }));
  const callback = await fake.waitForCall((call) => call.method === 'POST' && call.path.startsWith(`/interactions/${id}/`));
  return { id, callback };
}

/** Someone types into a `/lab` option (the one marked focused); resolves with the choices call. */
export async function typeIntoLab(fake: FakeDiscord, subcommand: string, values: readonly CommandOption[], actor: Actor = {}): Promise<RecordedCall> {
  const who = { ...defaults, ...actor };
  const id = await fake.interact(commandInteraction({ commandId: labCommandId(fake), name: 'lab', subcommand, values, autocomplete: true, ...who }));
  return fake.waitForCall((call) => call.method === 'POST' && call.path.startsWith(`/interactions/${id}/`));
}

/** The route of an interaction's original response, which `editReply` patches. */
export const originalRoute = (interactionId: string): string =>
  `/webhooks/${IDS.application}/interaction-token-${interactionId}/messages/@original`;

/** Every edit of one message: an interaction's original response, or a message in a channel. */
export function editsOf(fake: FakeDiscord, target: { interaction: string } | { channel: string; message: string }): RecordedCall[] {
  const path = 'interaction' in target ? originalRoute(target.interaction) : `/channels/${target.channel}/messages/${target.message}`;
  return fake.calls.filter((call) => call.method === 'PATCH' && call.path === path && call.delivered);
}

/** Waits for an edit of that message whose body passes `matches` (by default: any edit). */
export async function waitForEdit(
  fake: FakeDiscord,
  target: { interaction: string } | { channel: string; message: string },
  matches: (body: Json) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<RecordedCall> {
  const path = 'interaction' in target ? originalRoute(target.interaction) : `/channels/${target.channel}/messages/${target.message}`;
  return fake.waitForCall((call) => call.method === 'PATCH' && call.path === path && matches((call.body ?? {}) as Json), timeoutMs);
}

/** The text of a message the bot sent or edited. */
export const contentOf = (call: RecordedCall): string => String(((call.body ?? {}) as Json).content ?? '');
