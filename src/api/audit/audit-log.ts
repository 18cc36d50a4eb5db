import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Workspace } from '../../core/index.js';

export const AUDIT_ACTIONS = [
  'login',
  'login-failed',
  'logout',
  'view-client',
  'score-client',
  'score-application',
  'review-decision',
  'account-created',
  'account-reset',
  'account-disabled',
  'account-enabled',
  'model-promoted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the audit log: who did what, to which client, with which model. */
export interface AuditEntry {
  readonly at: string;
  readonly user: string;
  readonly role: string;
  readonly action: AuditAction;
  readonly clientId: number | null;
  readonly modelVersion: number | null;
  /** The model's decision, or the advisor's final one for 'review-decision'. */
  readonly decision: string | null;
  readonly probability: number | null;
  readonly reason: string | null;
}

export interface AuditQuery {
  readonly clientId?: number;
  readonly user?: string;
  readonly action?: AuditAction;
  readonly since?: string;
  readonly limit: number;
}

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.jsonl$/;

/**
 * The append-only audit log: workspace/audit/YYYY-MM-DD.jsonl (UTC day), one JSON object a
 * line. Each entry is one write(2) on a file opened in append mode: once the call returns the
 * line is in the kernel and survives the process being killed; lines never interleave. The hot
 * read paths use appendSoon: one write per event-loop turn, awaited before answering.
 */
export class AuditLog {
  /** The advisors' final decisions by client, newest last (for the decision letter). */
  private readonly reviews = new Map<number, AuditEntry>();

  constructor(readonly folder: string) {
    mkdirSync(folder, { recursive: true });
    for (const entry of this.read()) if (entry.action === 'review-decision') this.index(entry);
  }

  static open(workspace: Workspace): AuditLog {
    return new AuditLog(workspace.audit);
  }

  append(entry: Omit<AuditEntry, 'at'> & { at?: string }): AuditEntry {
    this.flush(); // lines queued by appendSoon stay before this one
    const full: AuditEntry = { ...entry, at: entry.at ?? new Date().toISOString() };
    appendFileSync(this.fileOf(full), `${JSON.stringify(full)}\n`);
    if (full.action === 'review-decision') this.index(full);
    return full;
  }

  /**
   * Queues the entry and resolves once it is written: the lines queued during one turn of the
   * event loop go out in one append per file (one write(2) for 64 requests instead of 64).
   * The caller answers after the promise resolves, so an answered request is always logged.
   */
  appendSoon(entry: Omit<AuditEntry, 'at'>): Promise<AuditEntry> {
    const full: AuditEntry = { ...entry, at: new Date().toISOString() };
    if (full.action === 'review-decision') this.index(full);
    return new Promise((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => this.flush());
      this.queued.push({ entry: full, resolve: () => resolve(full), reject });
    });
  }

  private readonly queued: { entry: AuditEntry; resolve: () => void; reject: (error: Error) => void }[] = [];

  private flush(): void {
    if (this.queued.length === 0) return;
    const batch = this.queued.splice(0);
    const byFile = new Map<string, string>();
    for (const { entry } of batch) {
      const file = this.fileOf(entry);
      byFile.set(file, `${byFile.get(file) ?? ''}${JSON.stringify(entry)}\n`);
    }
    try {
      for (const [file, lines] of byFile) appendFileSync(file, lines);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error as Error);
      return;
    }
    for (const waiter of batch) waiter.resolve();
  }

  private fileOf(entry: AuditEntry): string {
    return path.join(this.folder, `${entry.at.slice(0, 10)}.jsonl`);
  }

  /** The advisor's last recorded decision on a client's file, if any. */
  review(clientId: number): AuditEntry | undefined {
    return this.reviews.get(clientId);
  }

  /** Entries matching the query, newest first. */
  query(query: AuditQuery): AuditEntry[] {
    const matches = this.read().filter(
      (e) =>
        (query.clientId === undefined || e.clientId === query.clientId) &&
        (query.user === undefined || e.user === query.user) &&
        (query.action === undefined || e.action === query.action) &&
        (query.since === undefined || e.at >= query.since),
    );
    return matches.reverse().slice(0, query.limit);
  }

  /** Every entry, oldest first; a torn last line (killed mid-write) is skipped. */
  private read(): AuditEntry[] {
    if (!existsSync(this.folder)) return [];
    const entries: AuditEntry[] = [];
    for (const file of readdirSync(this.folder)
      .filter((f) => DAY_FILE.test(f))
      .sort()) {
      for (const line of readFileSync(path.join(this.folder, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        try {
          entries.push(JSON.parse(line) as AuditEntry);
        } catch {
          // a line cut by a crash: the rest of the log is still good
        }
      }
    }
    return entries;
  }

  private index(entry: AuditEntry): void {
    if (entry.clientId !== null) this.reviews.set(entry.clientId, entry);
  }
}
