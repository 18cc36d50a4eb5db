import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError, writeFileAtomic, type Workspace } from '../../core/index.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';

export const ROLES = ['advisor', 'client', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  readonly username: string;
  readonly role: Role;
  /** The one client a client account may read; null for advisors and admins. */
  readonly clientId: number | null;
  readonly disabled: boolean;
  readonly passwordHash: string;
  /** Bumped when the password is reset or the account disabled: older sessions stop working. */
  readonly sessionVersion: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What the API shows of an account (never the hash). */
export type PublicAccount = Omit<Account, 'passwordHash' | 'sessionVersion'>;

export interface NewAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly clientId?: number | null;
}

export function accountsFile(workspace: Workspace): string {
  return path.join(workspace.root, 'accounts.json');
}

export function publicAccount(account: Account): PublicAccount {
  return {
    username: account.username,
    role: account.role,
    clientId: account.clientId,
    disabled: account.disabled,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

/**
 * The accounts of the service, in workspace/accounts.json (rewritten atomically at each
 * change, so a crash leaves the old list or the new). Writes are serialised in this process.
 */
export class AccountStore {
  private readonly accounts = new Map<string, Account>();
  private writes: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** The file's identity when last read or written here; another process's change differs. */
  private identity = '';
  private checkedAt = 0;

  private constructor(readonly file: string) {}

  static open(workspace: Workspace): AccountStore {
    const store = new AccountStore(accountsFile(workspace));
    store.load();
    return store;
  }

  get size(): number {
    this.refresh();
    return this.accounts.size;
  }

  get(username: string): Account | undefined {
    this.refresh();
    return this.accounts.get(username);
  }

  /**
   * Reads the file again when another process (`clairscore users`) changed it, at most once a
   * second: a disable or reset from the command line ends the service's sessions within ~1 s,
   * without a stat on every request. Skipped while a change of ours is being written.
   */
  private refresh(): void {
    const now = Date.now();
    if (this.pending > 0 || now - this.checkedAt < 1000) return;
    this.checkedAt = now;
    if (fileIdentity(this.file) !== this.identity) this.load();
  }

  private load(): void {
    const identity = fileIdentity(this.file);
    if (!existsSync(this.file)) return;
    let list: Account[];
    try {
      list = (JSON.parse(readFileSync(this.file, 'utf8')) as { accounts: Account[] }).accounts;
    } catch (error) {
      throw new ClairscoreError(
        'CS_ERR_WORKSPACE',
        `The accounts file ${this.file} is unreadable (${(error as Error).message}); restore it or move it aside.`,
      );
    }
    this.accounts.clear();
    for (const account of list) this.accounts.set(account.username, account);
    this.identity = identity;
  }

  list(): Account[] {
    this.refresh();
    return [...this.accounts.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  /** The account when the password is right and the account active; undefined otherwise. */
  async authenticate(username: string, password: string): Promise<Account | undefined> {
    const account = this.get(username);
    // hash even for unknown users, so the answer time does not reveal which names exist
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    return ok && account && !account.disabled ? account : undefined;
  }

  add(input: NewAccount): Promise<Account> {
    return this.change(async () => {
      if (this.accounts.has(input.username)) {
        throw new ClairscoreError(
          'CS_ERR_ACCOUNT_EXISTS',
          `An account named ${input.username} already exists.`,
        );
      }
      if ((input.role === 'client') !== (input.clientId !== undefined && input.clientId !== null)) {
        throw new ClairscoreError(
          'CS_ERR_BAD_REQUEST',
          'A client account needs the clientId (SK_ID_CURR) it may read; advisors and admins have none.',
        );
      }
      const now = new Date().toISOString();
      const account: Account = {
        username: input.username,
        role: input.role,
        clientId: input.role === 'client' ? (input.clientId ?? null) : null,
        disabled: false,
        passwordHash: await hashPassword(input.password),
        sessionVersion: 1,
        createdAt: now,
        updatedAt: now,
      };
      this.accounts.set(account.username, account);
      return account;
    });
  }

  resetPassword(username: string, password: string): Promise<Account> {
    return this.change(async () => {
      const account = this.existing(username);
      return this.put({
        ...account,
        passwordHash: await hashPassword(password),
        sessionVersion: account.sessionVersion + 1,
      });
    });
  }

  setDisabled(username: string, disabled: boolean): Promise<Account> {
    return this.change(async () => {
      const account = this.existing(username);
      return this.put({ ...account, disabled, sessionVersion: account.sessionVersion + 1 });
    });
  }

  private existing(username: string): Account {
    const account = this.accounts.get(username);
    if (!account) throw new ClairscoreError('CS_ERR_ACCOUNT_NOT_FOUND', `No account named ${username}.`);
    return account;
  }

  private put(account: Account): Account {
    const updated = { ...account, updatedAt: new Date().toISOString() };
    this.accounts.set(updated.username, updated);
    return updated;
  }

  /** Applies one change and writes the file, one change at a time. */
  private change<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const next = this.writes.then(async () => {
      // start from the file as it is now (the command line may have changed it)
      if (fileIdentity(this.file) !== this.identity) this.load();
      const result = await work();
      const content = {
        accounts: [...this.accounts.values()].sort((a, b) => a.username.localeCompare(b.username)),
      };
      writeFileAtomic(this.file, `${JSON.stringify(content, null, 2)}\n`);
      chmodSync(this.file, 0o600); // password hashes: readable by the service's user only
      this.identity = fileIdentity(this.file);
      return result;
    });
    const done = (): void => {
      this.pending -= 1;
    };
    next.then(done, done);
    this.writes = next.catch(() => undefined);
    return next;
  }
}

/** Inode, size and modification time: a rewrite (atomic rename) changes at least the inode. */
function fileIdentity(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}
