import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { groupedImportance, modelPage } from '../../explain/index.js';
import { promote, readOof } from '../../registry/index.js';
import { recordAudit } from '../audit/record.js';
import { requireRole, sessionOf } from '../auth/session.js';
import type { ApiContext } from '../context.js';
import { errors } from '../schemas/common.js';

const ModelCardSchema = Type.Object(
  {
    version: Type.Integer(),
    name: Type.String(),
    kind: Type.String(),
    createdAt: Type.String(),
    featureVersion: Type.String(),
    features: Type.Array(Type.String()),
    metrics: Type.Record(Type.String(), Type.Number()),
    decision: Type.Object({
      threshold: Type.Number(),
      fnCost: Type.Number(),
      fpCost: Type.Number(),
      reviewBand: Type.Number(),
    }),
    trainingData: Type.Record(Type.String(), Type.Number()),
    rounds: Type.Integer(),
    classWeighting: Type.String(),
    includeSensitive: Type.Boolean(),
    runId: Type.Union([Type.String(), Type.Null()]),
    gitCommit: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'ModelCard', additionalProperties: true },
);

const PromoteBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    minAuc: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);

/** The champion's card, its page (curves, importance, fairness), and promotion (admins). */
export function modelRoutes(ctx: ApiContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/model',
      {
        onRequest: requireRole(app, 'advisor', 'client', 'admin'),
        schema: {
          tags: ['model'],
          summary: "The champion's model card: version, metrics, threshold, feature version",
          response: { 200: ModelCardSchema, ...errors(401, 503) },
        },
      },
      async () =>
        ctx.state.useModel(({ card }) => ({
          version: card.version,
          name: card.name,
          kind: card.kind,
          createdAt: card.createdAt,
          featureVersion: card.featureVersion,
          features: [...card.features],
          metrics: { ...card.metrics },
          decision: card.decision,
          trainingData: { ...card.trainingData },
          rounds: card.rounds,
          classWeighting: card.classWeighting,
          includeSensitive: card.includeSensitive,
          runId: card.runId,
          gitCommit: card.gitCommit,
        })),
    );

    app.get(
      '/model/importance',
      {
        onRequest: requireRole(app, 'advisor', 'client', 'admin'),
        schema: {
          tags: ['model'],
          summary: 'Global importance (total gain) grouped to readable features',
          response: {
            200: Type.Object({ modelVersion: Type.Integer(), groups: Type.Array(Type.Unknown()) }),
            ...errors(401, 503),
          },
        },
      },
      async () =>
        ctx.state.useModel((model) => ({
          modelVersion: model.version,
          groups: groupedImportance(model.card.features, model.importance()),
        })),
    );

    app.get(
      '/model/page',
      {
        onRequest: requireRole(app, 'advisor', 'admin'),
        schema: {
          tags: ['model'],
          summary:
            'ROC, PR, calibration and cost curves, confusion matrix at the threshold, importance, fairness',
          response: { 200: Type.Unknown(), ...errors(401, 403, 503) },
        },
      },
      async () =>
        ctx.state.useModel((model) =>
          ctx.state.useDatabase((db) =>
            modelPage(db, {
              card: model.card,
              oof: readOof(ctx.workspace, model.version),
              importance: model.importance(),
            }),
          ),
        ),
    );

    app.post(
      '/model/promote',
      {
        onRequest: requireRole(app, 'admin'),
        schema: {
          tags: ['model'],
          summary:
            'Make a registered version (the newest by default) the champion; the service switches within a second (admin)',
          body: PromoteBody,
          response: {
            200: Type.Object({
              version: Type.Integer(),
              replaced: Type.Union([Type.Integer(), Type.Null()]),
            }),
            ...errors(400, 401, 403, 404, 409, 415),
          },
        },
      },
      async (request) => {
        const promotion = promote(ctx.workspace, request.body);
        recordAudit(ctx.audit, sessionOf(request), 'model-promoted', {
          modelVersion: promotion.champion.version,
          reason: promotion.replaced === null ? null : `replaced version ${promotion.replaced}`,
        });
        await ctx.state.refresh();
        return { version: promotion.champion.version, replaced: promotion.replaced };
      },
    );
  };
}
