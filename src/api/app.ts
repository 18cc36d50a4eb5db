import { existsSync } from 'node:fs';
import path from 'node:path';

import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';

import type { Workspace } from '../core/index.js';
import { errorBody, installErrorHandling } from './api-errors.js';
import { AuditLog } from './audit/audit-log.js';
import { AccountStore } from './auth/account-store.js';
import { registerSessions } from './auth/session.js';
import type { ApiContext } from './context.js';
import { loggerOptions, OneLinePerRequest, type LoggerSetting } from './ops/logging.js';
import { Metrics } from './ops/metrics.js';
import { installSecurityHeaders } from './ops/security-headers.js';
import { installNotFound, serveDashboard } from './ops/static-web.js';
import { accountRoutes } from './routes/account-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { compareRoutes } from './routes/compare-routes.js';
import { clientRoutes } from './routes/client-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { modelRoutes } from './routes/model-routes.js';
import { opsRoutes } from './routes/ops-routes.js';
import { scoreRoutes } from './routes/score-routes.js';
import { ErrorBody } from './schemas/common.js';
import { Scorer } from './scoring/scorer.js';
import { ScoredLog } from './scoring/scored-log.js';
import { ServiceState } from './state/service-state.js';
import { validatorCompiler } from './validator.js';

export interface AppOptions {
  readonly workspace: Workspace;
  /** Structured logs (pino); false in tests. */
  /** Memory for the stored clients' precomputed answers (default 768 MiB; 0: none). */
  readonly precomputeBytes?: number;
  readonly logger?: LoggerSetting;
  /** How often the champion pointer, database and feature schema are checked (ms; 0: never). */
  readonly pollMs?: number;
  /** Log-in attempts per address per minute. */
  readonly loginAttemptsPerMinute?: number;
  /** Mark cookies Secure (TLS or an HTTPS proxy in front). */
  readonly secureCookies?: boolean;
  /** The built dashboard (web/dist), served when it exists. */
  readonly webDist?: string;
  /** Serve HTTPS with this certificate and key (PEM). */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
}

export type App = FastifyInstance & { readonly context: ApiContext };

/**
 * The scoring service as a Fastify instance, not listening: tests call inject(), the CLI
 * calls listen(). Loads the champion, the database and the feature engine before returning.
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const { workspace } = options;
  const serverOptions: FastifyServerOptions = {
    logger: loggerOptions(options.logger ?? false),
    logController: new OneLinePerRequest(),
    bodyLimit: 256 * 1024,
    trustProxy: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { removeAdditional: false } },
  };
  // Fastify's typings pick the server type from `https`; the instance is used the same way
  const base = options.tls
    ? (Fastify({
        ...serverOptions,
        https: { cert: options.tls.cert, key: options.tls.key },
      } as FastifyServerOptions) as unknown as FastifyInstance)
    : Fastify(serverOptions);
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // JSON only: text/plain is a content type a cross-site form may send without a preflight
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app);
  app.addSchema(ErrorBody);

  const state = new ServiceState(workspace, app.log);
  const context: ApiContext = {
    workspace,
    state,
    scorer: new Scorer(state, options.precomputeBytes, (error) =>
      app.log.error({ err: error.message }, 'precomputing stored scores failed: scored on request'),
    ),
    accounts: AccountStore.open(workspace),
    audit: AuditLog.open(workspace),
    scored: ScoredLog.open(workspace),
    metrics: new Metrics(),
  };
  context.metrics.install(app);
  context.metrics.precomputedScores = () => context.scorer.precomputedCount;

  installSecurityHeaders(app, {
    // the docs page (swagger-ui) and the dashboard load their own scripts and styles only
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...errorBody('CS_ERR_RATE_LIMITED', `Too many attempts: retry in ${Math.ceil(context.ttl / 1000)} s.`),
    }),
  });
  await registerSessions(app, {
    workspace,
    accounts: context.accounts,
    secureCookies: options.secureCookies ?? false,
  });
  await app.register(fastifySwagger, {
    // shared schemas keep their $id as their name in components ("Error", not "def-0")
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Clairscore API',
        version: '1.0.0',
        description:
          'Transparent credit scoring: calibrated probability of default, decision, explanations (SHAP contributions on the log-odds scale), comparisons, what-if. Log in with POST /api/login.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'clairscore_session' },
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes(context));
      await api.register(
        authRoutes(context, { max: options.loginAttemptsPerMinute ?? 10, timeWindow: 60_000 }),
      );
      await api.register(accountRoutes(context));
      await api.register(modelRoutes(context));
      await api.register(clientRoutes(context));
      await api.register(scoreRoutes(context));
      await api.register(compareRoutes(context));
      await api.register(opsRoutes(context));
    },
    { prefix: '/api' },
  );

  const webDist = options.webDist ?? path.resolve('web', 'dist');
  if (existsSync(path.join(webDist, 'index.html'))) await serveDashboard(app, webDist);
  else installNotFound(app, false);

  // At shutdown, answers to requests still in flight close their connection: a kept-alive
  // socket would otherwise hold close() for Fastify's 72 s keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onClose', async () => {
    context.scorer.close();
    state.close();
  });
  await state.start(options.pollMs ?? 1000);
  return Object.assign(app, { context }) as unknown as App;
}
