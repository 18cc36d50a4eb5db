// The scoring service: the Fastify app (tests inject into it), the listening server, accounts.
export { buildApp } from './app.js';
export type { App, AppOptions } from './app.js';
export { startServer } from './server.js';
export type { RunningServer, ServeOptions } from './server.js';
export { AccountStore, ROLES, accountsFile, publicAccount } from './auth/account-store.js';
export type { Account, NewAccount, PublicAccount, Role } from './auth/account-store.js';
export { AuditLog, AUDIT_ACTIONS } from './audit/audit-log.js';
export type { AuditAction, AuditEntry } from './audit/audit-log.js';
export { ensureAccounts, DEMO_ACCOUNTS } from './auth/demo-accounts.js';
export type { CreatedAccount } from './auth/demo-accounts.js';
export { NewAccountBody, Password, Username } from './schemas/accounts.js';
