import {
  appendFileSync,
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { StringDecoder } from 'node:string_decoder';

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
/** The review decisions again, on their own: the service reads them at start, not the whole log. */
const REVIEWS_FILE = 'reviews.jsonl';

/**
 * The append-only audit log: workspace/audit/YYYY-MM-DD.jsonl (UTC day), one JSON object a
 * line. Each entry is one write(2) on a file opened in append mode: once the call returns the
 * line is in the kernel and survives the process being killed; lines never interleave. The hot
 * read paths use appendSoon: one write per event-loop turn, awaited before answering.
 * The log grows with traffic (a score view is a line), so it is never read whole: the start
 * reads reviews.jsonl only, and a query streams the day files, newest first.
 */
export class AuditLog {
  /** The advisors' final decisions by client, newest last (for the decision letter). */
  private readonly reviews = new Map<number, AuditEntry>();

  constructor(readonly folder: string) {
    mkdirSync(folder, { recursive: true });
    const reviews = path.join(folder, REVIEWS_FILE);
    if (!existsSync(reviews)) writeReviewsFile(folder, reviews); // a log written before the file existed
    forEachLineSync(reviews, (line) => {
      const entry = parseLine(line);
      if (entry?.action === 'review-decision') this.index(entry);
    });
  }

  static open(workspace: Workspace): AuditLog {
    return new AuditLog(workspace.audit);
  }

  append(entry: Omit<AuditEntry, 'at'> & { at?: string }): AuditEntry {
    this.flush(); // lines queued by appendSoon stay before this one
    const full: AuditEntry = { ...entry, at: entry.at ?? new Date().toISOString() };
    for (const file of this.filesOf(full)) appendFileSync(file, `${JSON.stringify(full)}\n`);
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
      const line = `${JSON.stringify(entry)}\n`;
      for (const file of this.filesOf(entry)) byFile.set(file, `${byFile.get(file) ?? ''}${line}`);
    }
    try {
      for (const [file, lines] of byFile) appendFileSync(file, lines);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error as Error);
      return;
    }
    for (const waiter of batch) waiter.resolve();
  }

  /** Its day file, and reviews.jsonl for a review decision. */
  private filesOf(entry: AuditEntry): string[] {
    const day = path.join(this.folder, `${entry.at.slice(0, 10)}.jsonl`);
    return entry.action === 'review-decision' ? [day, path.join(this.folder, REVIEWS_FILE)] : [day];
  }

  /** The advisor's last recorded decision on a client's file, if any. */
  review(clientId: number): AuditEntry | undefined {
    return this.reviews.get(clientId);
  }

  /**
   * Entries matching the query, newest first: the day files from the newest, each streamed
   * (the event loop keeps serving), keeping only the latest `limit` matches of each.
   */
  async query(query: AuditQuery): Promise<AuditEntry[]> {
    this.flush();
    const matches = (e: AuditEntry): boolean =>
      (query.clientId === undefined || e.clientId === query.clientId) &&
      (query.user === undefined || e.user === query.user) &&
      (query.action === undefined || e.action === query.action) &&
      (query.since === undefined || e.at >= query.since);
    const sinceDay = query.since?.slice(0, 10) ?? '';
    const days = dayFiles(this.folder)
      .filter((file) => file.slice(0, 10) >= sinceDay)
      .reverse();
    const found: AuditEntry[] = [];
    for (const file of days) {
      if (found.length >= query.limit) break;
      const latest: AuditEntry[] = []; // the file's last matches, oldest first
      for await (const line of createInterface({ input: createReadStream(path.join(this.folder, file)) })) {
        const entry = parseLine(line);
        if (!entry || !matches(entry)) continue;
        latest.push(entry);
        if (latest.length > query.limit) latest.shift();
      }
      found.push(...latest.reverse());
    }
    return found.slice(0, query.limit);
  }

  private index(entry: AuditEntry): void {
    if (entry.clientId !== null) this.reviews.set(entry.clientId, entry);
  }
}

function dayFiles(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => DAY_FILE.test(f))
        .sort()
    : [];
}

/** An entry, or undefined for an empty line or one cut by a crash (the rest of the log is good). */
function parseLine(line: string): AuditEntry | undefined {
  if (line.trim() === '') return undefined;
  try {
    return JSON.parse(line) as AuditEntry;
  } catch {
    return undefined;
  }
}

/** Calls `use` with each line of a file, read 1 MiB at a time (never the whole file at once). */
function forEachLineSync(file: string, use: (line: string) => void): void {
  if (!existsSync(file)) return;
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8'); // a character cut between two chunks stays whole
    let rest = '';
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      lines.forEach(use);
    }
    use(rest + decoder.end());
  } finally {
    closeSync(fd);
  }
}

/** Gathers the review decisions of the day files into reviews.jsonl (once, for an older log). */
function writeReviewsFile(folder: string, reviews: string): void {
  let lines = '';
  for (const file of dayFiles(folder)) {
    forEachLineSync(path.join(folder, file), (line) => {
      // the action is checked on the text first: most lines are not reviews and are not parsed
      if (line.includes('"review-decision"') && parseLine(line)?.action === 'review-decision')
        lines += `${line}\n`;
    });
  }
  appendFileSync(reviews, lines);
}
