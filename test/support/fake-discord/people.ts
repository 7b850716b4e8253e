import { buttonInteraction, commandInteraction, messageMenuInteraction, messagePayload, modalSubmitInteraction, type CommandOption, type Person, type Place } from './payloads.js';
import type { FakeDiscord, RecordedCall } from './server.js';

type Json = Record<string, unknown>;

/** Who does something, where, with which Discord client language. */
export interface Actor {
  readonly person?: Person;
  readonly place?: Place;
  /** The user's Discord client locale, e.g. `ko` or `en-US`. */
  readonly locale?: string;
  /** Roles Discord reports for the member this time, instead of the person's usual ones (say, a role just taken away). */
  readonly roles?: readonly string[];
}

const defaults = { person: 'engineer', place: 'guild', locale: 'en-US' } as const;

function commandId(fake: FakeDiscord, name: string): string {
  const command = fake.commands.find((entry) => entry.name === name);
  if (!command) throw new Error(`/${name} is not registered with the fake Discord yet`);
  return String(command.id);
}

const callbackOf = (fake: FakeDiscord, id: string): Promise<RecordedCall> =>
  fake.waitForCall((call) => call.method === 'POST' && call.path.startsWith(`/interactions/${id}/`));

/** Someone runs `/ask question:` (and `private:` when given) and the bot's interaction response comes back. */
export async function useAsk(fake: FakeDiscord, question: string, actor: Actor & { private?: boolean } = {}): Promise<{ id: string; callback: RecordedCall }> {
  const { private: only, ...who } = { ...defaults, ...actor };
  const values: CommandOption[] = [{ name: 'question', value: question }, ...(only === undefined ? [] : [{ name: 'private', value: only }])];
  const payload = commandInteraction({ commandId: commandId(fake, 'ask'), name: 'ask', values, ...who });
  const id = await fake.interact(payload);
  return { id, callback: await callbackOf(fake, id) };
}

/** Someone runs `/explain command:` and the bot's interaction response comes back. */
export async function useExplain(fake: FakeDiscord, command: string, actor: Actor = {}): Promise<RecordedCall> {
  const who = { ...defaults, ...actor };
  const payload = commandInteraction({ commandId: commandId(fake, 'explain'), name: 'explain', values: [{ name: 'command', value: command }], ...who });
  return callbackOf(fake, await fake.interact(payload));
}

/** Someone picks Apps → "Explain with Gorae" on a message someone wrote. */
export async function useExplainMenu(fake: FakeDiscord, content: string, actor: Actor = {}): Promise<RecordedCall> {
  const who = { ...defaults, ...actor };
  const message = messagePayload({ content, person: 'student', place: who.place, mentionsBot: false });
  const payload = messageMenuInteraction({ commandId: commandId(fake, 'Explain with Gorae'), name: 'Explain with Gorae', message, ...who });
  return callbackOf(fake, await fake.interact(payload));
}

/** Someone types into `/ask`'s question box; Discord asks the bot for choices. */
export async function typeIntoAsk(fake: FakeDiscord, typed: string, actor: Actor = {}): Promise<RecordedCall> {
  const who = { ...defaults, ...actor };
  const payload = commandInteraction({
    commandId: commandId(fake, 'ask'),
    name: 'ask',
    values: [{ name: 'question', value: typed, focused: true }],
    autocomplete: true,
    ...who,
  });
  return callbackOf(fake, await fake.interact(payload));
}

/** Every button in a message, in rows, sections and containers alike. */
export function buttonsOf(message: Json): Json[] {
  const walk = (components: Json[]): Json[] =>
    components.flatMap((component) => [
      ...(component.type === 2 ? [component] : []),
      ...walk((component.components as Json[] | undefined) ?? []),
      ...(component.accessory ? walk([component.accessory as Json]) : []),
    ]);
  return walk((message.components as Json[] | undefined) ?? []);
}

/** Someone clicks the button labelled `label` (or showing that emoji alone) on a message the bot sent. */
export async function clickButton(fake: FakeDiscord, message: Json, label: string, actor: Actor = {}): Promise<RecordedCall> {
  const who = { ...defaults, ...actor };
  const buttons = buttonsOf(message);
  const button = buttons.find((entry) => entry.label === label || (!entry.label && (entry.emoji as Json | undefined)?.name === label));
  if (!button) throw new Error(`no button "${label}"; the message has: ${buttons.map((entry) => entry.label ?? (entry.emoji as Json).name).join(', ')}`);
  return callbackOf(fake, await fake.interact(buttonInteraction({ customId: String(button.custom_id), message, ...who })));
}

/** Someone fills in the modal a button opened (its callback's data) and sends it. */
export async function submitModal(fake: FakeDiscord, opened: RecordedCall, message: Json, values: Readonly<Record<string, string>>, actor: Actor = {}): Promise<RecordedCall> {
  const who = { ...defaults, ...actor };
  const customId = String(((opened.body as Json).data as Json).custom_id);
  return callbackOf(fake, await fake.interact(modalSubmitInteraction({ customId, message, values, ...who })));
}

/** Someone writes a message (mentioning the bot in a guild channel, or in a DM) and the bot's reply comes back. */
export async function say(fake: FakeDiscord, content: string, actor: Actor & { mention?: boolean; replyTo?: Json } = {}): Promise<RecordedCall> {
  const who = { ...defaults, ...actor };
  const mentionsBot = actor.mention ?? who.place !== 'dm';
  const extra = { ...(who.roles ? { roles: who.roles } : {}), ...(actor.replyTo ? { replyTo: actor.replyTo } : {}) };
  const payload = messagePayload({ content, person: who.person, place: who.place, mentionsBot, ...extra });
  await fake.gateway.dispatch('MESSAGE_CREATE', payload);
  return fake.waitForCall(
    (call) =>
      call.method === 'POST' &&
      call.path === `/channels/${String(payload.channel_id)}/messages` &&
      ((call.body as Json).message_reference as Json | undefined)?.message_id === payload.id,
  );
}
