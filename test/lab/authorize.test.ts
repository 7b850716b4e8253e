import { describe, expect, it } from 'vitest';
import { adminPolicy, authorize, isLabAdmin } from '../../bot/lab/authorize.js';

const policy = adminPolicy({
  GORAE_ADMIN_CHANNELS: ['100000000000000001'],
  GORAE_ADMIN_ROLES: ['200000000000000001'],
  GORAE_ADMIN_USERS: ['300000000000000001'],
});
const adminChannel = { kind: 'guild', channelId: '100000000000000001' } as const;
const otherChannel = { kind: 'guild', channelId: '100000000000000009' } as const;
const adminThread = { kind: 'guild', channelId: '100000000000000050', parentId: '100000000000000001' } as const;
const dm = { kind: 'dm', channelId: '100000000000000077' } as const;
const byRole = { userId: '300000000000000005', roleIds: ['200000000000000001'] };
const byUser = { userId: '300000000000000001', roleIds: [] };
const member = { userId: '300000000000000006', roleIds: ['200000000000000009'] };

describe('who may run lab actions', () => {
  it('lets an admin role or an admin user act in an admin channel', () => {
    expect(authorize(policy, adminChannel, byRole).ok).toBe(true);
    expect(authorize(policy, adminChannel, byUser).ok).toBe(true);
  });

  it('lets a thread inherit its parent channel', () => {
    expect(authorize(policy, adminThread, byRole).ok).toBe(true);
  });

  it('refuses an ordinary member even in an admin channel', () => {
    expect(authorize(policy, adminChannel, member)).toEqual({ ok: false, error: { id: 'lab.gate.person' } });
  });

  it('refuses an admin outside the admin channels', () => {
    expect(authorize(policy, otherChannel, byUser)).toEqual({ ok: false, error: { id: 'lab.gate.channel' } });
  });

  it('never runs lab actions in a DM, whoever asks', () => {
    expect(authorize(policy, dm, byUser)).toEqual({ ok: false, error: { id: 'lab.gate.dm' } });
  });

  it('refuses everyone when nothing is configured', () => {
    const empty = adminPolicy({ GORAE_ADMIN_CHANNELS: [], GORAE_ADMIN_ROLES: [], GORAE_ADMIN_USERS: [] });
    expect(authorize(empty, adminChannel, byUser).ok).toBe(false);
  });

  it('knows an admin by user or role wherever they are, and the gate asks that same rule', () => {
    expect([byUser, byRole, member].map((person) => isLabAdmin(policy, person))).toEqual([true, true, false]);
    for (const person of [byUser, byRole, member]) {
      expect(authorize(policy, adminChannel, person).ok).toBe(isLabAdmin(policy, person));
    }
  });
});
