import type { APIInteractionGuildMember, Channel, GuildMember, User } from 'discord.js';
import type { AuditOrigin } from '../../lab/audit-trail.js';
import type { Person, Place } from '../../lab/authorize.js';

/** Who asked, as the audit log and "busy" messages name them. */
export interface Requester {
  readonly id: string;
  readonly name: string;
}

/** Everything the gate and the audit log need to know about where a request came from. */
export interface Origin {
  readonly place: Place;
  readonly person: Person;
  readonly requester: Requester;
  readonly guildId: string | null;
  readonly channelId: string | null;
}

/** What an interaction and a message have in common. */
export interface Source {
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly channel: Channel | null;
  readonly member: GuildMember | APIInteractionGuildMember | null;
}

/**
 * Reads the place and the person from the request's own data: the channel (a thread names its
 * parent) and the member's roles as Discord sent them with this very interaction or message.
 */
export function originOf(source: Source, user: User): Origin {
  const channelId = source.channelId ?? '';
  const place: Place =
    source.guildId === null ? { kind: 'dm', channelId } : { kind: 'guild', channelId, parentId: threadParent(source.channel) };
  return {
    place,
    person: { userId: user.id, roleIds: roleIdsOf(source.member) },
    requester: { id: user.id, name: user.username },
    guildId: source.guildId,
    channelId: source.channelId,
  };
}

const threadParent = (channel: Channel | null): string | null => (channel?.isThread() ? channel.parentId : null);

/** A cached member lists its roles in a manager; an uncached guild sends the bare id list. */
function roleIdsOf(member: Source['member']): string[] {
  if (!member) return [];
  return Array.isArray(member.roles) ? [...member.roles] : [...member.roles.cache.keys()];
}

/** The origin as the audit log records it. */
export const auditOrigin = (origin: Origin): AuditOrigin => ({
  front: 'discord',
  guild: origin.guildId,
  channel: origin.channelId,
  user: origin.requester,
});
