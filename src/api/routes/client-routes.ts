import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { AGE_BANDS, INCOME_BANDS } from '../../explain/index.js';
import { ClairscoreError } from '../../core/index.js';
import { applicationFromDatabase } from '../../features/index.js';
import type { FeatureOrigin } from '../../features/index.js';
import { recordAudit } from '../audit/record.js';
import { assertCanRead, requireRole, sessionOf } from '../auth/session.js';
import { clientInfo } from '../clients/client-info.js';
import { searchClients } from '../clients/search.js';
import type { ApiContext } from '../context.js';
import { ClientIdParams, errors, Lang } from '../schemas/common.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
/** Free-text filters are bound parameters; the length bound keeps them to sensible sizes. */
const Level = Type.String({ minLength: 1, maxLength: 100 });
const ORIGINS: readonly FeatureOrigin[] = [
  'application',
  'bureau',
  'previous',
  'pos_cash',
  'installments',
  'credit_card',
  'combined',
];
const Origin = literals(ORIGINS);

const SearchQuery = Type.Object(
  {
    prefix: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,9}$', description: 'leading digits of SK_ID_CURR' }),
    ),
    set: Type.Optional(literals(['train', 'test'] as const)),
    gender: Type.Optional(Level),
    ageBand: Type.Optional(literals(AGE_BANDS)),
    incomeBand: Type.Optional(literals(INCOME_BANDS)),
    contractType: Type.Optional(Level),
    familyStatus: Type.Optional(Level),
    education: Type.Optional(Level),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
  },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const ClientSummary = Type.Object({
  clientId: Type.Integer(),
  set: literals(['train', 'test'] as const),
  gender: Nullable(Type.String()),
  age: Nullable(Type.Integer()),
  contractType: Nullable(Type.String()),
  income: Nullable(Type.Number()),
  credit: Nullable(Type.Number()),
  familyStatus: Nullable(Type.String()),
  education: Nullable(Type.String()),
});

const InfoQuery = Type.Object(
  { lang: Type.Optional(Lang), origin: Type.Optional(Origin) },
  { additionalProperties: false },
);
const ClientInfoSchema = Type.Object({
  clientId: Type.Integer(),
  set: literals(['train', 'test'] as const),
  target: Nullable(Type.Union([Type.Literal(0), Type.Literal(1)])),
  lang: Lang,
  fields: Type.Array(
    Type.Object({
      name: Type.String(),
      origin: Type.String(),
      label: Type.String(),
      description: Type.String(),
      value: Nullable(Type.Number()),
      formatted: Type.String(),
      actionable: Type.Boolean(),
      sensitive: Type.Boolean(),
    }),
  ),
});

/** Client search (advisors) and one client's descriptive information (a client: their own only). */
export function clientRoutes(ctx: ApiContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/clients',
      {
        onRequest: requireRole(app, 'advisor', 'admin'),
        schema: {
          tags: ['clients'],
          summary: 'Search clients by id prefix, with filters and paging (advisor, admin)',
          querystring: SearchQuery,
          response: {
            200: Type.Object({
              total: Type.Integer(),
              limit: Type.Integer(),
              offset: Type.Integer(),
              items: Type.Array(ClientSummary),
            }),
            ...errors(400, 401, 403, 503),
          },
        },
      },
      async (request) => {
        const query = request.query;
        const result = await ctx.state.useDatabase((db) => searchClients(db, query));
        return { ...result, limit: query.limit, offset: query.offset };
      },
    );

    app.get(
      '/clients/:id',
      {
        onRequest: requireRole(app, 'advisor', 'client', 'admin'),
        schema: {
          tags: ['clients'],
          summary: "A client's information: readable labels and formatted values, in French or English",
          params: ClientIdParams,
          querystring: InfoQuery,
          response: { 200: ClientInfoSchema, ...errors(400, 401, 403, 404, 503) },
        },
      },
      async (request) => {
        const user = sessionOf(request);
        const { id } = request.params;
        assertCanRead(user, id);
        const values = await ctx.scorer.storedValues(id);
        const lang = request.query.lang ?? 'en';
        const origin = request.query.origin;
        const info = await ctx.state.useEngine((engine) =>
          clientInfo(engine.schema, id, values, lang, origin ? [origin] : undefined),
        );
        recordAudit(ctx.audit, user, 'view-client', {
          clientId: id,
          modelVersion: ctx.state.models.current?.version ?? null,
        });
        return { ...info, fields: [...info.fields] };
      },
    );

    app.get(
      '/clients/:id/application',
      {
        onRequest: requireRole(app, 'advisor', 'client', 'admin'),
        schema: {
          tags: ['clients'],
          summary:
            "A stored client's application in the JSON shape POST /api/score takes (to start a what-if)",
          params: ClientIdParams,
          response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errors(400, 401, 403, 404, 503) },
        },
      },
      async (request) => {
        const user = sessionOf(request);
        const { id } = request.params;
        assertCanRead(user, id);
        const application = await ctx.state.useDatabase((db) =>
          db.withConnection((connection) => applicationFromDatabase(connection, id)),
        );
        if (!application)
          throw new ClairscoreError('CS_ERR_UNKNOWN_CLIENT', `No client with SK_ID_CURR ${id}.`, { id });
        recordAudit(ctx.audit, user, 'view-client', {
          clientId: id,
          modelVersion: ctx.state.models.current?.version ?? null,
        });
        return application;
      },
    );
  };
}
