import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

import { errorBody } from '../api-errors.js';

/**
 * The built dashboard (web/dist): its files, and index.html for any other non-API GET so the
 * single-page application's own routes work on reload. /api paths keep the JSON 404.
 */
export async function serveDashboard(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: true, index: 'index.html' });
  installNotFound(app, true);
}

/** Unknown routes: the JSON 404 for the API; the dashboard's index.html for other pages when it is served. */
export function installNotFound(app: FastifyInstance, dashboard: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (dashboard && request.method === 'GET' && !pathname.startsWith('/api'))
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send(errorBody('CS_ERR_NOT_FOUND', `No route ${request.method} ${pathname}; see /api/docs.`));
  });
}
