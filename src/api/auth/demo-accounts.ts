import { randomBytes } from 'node:crypto';

import type { AccountStore, Role } from './account-store.js';

/** An account made at start, with its password in clear so it can be printed once. */
export interface CreatedAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly clientId: number | null;
}

/** The demo's log-ins: known passwords, printed at each `npm start` (a demo, not a deployment). */
export const DEMO_ACCOUNTS: readonly Omit<CreatedAccount, 'clientId'>[] = [
  { username: 'admin', password: 'admin-demo-2026', role: 'admin' },
  { username: 'advisor', password: 'advisor-demo-2026', role: 'advisor' },
  { username: 'client', password: 'client-demo-2026', role: 'client' },
];

/**
 * Accounts a service needs to be usable. With `demo`, the three demo accounts (the client one
 * linked to `demoClientId`) are created when missing and all returned for printing. Without,
 * an empty store gets one admin with a random password, returned so it is printed once.
 */
export async function ensureAccounts(
  store: AccountStore,
  demo: { readonly clientId: number } | undefined,
): Promise<CreatedAccount[]> {
  if (demo) {
    const accounts: CreatedAccount[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const clientId = account.role === 'client' ? demo.clientId : null;
      const existing = store.get(account.username);
      if (!existing) await store.add({ ...account, clientId });
      accounts.push({ ...account, clientId: existing?.clientId ?? clientId });
    }
    return accounts;
  }
  if (store.size > 0) return [];
  const password = randomBytes(12).toString('base64url');
  await store.add({ username: 'admin', password, role: 'admin' });
  return [{ username: 'admin', password, role: 'admin', clientId: null }];
}
