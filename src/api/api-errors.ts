import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { ClairscoreError, isClairscoreError, type ErrorCode } from '../core/index.js';
import type { ErrorBody } from './schemas/common.js';

/** Fastify's own errors mapped onto the catalogue (the rest of the message stays Fastify's). */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'CS_ERR_BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'CS_ERR_BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'CS_ERR_BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'CS_ERR_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'CS_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'CS_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: 'CS_ERR_UNAUTHENTICATED',
  FST_JWT_NO_AUTHORIZATION_IN_COOKIE: 'CS_ERR_UNAUTHENTICATED',
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'CS_ERR_UNAUTHENTICATED',
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: 'CS_ERR_UNAUTHENTICATED',
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: 'CS_ERR_UNAUTHENTICATED',
  FST_JWT_BAD_REQUEST: 'CS_ERR_UNAUTHENTICATED',
  FST_JWT_BAD_COOKIE_REQUEST: 'CS_ERR_UNAUTHENTICATED',
};

export function errorBody(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): ErrorBody {
  return { error: { code, message, details } };
}

/** An unexpected error's message is logged, never sent: it may name files or internals. */
function toClairscoreError(error: FastifyError | Error, request: FastifyRequest): ClairscoreError {
  if (isClairscoreError(error)) return error;
  const fastify = error as FastifyError;
  if (fastify.validation) {
    const problems = fastify.validation.map((v) => ({
      path: `${fastify.validationContext ?? 'body'}${v.instancePath || ''}`,
      message: v.message ?? 'invalid',
    }));
    const shown = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return new ClairscoreError('CS_ERR_BAD_REQUEST', `The request is invalid: ${shown}.`, { problems });
  }
  const mapped = fastify.code ? FASTIFY_CODES[fastify.code] : undefined;
  if (mapped === 'CS_ERR_UNAUTHENTICATED' || fastify.statusCode === 401) {
    return new ClairscoreError(
      'CS_ERR_UNAUTHENTICATED',
      'Log in first (POST /api/login); the session is missing, invalid or expired.',
    );
  }
  if (mapped) return new ClairscoreError(mapped, fastify.message);
  if (fastify.statusCode === 429) {
    return new ClairscoreError('CS_ERR_RATE_LIMITED', 'Too many attempts: wait a minute and retry.');
  }
  if (fastify.statusCode !== undefined && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return new ClairscoreError('CS_ERR_BAD_REQUEST', fastify.message);
  }
  request.log.error({ err: error }, 'unexpected error');
  return new ClairscoreError(
    'CS_ERR_INTERNAL',
    'An unexpected error occurred; it was logged. Retry, or report it with the request id.',
    {
      requestId: request.id,
    },
  );
}

/** Every error leaves the API in one JSON shape with the catalogue's status. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = toClairscoreError(error, request);
    if (known.status >= 500 && known.code !== 'CS_ERR_INTERNAL')
      request.log.error({ code: known.code }, known.message);
    if (known.code === 'CS_ERR_RATE_LIMITED') reply.header('retry-after', '60');
    return reply.status(known.status).send(errorBody(known.code, known.message, { ...known.details }));
  });
}
