import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { ClairscoreError } from '../../core/index.js';
import { findCounterfactual } from '../../explain/index.js';
import { recordAudit, recordAuditSoon } from '../audit/record.js';
import { assertCanRead, requireRole, sessionOf } from '../auth/session.js';
import type { ApiContext } from '../context.js';
import { answerJson, type StoredAnswer } from '../scoring/precomputed-scores.js';
import type { ModelScore } from '../scoring/scorer.js';
import { ClientIdParams, errors } from '../schemas/common.js';
import { FinalDecisionSchema, ScoreSchema, type FinalDecision, type ScoreBody } from '../schemas/score.js';

/**
 * The application body is checked by the feature pipeline's own validation (its TypeBox
 * schema and domain checks, one 400 listing every problem); the route schema only says it is
 * a JSON object, so OpenAPI points at it without copying 122 columns.
 */
const ApplicationBody = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'one application: application_train fields, optional history arrays (see the feature dictionary)',
  },
);

const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('refuse')]),
    reason: Type.String({ minLength: 3, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

/** Whether an Accept-Encoding header admits gzip (absent, or q=0, does not). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    return !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/** Scores, what-if, counterfactuals and the advisor's final decision on review-band files. */
export function scoreRoutes(ctx: ApiContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const anyone = requireRole(app, 'advisor', 'client', 'admin');
    const advisors = requireRole(app, 'advisor', 'admin');
    const finalDecision = (clientId: number): FinalDecision | null => {
      const entry = ctx.audit.review(clientId);
      if (!entry || (entry.decision !== 'accept' && entry.decision !== 'refuse')) return null;
      return {
        decision: entry.decision,
        reason: entry.reason ?? '',
        by: entry.user,
        at: entry.at,
        modelVersion: entry.modelVersion,
      };
    };
    // A stored client's score is cached; its JSON is written once (the explanation is ~25 kB)
    // and the advisor's final decision appended, instead of serialising it at every request.
    const serialised = new WeakMap<ModelScore, string>();
    const body = (score: ModelScore, final: FinalDecision | null): ScoreBody => {
      let json = serialised.get(score);
      if (json === undefined) {
        json = JSON.stringify(score);
        serialised.set(score, json);
      }
      return `${json.slice(0, -1)},"finalDecision":${JSON.stringify(final)}}` as unknown as ScoreBody;
    };

    app.get(
      '/clients/:id/score',
      {
        onRequest: anyone,
        schema: {
          tags: ['scoring'],
          summary:
            "A stored client's calibrated probability, decision and explanation (a client: their own only)",
          params: ClientIdParams,
          response: { 200: ScoreSchema, ...errors(400, 401, 403, 404, 409, 503) },
        },
      },
      async (request, reply) => {
        const user = sessionOf(request);
        const { id } = request.params;
        assertCanRead(user, id);
        reply.header('vary', 'Accept-Encoding');
        // precomputed or scored now, the view is counted and audited alike, then answered
        const audited = async (facts: Omit<StoredAnswer, 'gzip'>) => {
          reply.type('application/json; charset=utf-8');
          ctx.metrics.recordScore(facts.decision, 'stored');
          await recordAuditSoon(ctx.audit, user, 'score-client', {
            clientId: id,
            modelVersion: facts.modelVersion,
            decision: facts.decision,
            probability: facts.probability,
          });
          return finalDecision(id);
        };
        const answer = ctx.scorer.answer(id);
        if (answer) {
          const final = await audited(answer);
          // the precomputed gzip goes out as is when the caller takes gzip (browsers do)
          if (final === null && acceptsGzip(request.headers['accept-encoding'])) {
            return reply.header('content-encoding', 'gzip').send(answer.gzip as unknown as ScoreBody);
          }
          return answerJson(answer, final) as unknown as ScoreBody;
        }
        const score = await ctx.scorer.stored(id);
        return body(score, await audited(score));
      },
    );

    app.post(
      '/score',
      {
        onRequest: anyone,
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags: ['scoring'],
          summary: 'Score a new or modified application sent as JSON (what-if); stored for drift',
          body: ApplicationBody,
          response: { 200: ScoreSchema, ...errors(400, 401, 403, 409, 413, 415, 503) },
        },
      },
      async (request, reply) => {
        const user = sessionOf(request);
        const id = (request.body as { SK_ID_CURR?: unknown }).SK_ID_CURR;
        if (user.role === 'client' && id !== user.clientId) {
          throw new ClairscoreError(
            'CS_ERR_FORBIDDEN',
            'A client account can only simulate its own application (its SK_ID_CURR).',
          );
        }
        const { score, application } = await ctx.scorer.application(request.body);
        reply.type('application/json; charset=utf-8');
        ctx.scored.append(score.modelVersion, score.probability, application);
        ctx.metrics.recordScore(score.decision, 'application');
        recordAudit(ctx.audit, user, 'score-application', {
          clientId: score.clientId,
          modelVersion: score.modelVersion,
          decision: score.decision,
          probability: score.probability,
        });
        return body(score, null);
      },
    );

    app.post(
      '/clients/:id/review',
      {
        onRequest: advisors,
        schema: {
          tags: ['scoring'],
          summary:
            "Record the advisor's final decision (accept or refuse, with a reason) on a file in the review band",
          params: ClientIdParams,
          body: ReviewBody,
          response: { 201: FinalDecisionSchema, ...errors(400, 401, 403, 404, 409, 415) },
        },
      },
      async (request, reply) => {
        const user = sessionOf(request);
        const { id } = request.params;
        const score = await ctx.scorer.stored(id);
        if (score.decision !== 'review') {
          throw new ClairscoreError(
            'CS_ERR_NOT_IN_REVIEW',
            `Client ${id} is ${score.decision} by model version ${score.modelVersion}, not in the review band: there is no decision to record.`,
          );
        }
        const entry = recordAudit(ctx.audit, user, 'review-decision', {
          clientId: id,
          modelVersion: score.modelVersion,
          decision: request.body.decision,
          probability: score.probability,
          reason: request.body.reason,
        });
        return reply.status(201).send({
          decision: request.body.decision,
          reason: request.body.reason,
          by: entry.user,
          at: entry.at,
          modelVersion: entry.modelVersion,
        });
      },
    );

    app.post(
      '/counterfactual',
      {
        onRequest: anyone,
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags: ['scoring'],
          summary:
            'For a refused or review application: the smallest change of amount, term or contribution that gets it accepted',
          body: ApplicationBody,
          response: { 200: Type.Unknown(), ...errors(400, 401, 403, 409, 413, 415, 503) },
        },
      },
      async (request) => {
        const user = sessionOf(request);
        const id = (request.body as { SK_ID_CURR?: unknown }).SK_ID_CURR;
        if (user.role === 'client' && id !== user.clientId) {
          throw new ClairscoreError(
            'CS_ERR_FORBIDDEN',
            'A client account can only simulate its own application (its SK_ID_CURR).',
          );
        }
        const { score } = await ctx.scorer.application(request.body); // the same validation and version checks as /score
        recordAudit(ctx.audit, user, 'score-application', {
          clientId: score.clientId,
          modelVersion: score.modelVersion,
          decision: score.decision,
          probability: score.probability,
          reason: 'counterfactual search',
        });
        return ctx.state.useModel((model) =>
          ctx.state.useEngine((engine) => findCounterfactual(engine, model, request.body)),
        );
      },
    );
  };
}
