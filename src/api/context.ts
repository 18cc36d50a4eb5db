import type { Workspace } from '../core/index.js';
import type { AuditLog } from './audit/audit-log.js';
import type { AccountStore } from './auth/account-store.js';
import type { Metrics } from './ops/metrics.js';
import type { Scorer } from './scoring/scorer.js';
import type { ScoredLog } from './scoring/scored-log.js';
import type { ServiceState } from './state/service-state.js';

/** What the route plugins share. */
export interface ApiContext {
  readonly workspace: Workspace;
  readonly state: ServiceState;
  readonly scorer: Scorer;
  readonly accounts: AccountStore;
  readonly audit: AuditLog;
  readonly scored: ScoredLog;
  readonly metrics: Metrics;
}
