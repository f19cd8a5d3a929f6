import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { serverSettingsSchema } from "../config/schema.ts";
import { type AccessSettings, accessFromEnv, registerAuth } from "./auth.ts";
import { registerBodyTimeout } from "./body-timeout.ts";
import { ConnectionDrain } from "./connection-drain.ts";
import {
  ApiError,
  clientErrorHandler,
  registerErrorHandling,
  sendApiError,
  toApiError,
} from "./errors.ts";
import { registerHttpTracing } from "./http-tracing.ts";
import { inspectorRoutes } from "./inspector/routes.ts";
import { Lifecycle } from "./lifecycle.ts";
import { ServerMetrics } from "./metrics.ts";
import { registerOpenApi } from "./openapi.ts";
import { serverOwnedSettings } from "./posted-domain.ts";
import { PostedDomainParser } from "./posted-domain-parser.ts";
import { RequestLogController } from "./request-log.ts";
import { RequestTracker } from "./request-tracker.ts";
import { compatChatRoutes } from "./routes/compat-chat.ts";
import { compatProbeRoutes } from "./routes/compat-probes.ts";
import { compatStateRoutes } from "./routes/compat-state.ts";
import { configRoutes } from "./routes/config.ts";
import { conversationRoutes } from "./routes/conversation.ts";
import { healthRoutes } from "./routes/health.ts";
import { messageRoutes } from "./routes/message.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { versionRoutes } from "./routes/version.ts";
import type { RuntimeFactory } from "./runtime.ts";
import { RuntimeHolder } from "./runtime-holder.ts";
import {
  type EnvironmentDefaults,
  environmentDefaults,
  type LifecycleSettings,
  lifecycleSettings,
  resourceCloseTimeout,
  type SettingsOverrides,
} from "./settings.ts";
import { MAX_USER_ID_LENGTH } from "./user-id.ts";
import { readVersion } from "./version.ts";

export interface SoniAppOptions {
  logger: Logger;
  createRuntime: RuntimeFactory;
  /** Settings from flags or environment, winning over the domain's `settings.server`. */
  overrides?: SettingsOverrides;
  /** The startup domain (its body limit applies for the server's lifetime), if any. */
  domain?: LoadedDomain | null;
  /** Directory a POSTed domain's relative paths resolve against when there is no startup domain. */
  configBaseDir: string;
  /**
   * Handler modules (absolute paths) of every runtime, posted domains included; default: the
   * startup domain's settings.handlers.
   */
  handlerModules?: string[];
  /** Defaults to the process environment (SONI_API_KEY, SONI_ADMIN_TOKEN). */
  access?: AccessSettings;
  /** Defaults that depend on the environment; default: from NODE_ENV. */
  defaults?: EnvironmentDefaults;
  /** `--inspector` / `--no-inspector`; wins over the startup domain's `settings.server.inspector`. */
  inspector?: boolean | undefined;
}

export interface SoniApp {
  app: FastifyInstance;
  holder: RuntimeHolder;
  tracker: RequestTracker;
  lifecycle: Lifecycle;
  /** Validates POSTed domains on a worker thread; stopped by the shutdown sequence. */
  parser: PostedDomainParser;
  /** The Prometheus metrics, unless `settings.server.metrics` is false. */
  metrics: ServerMetrics | null;
  /** Whether GET /inspector is served (decided at startup). */
  inspector: boolean;
  /** Settings in effect now (they follow the serving domain after a POST /config). */
  settings(): LifecycleSettings;
  /** Creates and initializes a runtime for `domain`, then swaps it in. */
  install(domain: LoadedDomain): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's X-Request-Id when it is safe to log, else a fresh one. */
function requestId(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The Fastify instance with every route, hook and the shutdown lifecycle; not listening yet. */
export function buildApp(options: SoniAppOptions): SoniApp {
  const { logger } = options;
  const overrides = options.overrides ?? {};
  const defaults = options.defaults ?? environmentDefaults(process.env);
  let holder: RuntimeHolder | null = null;
  const settings = () =>
    lifecycleSettings(holder?.domain ?? options.domain ?? null, overrides, defaults);
  holder = new RuntimeHolder(logger.child({ component: "runtime-holder" }), settings);
  // The HTTP server's limits are fixed when it is created: the startup domain's apply.
  const startup = lifecycleSettings(options.domain ?? null, overrides, defaults);

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: startup.bodyLimitBytes,
    // Node checks the headers timeout every `connectionsCheckingInterval` (30 s by default).
    http: { headersTimeout: startup.headersTimeoutMs, connectionsCheckingInterval: 1_000 },
    // Fastify's default (100) answered 414 to valid 128-character ids on /state and /reset; with
    // headroom, a slightly too long id gets the schema's clear 400 instead.
    routerOptions: { maxParamLength: MAX_USER_ID_LENGTH * 8 },
    // Our drain hooks answer instead, in the API's error format and keeping the probes up.
    return503OnClosing: false,
    forceCloseConnections: "idle",
    requestIdHeader: false,
    genReqId: requestId,
    logController: new RequestLogController({ requestIdLogLabel: "request_id" }),
    clientErrorHandler,
    // Malformed URLs are refused before routing; answer them in the API's format too.
    frameworkErrors: (error, request, reply) => {
      const apiError = toApiError(error) ?? new ApiError(400, "bad_request", error.message);
      request.log.info({ code: apiError.code }, apiError.message);
      sendApiError(reply, apiError);
    },
  });

  // Startup choices, like the body limit: a domain POSTed later does not add or remove routes.
  const startupServer = options.domain?.domain.settings.server ?? serverSettingsSchema.parse({});
  const metrics = startupServer.metrics
    ? new ServerMetrics(() => holder.status === "shutting_down")
    : null;

  // First, so that requests refused by the hooks below are traced and counted too.
  registerHttpTracing(app);
  if (metrics) {
    app.addHook("onResponse", (request, reply, done) => {
      metrics.httpResponse(request.routeOptions.url, reply.statusCode);
      done();
    });
  }
  const tracker = new RequestTracker();
  tracker.register(app);
  const connections = new ConnectionDrain();
  connections.attach(app.server);
  registerAuth(app, options.access ?? accessFromEnv(process.env));
  registerBodyTimeout(app, startup.bodyTimeoutMs);
  registerErrorHandling(app);
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    done(null, payload);
  });

  const version = readVersion();
  const install = async (domain: LoadedDomain) => {
    const { cleanupTimeoutMs } = lifecycleSettings(domain, overrides, defaults);
    await holder.install(domain, (generation) =>
      options.createRuntime(domain, {
        logger: logger.child({ generation }),
        resourceCloseTimeoutMs: resourceCloseTimeout(cleanupTimeoutMs),
        ...(metrics ? { observer: metrics } : {}),
      }),
    );
  };

  // Every route declares its zod schemas (see docs/http-api.md); the document is built from them.
  registerOpenApi(app, { version: version.version, enabled: startupServer.api_docs });
  app.register(healthRoutes, { holder, version: version.version });
  app.register(versionRoutes, { version });
  app.register(messageRoutes, { holder });
  app.register(conversationRoutes, { holder });
  const parser = new PostedDomainParser({ logger: logger.child({ component: "config-parser" }) });
  const owned = serverOwnedSettings(
    options.domain ?? null,
    options.configBaseDir,
    options.handlerModules,
  );
  app.register(configRoutes, { parser, owned, install });
  if (metrics) app.register(metricsRoutes, { metrics });
  // The original Soni (Python) server's routes, for its existing clients.
  app.register(compatChatRoutes, { holder });
  app.register(compatStateRoutes, { holder });
  app.register(compatProbeRoutes, { holder });

  // A development tool: on unless production, unless the flag or the domain says otherwise.
  const inspector =
    options.inspector ?? options.domain?.domain.settings.server.inspector ?? defaults.inspector;
  if (inspector) app.register(inspectorRoutes, { holder });

  const lifecycle = new Lifecycle({ app, holder, tracker, connections, parser, logger, settings });
  return { app, holder, tracker, lifecycle, parser, metrics, inspector, settings, install };
}
