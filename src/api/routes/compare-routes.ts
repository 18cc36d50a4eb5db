import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { ClairscoreError, isClairscoreError } from '../../core/index.js';
import { AGE_BANDS, INCOME_BANDS, type GroupFilter } from '../../explain/index.js';
import { recordAudit } from '../audit/record.js';
import { assertCanRead, requireRole, sessionOf, type SessionUser } from '../auth/session.js';
import type { ApiContext } from '../context.js';
import { ClientIdParams, errors } from '../schemas/common.js';

/** The smallest group a client account may see an aggregate of (PRODUCT.md item 10). */
export const CLIENT_MIN_GROUP = 20;

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Level = Type.String({ minLength: 1, maxLength: 100 });
const Feature = Type.String({
  pattern: '^[A-Za-z0-9_]{1,120}$',
  description: 'a feature name (see the dictionary)',
});
const filterFields = {
  gender: Type.Optional(Level),
  ageBand: Type.Optional(literals(AGE_BANDS)),
  incomeBand: Type.Optional(literals(INCOME_BANDS)),
  contractType: Type.Optional(Level),
  familyStatus: Type.Optional(Level),
  education: Type.Optional(Level),
};
type FilterFields = { [K in keyof GroupFilter]?: GroupFilter[K] };

const DistributionQuery = Type.Object(
  { feature: Feature, bins: Type.Optional(Type.Integer({ minimum: 2, maximum: 100 })), ...filterFields },
  { additionalProperties: false },
);
const BivariateQuery = Type.Object(
  {
    x: Feature,
    y: Feature,
    sampleSize: Type.Optional(Type.Integer({ minimum: 10, maximum: 10_000 })),
    ...filterFields,
  },
  { additionalProperties: false },
);
const ProfileQuery = Type.Object(filterFields, { additionalProperties: false });
const NeighboursQuery = Type.Object(
  { k: Type.Integer({ minimum: 1, maximum: 100, default: 10 }) },
  { additionalProperties: false },
);

/** The filter fields of a query, without the other keys; undefined when none is given. */
function filterOf(query: FilterFields): GroupFilter | undefined {
  const filter: Record<string, string> = {};
  for (const key of [
    'gender',
    'ageBand',
    'incomeBand',
    'contractType',
    'familyStatus',
    'education',
  ] as const) {
    const value = query[key];
    if (value !== undefined) filter[key] = value;
  }
  return Object.keys(filter).length > 0 ? (filter as GroupFilter) : undefined;
}

/** A client account sees aggregates of groups of at least CLIENT_MIN_GROUP people; staff see all. */
const minGroupFor = (user: SessionUser): number | undefined =>
  user.role === 'client' ? CLIENT_MIN_GROUP : undefined;

/** For a client, an empty group is just a group too small: the answer must not tell 0 from 19. */
async function forRole<T>(user: SessionUser, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (user.role === 'client' && isClairscoreError(error) && error.code === 'CS_ERR_EMPTY_GROUP') {
      throw new ClairscoreError(
        'CS_ERR_GROUP_TOO_SMALL',
        `This group holds fewer than ${CLIENT_MIN_GROUP} clients; only larger groups can be shown. Widen the filters.`,
        { minGroupSize: CLIENT_MIN_GROUP },
      );
    }
    throw error;
  }
}

/**
 * Comparison data for one client: distributions (all, a group, repaid vs defaulted) and a
 * profile radar for every role; a bivariate sample and nearest neighbours only for staff,
 * since they show other people's points.
 */
export function compareRoutes(ctx: ApiContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const anyone = requireRole(app, 'advisor', 'client', 'admin');
    const staff = requireRole(app, 'advisor', 'admin');
    // comparisons show the client's record: audited as views, with what was compared
    const audit = (user: SessionUser, clientId: number, kind: string): void => {
      recordAudit(ctx.audit, user, 'view-client', {
        clientId,
        modelVersion: ctx.state.models.current?.version ?? null,
        reason: `comparison: ${kind}`,
      });
    };

    app.get(
      '/compare/filters',
      {
        onRequest: anyone,
        schema: {
          tags: ['comparison'],
          summary: 'The values each group filter accepts',
          response: { 200: Type.Record(Type.String(), Type.Array(Type.String())), ...errors(401, 503) },
        },
      },
      async () =>
        ctx.state.useInsights((insights) => {
          const options = insights.comparison.filterOptions();
          return Object.fromEntries(Object.entries(options).map(([k, v]) => [k, [...v]]));
        }),
    );

    app.get(
      '/clients/:id/compare/distribution',
      {
        onRequest: anyone,
        schema: {
          tags: ['comparison'],
          summary:
            "A feature's distribution for all clients, a group, repaid vs defaulted, with the client's position",
          params: ClientIdParams,
          querystring: DistributionQuery,
          response: { 200: Type.Unknown(), ...errors(400, 401, 403, 404, 503) },
        },
      },
      async (request) => {
        const user = sessionOf(request);
        assertCanRead(user, request.params.id);
        audit(user, request.params.id, 'distribution');
        const { feature, bins } = request.query;
        const filter = filterOf(request.query);
        const minGroupSize = minGroupFor(user);
        return forRole(user, () =>
          ctx.state.useInsights((insights) =>
            insights.comparison.distribution({
              feature,
              client: { id: request.params.id },
              ...(bins === undefined ? {} : { bins }),
              ...(filter ? { filter } : {}),
              ...(minGroupSize === undefined ? {} : { minGroupSize }),
            }),
          ),
        );
      },
    );

    app.get(
      '/clients/:id/compare/profile',
      {
        onRequest: anyone,
        schema: {
          tags: ['comparison'],
          summary: "A radar: the client's percentile and the group's median on key features",
          params: ClientIdParams,
          querystring: ProfileQuery,
          response: { 200: Type.Unknown(), ...errors(400, 401, 403, 404, 503) },
        },
      },
      async (request) => {
        const user = sessionOf(request);
        assertCanRead(user, request.params.id);
        audit(user, request.params.id, 'profile');
        const filter = filterOf(request.query);
        const minGroupSize = minGroupFor(user);
        return forRole(user, () =>
          ctx.state.useInsights((insights) =>
            insights.comparison.profile({
              client: { id: request.params.id },
              ...(filter ? { filter } : {}),
              ...(minGroupSize === undefined ? {} : { minGroupSize }),
            }),
          ),
        );
      },
    );

    app.get(
      '/clients/:id/compare/bivariate',
      {
        onRequest: staff,
        schema: {
          tags: ['comparison'],
          summary: 'A sample of clients on two features, with this client marked (advisor, admin)',
          params: ClientIdParams,
          querystring: BivariateQuery,
          response: { 200: Type.Unknown(), ...errors(400, 401, 403, 404, 503) },
        },
      },
      async (request) => {
        const { x, y, sampleSize } = request.query;
        audit(sessionOf(request), request.params.id, 'bivariate');
        const filter = filterOf(request.query);
        return ctx.state.useInsights((insights) =>
          insights.comparison.bivariate({
            x,
            y,
            client: { id: request.params.id },
            ...(sampleSize === undefined ? {} : { sampleSize }),
            ...(filter ? { filter } : {}),
          }),
        );
      },
    );

    app.get(
      '/clients/:id/compare/neighbours',
      {
        onRequest: staff,
        schema: {
          tags: ['comparison'],
          summary:
            'The k most similar clients (standardised key features) with their outcomes (advisor, admin)',
          params: ClientIdParams,
          querystring: NeighboursQuery,
          response: {
            200: Type.Object({ neighbours: Type.Array(Type.Unknown()) }),
            ...errors(400, 401, 403, 404, 503),
          },
        },
      },
      async (request) => {
        await ctx.scorer.storedValues(request.params.id); // 404 for an unknown id
        audit(sessionOf(request), request.params.id, 'neighbours');
        return ctx.state.useInsights((insights) => ({
          neighbours: insights.neighbours.query({ id: request.params.id, k: request.query.k }),
        }));
      },
    );
  };
}
