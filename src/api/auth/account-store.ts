import { chmodSync, existsSync, readFileSync } from 'node:fs';
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

  private constructor(readonly file: string) {}

  static open(workspace: Workspace): AccountStore {
    const store = new AccountStore(accountsFile(workspace));
    if (existsSync(store.file)) {
      let list: Account[];
      try {
        list = (JSON.parse(readFileSync(store.file, 'utf8')) as { accounts: Account[] }).accounts;
      } catch (error) {
        throw new ClairscoreError(
          'CS_ERR_WORKSPACE',
          `The accounts file ${store.file} is unreadable (${(error as Error).message}); restore it or move it aside.`,
        );
      }
      for (const account of list) store.accounts.set(account.username, account);
    }
    return store;
  }

  get size(): number {
    return this.accounts.size;
  }

  get(username: string): Account | undefined {
    return this.accounts.get(username);
  }

  list(): Account[] {
    return [...this.accounts.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  /** The account when the password is right and the account active; undefined otherwise. */
  async authenticate(username: string, password: string): Promise<Account | undefined> {
    const account = this.accounts.get(username);
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
    const next = this.writes.then(async () => {
      const result = await work();
      const content = { accounts: this.list() };
      writeFileAtomic(this.file, `${JSON.stringify(content, null, 2)}\n`);
      chmodSync(this.file, 0o600); // password hashes: readable by the service's user only
      return result;
    });
    this.writes = next.catch(() => undefined);
    return next;
  }
}
