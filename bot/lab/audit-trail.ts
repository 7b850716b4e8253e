import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditLog } from '../audit.js';
import type { Clock } from '../core/clock.js';
import type { Result } from '../core/result.js';

type Written = Promise<Result<void, 'lab.audit.unwritable'>>;

/** The lines one attempt leaves in the audit log: one for a refusal, else one before and one after. */
export interface AuditTrail {
  refused(reason: string): Written;
  started(): Written;
  finished(outcome: 'ran' | 'failed' | 'cancelled', details: Finished): Written;
}

/** Where an attempt came from, as the audit log records it. */
export interface AuditOrigin {
  readonly front: AuditEntry['front'];
  readonly guild: string | null;
  readonly channel: string | null;
  readonly user: { readonly id: string; readonly name: string };
}

export interface Attempted {
  readonly action: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

export interface Finished {
  readonly reason?: string | undefined;
  readonly details?: Readonly<Record<string, string | number>> | undefined;
  readonly bytes: number;
}

export function auditTrail(log: AuditLog, clock: Clock, origin: AuditOrigin, attempted: Attempted): AuditTrail {
  const attempt = randomUUID();
  const began = clock.now().getTime();
  const entry = (phase: AuditEntry['phase'], outcome: AuditEntry['outcome'], extra: Partial<AuditEntry> = {}): AuditEntry => ({
    time: clock.now().toISOString(),
    attempt,
    phase,
    ...origin,
    action: attempted.action,
    arguments: attempted.arguments,
    outcome,
    durationMs: 0,
    bytes: 0,
    ...extra,
  });
  return {
    refused: (reason) => log.append(entry('attempt', 'refused', { reason })),
    started: () => log.append(entry('attempt', 'started')),
    finished: (outcome, { reason, details, bytes }) =>
      log.append(
        entry('outcome', outcome, { ...(reason ? { reason } : {}), ...(details ? { details } : {}), durationMs: clock.now().getTime() - began, bytes }),
      ),
  };
}
