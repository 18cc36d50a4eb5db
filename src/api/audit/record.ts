import type { SessionUser } from '../auth/session.js';
import type { AuditAction, AuditEntry, AuditLog } from './audit-log.js';

type Facts = Partial<Pick<AuditEntry, 'clientId' | 'modelVersion' | 'decision' | 'probability' | 'reason'>>;

/** Appends what a logged-in user did (the unknown facts recorded as null). */
export function recordAudit(
  log: AuditLog,
  user: SessionUser,
  action: AuditAction,
  facts: Facts = {},
): AuditEntry {
  return log.append(auditEntry(user, action, facts));
}

/** recordAudit batched with the other requests of this event-loop turn; resolves once written. */
export function recordAuditSoon(
  log: AuditLog,
  user: SessionUser,
  action: AuditAction,
  facts: Facts = {},
): Promise<AuditEntry> {
  return log.appendSoon(auditEntry(user, action, facts));
}

function auditEntry(user: SessionUser, action: AuditAction, facts: Facts): Omit<AuditEntry, 'at'> {
  return {
    user: user.username,
    role: user.role,
    action,
    clientId: facts.clientId ?? null,
    modelVersion: facts.modelVersion ?? null,
    decision: facts.decision ?? null,
    probability: facts.probability ?? null,
    reason: facts.reason ?? null,
  };
}
