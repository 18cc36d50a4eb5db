import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { ClairscoreError } from '../../core/index.js';
import { requireRole, sessionOf } from '../auth/session.js';
import type { ApiContext } from '../context.js';
import { LoginBody, MeSchema } from '../schemas/accounts.js';
import { errors } from '../schemas/common.js';

export interface LoginLimit {
  /** Attempts per address per window. */
  readonly max: number;
  readonly timeWindow: number;
}

/** Log-in (rate limited per address), log-out and who am I. */
export function authRoutes(ctx: ApiContext, limit: LoginLimit): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/login',
      {
        config: { rateLimit: { max: limit.max, timeWindow: limit.timeWindow } },
        schema: {
          tags: ['authentication'],
          summary: 'Log in: sets an httpOnly session cookie and returns the same token for Bearer use',
          body: LoginBody,
          response: {
            200: Type.Object({ user: MeSchema, token: Type.String(), expiresInSeconds: Type.Integer() }),
            ...errors(400, 401, 415, 429),
          },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const account = await ctx.accounts.authenticate(username, password);
        if (!account) {
          ctx.audit.append({
            user: username.slice(0, 100),
            role: 'unknown',
            action: 'login-failed',
            clientId: null,
            modelVersion: null,
            decision: null,
            probability: null,
            reason: null,
          });
          throw new ClairscoreError(
            'CS_ERR_UNAUTHENTICATED',
            'Wrong user name or password, or the account is disabled.',
          );
        }
        const token = app.issueSession(reply, account);
        ctx.audit.append({
          user: account.username,
          role: account.role,
          action: 'login',
          clientId: account.clientId,
          modelVersion: null,
          decision: null,
          probability: null,
          reason: null,
        });
        return {
          user: { username: account.username, role: account.role, clientId: account.clientId },
          token,
          expiresInSeconds: 8 * 3600,
        };
      },
    );

    app.post(
      '/logout',
      {
        schema: {
          tags: ['authentication'],
          summary: 'Log out: clears the cookie and revokes the token',
          response: { 200: Type.Object({ loggedOut: Type.Literal(true) }) },
        },
      },
      async (request, reply) => {
        await app.endSession(request, reply);
        return { loggedOut: true as const };
      },
    );

    app.get(
      '/me',
      {
        onRequest: requireRole(app, 'advisor', 'client', 'admin'),
        schema: {
          tags: ['authentication'],
          summary: 'The logged-in account',
          response: { 200: MeSchema, ...errors(401) },
        },
      },
      async (request) => sessionOf(request),
    );
  };
}
