import { randomBytes } from 'node:crypto';

import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import type { Command } from 'commander';

import {
  AccountStore,
  Password,
  publicAccount,
  ROLES,
  Username,
  type PublicAccount,
  type Role,
} from '../../api/index.js';
import { ClairscoreError, type Workspace } from '../../core/index.js';
import { withDatabase } from '../../data/index.js';
import { contextFrom } from '../context.js';
import { choiceFlag, integerFlag } from '../options.js';

interface AddFlags {
  role?: string;
  client?: string;
  password?: string;
}

/** What `users add` and `users reset` print: the account, and the password when it was generated. */
interface PasswordResult {
  readonly account: PublicAccount;
  readonly password: string | null;
}

/** Checks a value against the API's own schema (the admin endpoints accept the same names and passwords). */
function check(what: string, schema: TSchema, value: string): string {
  if (!Value.Check(schema, value)) {
    const first = [...Value.Errors(schema, value)][0];
    const rule = typeof schema.description === 'string' ? schema.description : (first?.message ?? 'invalid');
    throw new ClairscoreError('CS_ERR_USAGE', `${what} ${JSON.stringify(value)} is not valid: ${rule}.`);
  }
  return value;
}

function passwordFrom(flag: string | undefined): { password: string; generated: boolean } {
  if (flag !== undefined) return { password: check('The password', Password, flag), generated: false };
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

/** CS_ERR_UNKNOWN_CLIENT unless `id` is an SK_ID_CURR of the workspace's application tables. */
async function assertClientExists(workspace: Workspace, id: number): Promise<void> {
  const found = await withDatabase(workspace, { readOnly: true }, async (db) => {
    const tables = await db.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('application_train', 'application_test')",
    );
    for (const { name } of tables) {
      const rows = await db.query(`SELECT 1 AS hit FROM "${String(name)}" WHERE "SK_ID_CURR" = $1 LIMIT 1`, [
        id,
      ]);
      if (rows.length > 0) return true;
    }
    return false;
  });
  if (!found) {
    throw new ClairscoreError(
      'CS_ERR_UNKNOWN_CLIENT',
      `No client with SK_ID_CURR ${id} in the workspace's application tables: check the id (a client account reads only that client's file).`,
      { id },
    );
  }
}

function renderAccount(account: PublicAccount): string {
  const client = account.clientId === null ? '' : ` client ${account.clientId}`;
  return `${account.username} (${account.role}${client})${account.disabled ? ' disabled' : ''}`;
}

function renderPassword(verb: string): (result: PasswordResult) => string {
  return ({ account, password }) =>
    [
      `${verb} ${renderAccount(account)}.`,
      ...(password === null
        ? []
        : [`  password: ${password}  (printed once: hand it over and keep no copy)`]),
    ].join('\n');
}

function renderList(accounts: readonly PublicAccount[]): string {
  if (accounts.length === 0) return 'No accounts yet: clairscore users add NAME --role admin';
  const rows = accounts.map((a) => [
    a.username,
    a.role,
    a.clientId === null ? '-' : String(a.clientId),
    a.disabled ? 'disabled' : 'active',
    a.updatedAt,
  ]);
  const header = ['user', 'role', 'client', 'status', 'updated'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * `clairscore users add|list|disable|reset`: the service's accounts (workspace/accounts.json),
 * through the same store as the admin endpoints. A running service reads the file again when
 * it changes, so disabling an account or resetting its password ends its sessions there too.
 */
export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description("manage the service's accounts (advisor, client, admin)")
    .addHelpText(
      'after',
      '\nExamples:\n  clairscore users add marie --role advisor\n  clairscore users add c100002 --role client --client 100002\n  clairscore users list --json\n  clairscore users disable marie\n  clairscore users reset marie --password "a long passphrase"',
    );

  users
    .command('add')
    .description('create an account (a random password is printed when --password is omitted)')
    .argument('<name>', 'user name: lower-case letters, digits, dot, dash, underscore')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--client <SK_ID_CURR>', 'the one client a client account may read (required for --role client)')
    .option('--password <password>', 'the password (8 to 200 characters)')
    .action(async (name: string, flags: AddFlags, command: Command) => {
      const ctx = contextFrom(command);
      const username = check('The user name', Username, name);
      const role: Role = choiceFlag('--role', flags.role ?? '', ROLES);
      let clientId: number | null = null;
      if (role === 'client') {
        if (flags.client === undefined) {
          throw new ClairscoreError(
            'CS_ERR_USAGE',
            'A client account needs --client SK_ID_CURR: the one client file it may read.',
          );
        }
        clientId = integerFlag('--client', flags.client, 1, 999_999_999);
      } else if (flags.client !== undefined) {
        throw new ClairscoreError(
          'CS_ERR_USAGE',
          `--client is for client accounts only; ${role}s read every file.`,
        );
      }
      const { password, generated } = passwordFrom(flags.password);
      const store = AccountStore.open(ctx.workspace);
      if (store.get(username)) {
        throw new ClairscoreError('CS_ERR_ACCOUNT_EXISTS', `An account named ${username} already exists.`);
      }
      if (clientId !== null) await assertClientExists(ctx.workspace, clientId);
      const account = await store.add({ username, password, role, clientId });
      ctx.result<PasswordResult>(
        { account: publicAccount(account), password: generated ? password : null },
        renderPassword('Created'),
      );
    });

  users
    .command('list')
    .description('every account with its role, client and status (never the password hashes)')
    .action((_flags: object, command: Command) => {
      const ctx = contextFrom(command);
      const accounts = AccountStore.open(ctx.workspace).list().map(publicAccount);
      ctx.result(accounts, renderList);
    });

  users
    .command('disable')
    .description('disable an account (its sessions end at once), or re-enable it with --enable')
    .argument('<name>', 'user name')
    .option('--enable', 're-enable the account instead')
    .action(async (name: string, flags: { enable?: boolean }, command: Command) => {
      const ctx = contextFrom(command);
      const account = await AccountStore.open(ctx.workspace).setDisabled(name, !flags.enable);
      ctx.result(
        publicAccount(account),
        (a) => `${a.disabled ? 'Disabled' : 'Enabled'} ${renderAccount(a)}.`,
      );
    });

  users
    .command('reset')
    .description(
      "reset an account's password (its sessions end; a random one is printed when --password is omitted)",
    )
    .argument('<name>', 'user name')
    .option('--password <password>', 'the new password (8 to 200 characters)')
    .action(async (name: string, flags: { password?: string }, command: Command) => {
      const ctx = contextFrom(command);
      const { password, generated } = passwordFrom(flags.password);
      const account = await AccountStore.open(ctx.workspace).resetPassword(name, password);
      ctx.result<PasswordResult>(
        { account: publicAccount(account), password: generated ? password : null },
        renderPassword('Reset the password of'),
      );
    });
}
