/**
 * The fake's world — one bot; one guild with a question channel, a lab admin channel (with a thread)
 * and an audit channel; three people (one holding the lab admin role) and a DM — and the gateway
 * payloads discord.js 14 needs to build its structures (see /work/shared/discord-testing.md).
 */

export const IDS = {
  application: '1100000000000000001',
  guild: '1100000000000000100',
  channel: '1100000000000000200',
  dm: '1100000000000000300',
  student: '1100000000000000400',
  engineer: '1100000000000000500',
  operator: '1100000000000000600',
  adminRole: '1100000000000000700',
  labChannel: '1100000000000000800',
  labThread: '1100000000000000810',
  auditChannel: '1100000000000000900',
} as const;

export type Person = 'student' | 'engineer' | 'operator';

type Json = Record<string, unknown>;

let counter = 0n;
/** Numeric snowflakes, increasing like Discord's. */
export const snowflake = (): string => String(1200000000000000000n + ++counter);

const iso = (): string => new Date().toISOString();

export const BOT_USER = {
  id: IDS.application,
  username: 'Gorae',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
  flags: 0,
} as const;

export function user(person: Person): Json {
  const names = { student: '민지', engineer: 'alex', operator: 'sora' } as const;
  return { id: IDS[person], username: names[person], discriminator: '0', global_name: names[person], avatar: null, flags: 0 };
}

/** The operator holds the lab admin role; nobody else has a role. */
const rolesOf = (who: Json): string[] => (who.id === IDS.operator ? [IDS.adminRole] : []);

/** A member as Discord sends it with an interaction or a message; `roles` replaces the person's usual roles. */
const member = (who: Json, roles: readonly string[] = rolesOf(who)): Json => ({
  user: who,
  roles,
  joined_at: '2024-03-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
  nick: null,
  avatar: null,
  permissions: '2248473465835073',
});

export function readyPayload(sessionId: string, resumeUrl: string): Json {
  return {
    v: 10,
    user: { ...BOT_USER, verified: true, mfa_enabled: false },
    guilds: [{ id: IDS.guild, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: IDS.application, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    user_settings: {},
  };
}

export function guildCreatePayload(): Json {
  return {
    id: IDS.guild,
    name: 'Docker 스터디',
    icon: null,
    owner_id: IDS.engineer,
    preferred_locale: 'ko',
    features: [],
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    system_channel_flags: 0,
    joined_at: '2024-03-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 4,
    roles: [
      { id: IDS.guild, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '2248473465835073', managed: false, mentionable: false, flags: 0 },
      { id: IDS.adminRole, name: 'lab-admin', color: 0, hoist: false, position: 1, permissions: '0', managed: false, mentionable: true, flags: 0 },
    ],
    channels: [
      { id: IDS.channel, type: 0, name: '질문-답변', position: 0, permission_overwrites: [], parent_id: null, topic: null, nsfw: false },
      { id: IDS.labChannel, type: 0, name: 'lab-admin', position: 1, permission_overwrites: [], parent_id: null, topic: null, nsfw: false },
      { id: IDS.auditChannel, type: 0, name: 'lab-audit', position: 2, permission_overwrites: [], parent_id: null, topic: null, nsfw: false },
    ],
    threads: [threadChannel()],
    members: [member({ ...BOT_USER }), member(user('student')), member(user('engineer')), member(user('operator'))],
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Where an interaction or a message happens: the question channel, the lab admin channel, its thread, or a DM. */
export type Place = 'guild' | 'lab' | 'thread' | 'dm';

/** A public thread in the lab admin channel, as GUILD_CREATE lists active threads. */
function threadChannel(): Json {
  return {
    id: IDS.labThread,
    type: 11,
    guild_id: IDS.guild,
    parent_id: IDS.labChannel,
    owner_id: IDS.engineer,
    name: 'nightly-transfer',
    last_message_id: null,
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2024-03-01T00:00:00.000Z', locked: false },
  };
}

/** The guild channel a place names, as an interaction's `channel` field carries it. */
function guildChannel(place: Exclude<Place, 'dm'>): Json {
  if (place === 'thread') return { id: IDS.labThread, type: 11, name: 'nightly-transfer', guild_id: IDS.guild, parent_id: IDS.labChannel };
  const [id, name] = place === 'lab' ? [IDS.labChannel, 'lab-admin'] : [IDS.channel, '질문-답변'];
  return { id, type: 0, name, guild_id: IDS.guild };
}

/** The channel id a place names. */
export const channelIdOf = (place: Place): string => (place === 'dm' ? IDS.dm : String(guildChannel(place).id));

function interactionBase(type: number, person: Person, place: Place, locale: string, roles?: readonly string[]): Json {
  const id = snowflake();
  const who = user(person);
  return {
    id,
    application_id: IDS.application,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    locale,
    entitlements: [],
    authorizing_integration_owners: place !== 'dm' ? { 0: IDS.guild } : { 1: IDS[person] },
    app_permissions: '2248473465835073',
    attachment_size_limit: 10_485_760,
    ...(place !== 'dm'
      ? {
          guild_id: IDS.guild,
          guild_locale: 'ko',
          context: 0,
          channel_id: channelIdOf(place),
          channel: guildChannel(place),
          member: member(who, roles),
        }
      : { context: 1, channel_id: IDS.dm, channel: { id: IDS.dm, type: 1, recipients: [who] }, user: who }),
  };
}

/** An option as typed: strings, integers and booleans get Discord's option types 3, 4 and 5. */
export interface CommandOption {
  readonly name: string;
  readonly value: string | number | boolean;
  readonly focused?: boolean;
}

const optionType = (value: CommandOption['value']): number => (typeof value === 'boolean' ? 5 : typeof value === 'number' ? 4 : 3);

/** A slash command use (type 2) or an autocomplete request (type 4, one option focused), optionally of a subcommand. */
export function commandInteraction(options: {
  commandId: string;
  name: string;
  subcommand?: string;
  values: readonly CommandOption[];
  person: Person;
  place: Place;
  locale: string;
  roles?: readonly string[];
  autocomplete?: boolean;
}): Json {
  const typed = options.values.map((option) => ({ type: optionType(option.value), ...option }));
  return {
    ...interactionBase(options.autocomplete ? 4 : 2, options.person, options.place, options.locale, options.roles),
    data: {
      id: options.commandId,
      name: options.name,
      type: 1,
      options: options.subcommand ? [{ type: 1, name: options.subcommand, options: typed }] : typed,
    },
  };
}

/** Apps → a message command (type 2 interaction, command type 3) on `message`, which Discord resolves in full. */
export function messageMenuInteraction(options: { commandId: string; name: string; message: Json; person: Person; place: Place; locale: string }): Json {
  return {
    ...interactionBase(2, options.person, options.place, options.locale),
    data: {
      id: options.commandId,
      name: options.name,
      type: 3,
      target_id: options.message.id,
      resolved: { messages: { [String(options.message.id)]: options.message } },
    },
  };
}

/** A button click (type 3) on a message the bot sent. */
export function buttonInteraction(options: {
  customId: string;
  message: Json;
  person: Person;
  place: Place;
  locale: string;
  roles?: readonly string[];
}): Json {
  return {
    ...interactionBase(3, options.person, options.place, options.locale, options.roles),
    message: options.message,
    data: { custom_id: options.customId, component_type: 2 },
  };
}

/** A modal someone filled in and sent (type 5), opened from a button on `message`; `values` by text input id. */
export function modalSubmitInteraction(options: {
  customId: string;
  message: Json;
  values: Readonly<Record<string, string>>;
  person: Person;
  place: Place;
  locale: string;
}): Json {
  return {
    ...interactionBase(5, options.person, options.place, options.locale),
    message: options.message,
    data: {
      custom_id: options.customId,
      components: Object.entries(options.values).map(([id, value]) => ({ type: 18, id: 1, component: { type: 4, id: 2, custom_id: id, value } })),
    },
  };
}

/**
 * A message someone writes: in the guild it mentions the bot when asked to, in a DM it never needs
 * to. A reply (`replyTo`) carries the message it answers, as Discord sends it.
 */
export function messagePayload(options: { content: string; person: Person; place: Place; mentionsBot: boolean; roles?: readonly string[]; replyTo?: Json }): Json {
  const who = user(options.person);
  const reply = options.replyTo
    ? { type: 19, message_reference: { type: 0, message_id: options.replyTo.id, channel_id: options.replyTo.channel_id }, referenced_message: options.replyTo }
    : { type: 0 };
  return {
    id: snowflake(),
    channel_id: channelIdOf(options.place),
    ...(options.place !== 'dm' ? { guild_id: IDS.guild, member: { ...member(who, options.roles), user: undefined } } : {}),
    channel_type: { guild: 0, lab: 0, thread: 11, dm: 1 }[options.place],
    author: who,
    content: options.content,
    timestamp: iso(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: options.mentionsBot ? [{ ...BOT_USER }] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
    ...reply,
  };
}

/** The message object Discord returns (and later shows in button interactions) for what the bot sent. */
export function sentMessage(body: Json, channelId: string, extra: Json = {}): Json {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: { ...BOT_USER },
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    timestamp: iso(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: body.attachments ?? [],
    pinned: false,
    type: body.message_reference ? 19 : 0,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    ...(body.message_reference ? { message_reference: body.message_reference } : {}),
    ...extra,
  };
}
