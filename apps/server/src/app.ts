import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { sql } from 'kysely';
import type { Database } from './platform/db/database.js';
import { frameworkErrors, installErrorHandler } from './platform/http/error-handler.js';
import { installAccess } from './platform/http/access-hook.js';
import { lazyValidators } from './platform/http/lazy-validation.js';
import { ErrorSchema } from './platform/http/schemas.js';
import type { RegisteredRoute } from './platform/http/types.js';
import { authService } from './platform/auth/service.js';
import { authRoutes } from './platform/auth/routes.js';
import { identityService } from './platform/identity/service.js';
import { identityRoutes } from './platform/identity/routes.js';
import { auditService } from './platform/audit/service.js';
import { auditRoutes } from './platform/audit/routes.js';
import { metaRoutes } from './platform/http/meta-routes.js';
import { planService } from './modules/plan/service.js';
import { planRoutes } from './modules/plan/routes.js';
import { fileRoutes, fileService, MAX_FILE_BYTES } from './platform/files/files.js';
import { supervisionRoutes, supervisionServices } from './modules/supervision/index.js';
import { industryRoutes, industryServices } from './modules/industry/index.js';
import { pilotRoutes, pilotServices } from './modules/pilot/index.js';
import { talentRoutes, talentServices } from './modules/talent/index.js';
import { innovationRoutes, innovationServices } from './modules/innovation/index.js';
import { ipRoutes, ipServices } from './modules/ip/index.js';
import { challengeRoutes, challengeServices } from './modules/challenges/index.js';
import { strainRoutes, strainServices } from './modules/strains/index.js';
import { safetyRoutes, safetyServices } from './modules/safety/index.js';
import { factoryRoutes, factoryServices } from './modules/factory/index.js';
import type { Mailer } from './modules/supervision/notifications.js';
import type { Config } from './config.js';
import { noSuchResource, sendProblem } from './modules/factory/epcis.problems.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export type AppOptions = Pick<Config, 'sessionTtlHours' | 'secureCookies' | 'bodyLimitBytes'> & {
  database: Database;
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** The clock use cases read; tests set it to put "today" where they need it. */
  now?: () => Date;
  mailer?: Mailer;
};

/** Routes of libraries we mount (the API docs), which cannot declare a rule themselves: public by this list. */
const LIBRARY_PUBLIC_PREFIXES = ['/api/docs'];

/** Builds the whole application without listening, so that tests use inject(). */
export async function buildApp(options: AppOptions) {
  const app: FastifyInstance = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    schemaController: { compilersFactory: { buildValidator: lazyValidators().buildValidator as never } },
    trustProxy: process.env.TRUST_PROXY === 'true',
    frameworkErrors,
  });
  app.decorate('database', options.database);

  const plan = planService(options.database);
  const files = fileService(options.database);
  const services = {
    auth: authService(options.database, { sessionTtlHours: options.sessionTtlHours }),
    identity: identityService(options.database),
    audit: auditService(options.database),
    plan,
    files,
    supervision: supervisionServices(options.database, { plan, files, now: options.now, mailer: options.mailer }),
    industry: industryServices(options.database, { plan, now: options.now }),
    pilot: pilotServices(options.database, { plan, files, now: options.now }),
    talent: talentServices(options.database, { plan, files, now: options.now }),
    innovation: innovationServices(options.database, { plan, files, now: options.now }),
    ip: ipServices(options.database, { plan, files, now: options.now }),
    challenges: challengeServices(options.database, { plan, files, now: options.now }),
    strains: strainServices(options.database, { plan, files, now: options.now }),
    safety: safetyServices(options.database, { plan, files, now: options.now }),
    factory: factoryServices(options.database, { plan, files, now: options.now }),
  };
  const routes: RegisteredRoute[] = [];

  app.addHook('onRoute', (opts) => {
    if (!opts.config?.access && LIBRARY_PUBLIC_PREFIXES.some((p) => opts.url.startsWith(p)))
      opts.config = { ...opts.config, access: { allow: 'public' } };
  });
  installErrorHandler(app);
  // The cookie parser's hook must run before the access hook that reads the session cookie.
  await app.register(cookie);
  installAccess(app, services.auth, routes);
  app.addSchema(ErrorSchema);

  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cq-biomfg API',
        description: '重庆市生物制造产业行动计划运行平台 API · API of the platform that runs Chongqing\'s biomanufacturing action plan. ' +
          'People sign in with a session cookie and send X-CSRF-Token on writes; machines use `Authorization: Bearer <token>` with scopes.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cqb_sid' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', { config: { access: { allow: 'public' } }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: { allow: 'public' } }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(options.database.db);
      return { status: 'ready', database: options.database.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: options.database.dialect });
    }
  });

  await app.register(authRoutes, { auth: services.auth, secureCookies: options.secureCookies });
  await app.register(identityRoutes, { identity: services.identity });
  await app.register(auditRoutes, { audit: services.audit });
  await app.register(metaRoutes);
  await app.register(planRoutes, { plan: services.plan });
  await app.register(fileRoutes, { files: services.files });
  await app.register(supervisionRoutes, services.supervision);
  await app.register(industryRoutes, services.industry);
  await app.register(pilotRoutes, services.pilot);
  await app.register(talentRoutes, services.talent);
  await app.register(innovationRoutes, services.innovation);
  await app.register(ipRoutes, services.ip);
  await app.register(challengeRoutes, services.challenges);
  await app.register(strainRoutes, services.strains);
  await app.register(safetyRoutes, services.safety);
  await app.register(factoryRoutes, services.factory);

  const webDir = options.webDir;
  if (webDir && existsSync(webDir + 'index.html')) {
    // The built web app is public: its files are registered in a scope of their own whose
    // routes all carry the public rule.
    await app.register(async (web) => {
      web.addHook('onRoute', (opts) => {
        opts.config = { ...opts.config, access: { allow: 'public' } };
        opts.schema = { ...opts.schema, hide: true };
      });
      await web.register(fastifyStatic, {
        root: webDir,
        wildcard: false,
        setHeaders: (res, path) => {
          if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
        },
      });
      // The single-page app answers every other GET that is not an API path.
      web.get('/*', (req, reply) => {
        if (req.url.startsWith('/api/')) return reply.callNotFound();
        // Under /epcis a path the binding does not serve is the binding's problem document, not a page.
        const path = req.url.split('?')[0];
        if (path === '/epcis' || path.startsWith('/epcis/')) return sendProblem(reply, noSuchResource(`没有此资源：${path}`, `No such resource: ${path}`).problem);
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      });
    });
  }

  return { app, services, routes };
}
