import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { publicAccount, type Account } from '../auth/account-store.js';
import { requireRole, sessionOf } from '../auth/session.js';
import type { AuditAction } from '../audit/audit-log.js';
import type { ApiContext } from '../context.js';
import {
  AccountSchema,
  DisableBody,
  NewAccountBody,
  ResetBody,
  UsernameParams,
} from '../schemas/accounts.js';
import { errors } from '../schemas/common.js';

/** Admins create advisors and clients, reset passwords, disable and re-enable accounts. */
export function accountRoutes(ctx: ApiContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admin = requireRole(app, 'admin');
    const record = (by: string, action: AuditAction, account: Account): void => {
      ctx.audit.append({
        user: by,
        role: 'admin',
        action,
        clientId: account.clientId,
        modelVersion: null,
        decision: null,
        probability: null,
        reason: `account ${account.username} (${account.role})`,
      });
    };

    app.get(
      '/accounts',
      {
        onRequest: admin,
        schema: {
          tags: ['accounts'],
          summary: 'Every account (admin)',
          response: { 200: Type.Object({ accounts: Type.Array(AccountSchema) }), ...errors(401, 403) },
        },
      },
      async () => ({ accounts: ctx.accounts.list().map(publicAccount) }),
    );

    app.post(
      '/accounts',
      {
        onRequest: admin,
        schema: {
          tags: ['accounts'],
          summary: 'Create an advisor, client (linked to one SK_ID_CURR) or admin account (admin)',
          body: NewAccountBody,
          response: { 201: AccountSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const { clientId } = request.body;
        // a client account must point at a real client
        if (request.body.role === 'client' && clientId !== undefined) await ctx.scorer.storedValues(clientId);
        const account = await ctx.accounts.add(request.body);
        record(sessionOf(request).username, 'account-created', account);
        return reply.status(201).send(publicAccount(account));
      },
    );

    app.post(
      '/accounts/:username/password',
      {
        onRequest: admin,
        schema: {
          tags: ['accounts'],
          summary: "Reset an account's password; its open sessions end (admin)",
          params: UsernameParams,
          body: ResetBody,
          response: { 200: AccountSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const account = await ctx.accounts.resetPassword(request.params.username, request.body.password);
        record(sessionOf(request).username, 'account-reset', account);
        return publicAccount(account);
      },
    );

    app.post(
      '/accounts/:username/disabled',
      {
        onRequest: admin,
        schema: {
          tags: ['accounts'],
          summary: 'Disable (its sessions end at once) or re-enable an account (admin)',
          params: UsernameParams,
          body: DisableBody,
          response: { 200: AccountSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const account = await ctx.accounts.setDisabled(request.params.username, request.body.disabled);
        record(
          sessionOf(request).username,
          account.disabled ? 'account-disabled' : 'account-enabled',
          account,
        );
        return publicAccount(account);
      },
    );
  };
}
