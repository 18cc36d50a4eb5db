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
  return log.append({
    user: user.username,
    role: user.role,
    action,
    clientId: facts.clientId ?? null,
    modelVersion: facts.modelVersion ?? null,
    decision: facts.decision ?? null,
    probability: facts.probability ?? null,
    reason: facts.reason ?? null,
  });
}
