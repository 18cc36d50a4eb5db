import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';

import { ClairscoreError, writeFileAtomic, type Workspace } from '../../core/index.js';
import type { Account, AccountStore, Role } from './account-store.js';

/** Who is calling, as every route sees it after authentication. */
export interface SessionUser {
  readonly username: string;
  readonly role: Role;
  readonly clientId: number | null;
}

interface SessionClaims {
  readonly sub: string;
  readonly role: Role;
  readonly cid: number | null;
  /** The account's session version when the token was issued. */
  readonly sv: number;
  readonly jti: string;
  readonly exp?: number;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: SessionClaims;
    user: SessionClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionUser | undefined;
  }
}

export const SESSION_COOKIE = 'clairscore_session';
export const SESSION_HOURS = 8;

/** The signing key, made once per workspace so sessions survive a restart (file readable by its owner only). */
function sessionKey(workspace: Workspace): string {
  const file = path.join(workspace.root, 'session.key');
  if (!existsSync(file)) {
    writeFileAtomic(file, randomBytes(32).toString('hex'));
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

export interface SessionOptions {
  readonly workspace: Workspace;
  readonly accounts: AccountStore;
  /** Cookies marked Secure (when served over TLS or behind an HTTPS proxy). */
  readonly secureCookies: boolean;
}

/**
 * Sessions are signed JWTs (HS256, 8 hours) carried in an httpOnly, SameSite=Strict cookie,
 * or as a Bearer token for scripts. The cookie being SameSite=Strict and every state-changing
 * route taking JSON (which a cross-site form cannot send without a CORS preflight, and CORS is
 * closed) is the CSRF defence. Each request re-reads the account, so disabling it or
 * resetting its password ends its sessions at once; logout revokes the token's id.
 */
export async function registerSessions(app: FastifyInstance, options: SessionOptions): Promise<void> {
  const revoked = new Map<string, number>(); // jti -> expiry (s); tokens die by themselves after
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: sessionKey(options.workspace),
    cookie: { cookieName: SESSION_COOKIE, signed: false },
    sign: { expiresIn: `${SESSION_HOURS}h` },
    // a verified token is remembered for a minute (HMAC and JSON parse once, not per request);
    // the account, its session version and the revocation list are still checked every time
    verify: { cache: 10_000, cacheTTL: 60_000 },
  });
  app.decorateRequest('session', undefined);

  app.decorate('issueSession', (reply: FastifyReply, account: Account): string => {
    const claims: SessionClaims = {
      sub: account.username,
      role: account.role,
      cid: account.clientId,
      sv: account.sessionVersion,
      jti: randomUUID(),
    };
    const token = app.jwt.sign(claims);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      maxAge: SESSION_HOURS * 3600,
    });
    return token;
  });

  app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      const claims = await request.jwtVerify<SessionClaims>();
      revoked.set(claims.jti, claims.exp ?? 0);
    } catch {
      // logging out without a valid session is not an error
    }
    const now = Date.now() / 1000;
    for (const [jti, exp] of revoked) if (exp < now) revoked.delete(jti);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  app.decorate('authenticate', async (request: FastifyRequest): Promise<SessionUser> => {
    const claims = await request.jwtVerify<SessionClaims>();
    const account = options.accounts.get(claims.sub);
    if (!account || account.disabled || account.sessionVersion !== claims.sv || revoked.has(claims.jti)) {
      throw new ClairscoreError(
        'CS_ERR_UNAUTHENTICATED',
        'The session has ended: log in again (POST /api/login).',
      );
    }
    request.session = { username: account.username, role: account.role, clientId: account.clientId };
    return request.session;
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    issueSession(reply: FastifyReply, account: Account): string;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    authenticate(request: FastifyRequest): Promise<SessionUser>;
  }
}

/** An onRequest hook admitting (before the body is even read) only the given roles (401 without a session, 403 for another role). */
export function requireRole(app: FastifyInstance, ...roles: Role[]): onRequestAsyncHookHandler {
  return async (request) => {
    const user = await app.authenticate(request);
    if (!roles.includes(user.role)) {
      throw new ClairscoreError(
        'CS_ERR_FORBIDDEN',
        `This needs the role ${roles.join(' or ')}; you are ${user.role}.`,
      );
    }
  };
}

/** The session of a route behind requireRole. */
export function sessionOf(request: FastifyRequest): SessionUser {
  if (!request.session)
    throw new ClairscoreError('CS_ERR_UNAUTHENTICATED', 'Log in first (POST /api/login).');
  return request.session;
}

/**
 * A client account reads only its own record: any other id is 403, whether or not it exists,
 * so the answer never tells a client which ids are clients.
 */
export function assertCanRead(user: SessionUser, clientId: number): void {
  if (user.role === 'client' && user.clientId !== clientId) {
    throw new ClairscoreError('CS_ERR_FORBIDDEN', 'A client account can only read its own file.');
  }
}
