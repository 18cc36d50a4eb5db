import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

/** Off, on (standard output), or a level and where the lines go. */
export type LoggerSetting = boolean | { readonly level?: string; readonly stream?: DestinationStream };

/** A path with ids masked and no query string: URLs carry client ids and search filters. */
export function maskUrl(url: string): string {
  return url.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id');
}

/**
 * Pino through Fastify, one JSON object a line. No personal value is logged: request lines
 * keep the method and the masked path; credentials, cookies and bodies are never logged.
 */
export function loggerOptions(setting: LoggerSetting): FastifyServerOptions['logger'] {
  if (setting === false) return false;
  const custom = setting === true ? {} : setting;
  return {
    level: custom.level ?? 'info',
    ...(custom.stream ? { stream: custom.stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'password',
        '*.password',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        path: maskUrl(request.url),
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}

/**
 * One line a request, when it is answered (Fastify's default is two: received, completed):
 * the method, the masked path, the status and the time, half the writes on the hot path.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
