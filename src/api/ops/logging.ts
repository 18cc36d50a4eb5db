import type { FastifyServerOptions } from 'fastify';

type LoggerSetting = boolean | { readonly level?: string; readonly stream?: NodeJS.WritableStream };

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
