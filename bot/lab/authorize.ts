import { fail, ok, type Result } from '../core/result.js';

/** Who may run lab actions, from GORAE_ADMIN_CHANNELS / _ROLES / _USERS. */
export interface AdminPolicy {
  readonly channels: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly users: ReadonlySet<string>;
}

/** Where a request comes from; a thread carries its parent channel, whose status it inherits. */
export interface Place {
  readonly kind: 'guild' | 'dm';
  readonly channelId: string;
  readonly parentId?: string | null;
}

export interface Person {
  readonly userId: string;
  readonly roleIds: readonly string[];
}

export type Refusal = 'lab.gate.dm' | 'lab.gate.channel' | 'lab.gate.person';

export const adminPolicy = (config: {
  GORAE_ADMIN_CHANNELS: readonly string[];
  GORAE_ADMIN_ROLES: readonly string[];
  GORAE_ADMIN_USERS: readonly string[];
}): AdminPolicy => ({
  channels: new Set(config.GORAE_ADMIN_CHANNELS),
  roles: new Set(config.GORAE_ADMIN_ROLES),
  users: new Set(config.GORAE_ADMIN_USERS),
});

/** Whether the person is a lab admin (by user or role), wherever they are; alone it never lets anything run. */
export const isLabAdmin = (policy: AdminPolicy, person: Person): boolean =>
  policy.users.has(person.userId) || person.roleIds.some((role) => policy.roles.has(role));

/**
 * Lab actions need BOTH an admin channel (or a thread in one) AND an admin role or user.
 * Decided from the request's own data at execution time, never from Discord's command permissions.
 */
export function authorize(policy: AdminPolicy, place: Place, person: Person): Result<void, Refusal> {
  if (place.kind === 'dm') return fail('lab.gate.dm');
  const adminChannel = policy.channels.has(place.channelId) || (place.parentId != null && policy.channels.has(place.parentId));
  if (!adminChannel) return fail('lab.gate.channel');
  if (!isLabAdmin(policy, person)) return fail('lab.gate.person');
  return ok(undefined);
}
