import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { ClairscoreError } from '../../core/index.js';
import { MlrunsReader } from '../../tracking/index.js';
import { AUDIT_ACTIONS } from '../audit/audit-log.js';
import { requireRole } from '../auth/session.js';
import type { ApiContext } from '../context.js';
import { errors } from '../schemas/common.js';

const AuditQuery = Type.Object(
  {
    clientId: Type.Optional(Type.Integer({ minimum: 1, maximum: 999_999_999 })),
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    action: Type.Optional(Type.Union(AUDIT_ACTIONS.map((a) => Type.Literal(a)))),
    since: Type.Optional(Type.String({ format: 'date-time', pattern: '^\\d{4}-\\d{2}-\\d{2}T' })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  },
  { additionalProperties: false },
);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const AuditEntrySchema = Type.Object({
  at: Type.String(),
  user: Type.String(),
  role: Type.String(),
  action: Type.String(),
  clientId: Nullable(Type.Integer()),
  modelVersion: Nullable(Type.Integer()),
  decision: Nullable(Type.String()),
  probability: Nullable(Type.Number()),
  reason: Nullable(Type.String()),
});
const ExperimentId = Type.Object(
  { id: Type.String({ pattern: '^[0-9]{1,19}$' }) },
  { additionalProperties: false },
);

/** Metrics, the latest drift report, the audit log (admins) and tracked experiments. */
export function opsRoutes(ctx: ApiContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = requireRole(app, 'advisor', 'admin');
    const tracking = new MlrunsReader(ctx.workspace.mlruns);

    app.get(
      '/metrics',
      {
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics (text exposition format 0.0.4)',
          hide: false,
        },
      },
      async (_request, reply) => {
        ctx.metrics.modelVersion = ctx.state.models.current?.version ?? 0;
        return reply.type('text/plain; version=0.0.4; charset=utf-8').send(ctx.metrics.render());
      },
    );

    app.get(
      '/drift/latest',
      {
        onRequest: staff,
        schema: {
          tags: ['monitoring'],
          summary: 'The latest drift report (workspace/drift/latest.json); 404 while there is none',
          response: { 200: Type.Unknown(), ...errors(401, 403, 404) },
        },
      },
      async () => {
        const file = path.join(ctx.workspace.drift, 'latest.json');
        if (!existsSync(file)) {
          throw new ClairscoreError('CS_ERR_NO_DRIFT_REPORT', 'No drift report yet: run `clairscore drift`.');
        }
        return JSON.parse(readFileSync(file, 'utf8')) as unknown;
      },
    );

    app.get(
      '/audit',
      {
        onRequest: requireRole(app, 'admin'),
        schema: {
          tags: ['audit'],
          summary: 'Audit entries, newest first, filtered by client, user, action and time (admin)',
          querystring: AuditQuery,
          response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema) }), ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ entries: await ctx.audit.query(request.query) }),
    );

    app.get(
      '/experiments',
      {
        onRequest: staff,
        schema: {
          tags: ['experiments'],
          summary: 'Tracked experiments (MLflow layout)',
          response: { 200: Type.Object({ experiments: Type.Array(Type.Unknown()) }), ...errors(401, 403) },
        },
      },
      async () => ({ experiments: await tracking.listExperiments() }),
    );

    app.get(
      '/experiments/:id/runs',
      {
        onRequest: staff,
        schema: {
          tags: ['experiments'],
          summary: "An experiment's runs and trials with their parameters and metrics",
          params: ExperimentId,
          response: { 200: Type.Object({ runs: Type.Array(Type.Unknown()) }), ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        await tracking.getExperiment(request.params.id);
        return { runs: await tracking.listRuns(request.params.id) };
      },
    );
  };
}
