import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import type { ApiContext } from '../context.js';
import { errors } from '../schemas/common.js';

const Readiness = Type.Object({
  ready: Type.Boolean(),
  modelVersion: Type.Union([Type.Integer(), Type.Null()]),
  database: Type.Boolean(),
  featureVersion: Type.Union([Type.String(), Type.Null()]),
  explanations: Type.Boolean({
    description: 'population statistics for explanations and comparisons are loaded',
  }),
});

/** Liveness (the process answers) and readiness (model, database and features loaded). */
export function healthRoutes(ctx: ApiContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process answers',
          response: { 200: Type.Object({ status: Type.Literal('ok'), uptimeSeconds: Type.Number() }) },
        },
      },
      async () => ({ status: 'ok' as const, uptimeSeconds: process.uptime() }),
    );

    app.get(
      '/health/ready',
      {
        schema: {
          tags: ['operations'],
          summary: 'Readiness: champion model, database and feature engine loaded (503 otherwise)',
          response: { 200: Readiness, 503: Readiness, ...errors(500) },
        },
      },
      async (_request, reply) => {
        const readiness = {
          ...ctx.state.readiness(),
          explanations: ctx.state.insights.current !== undefined,
        };
        return reply.status(readiness.ready ? 200 : 503).send(readiness);
      },
    );
  };
}
