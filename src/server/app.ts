import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { type AccessSettings, accessFromEnv, registerAuth } from "./auth.ts";
import { ConnectionDrain } from "./connection-drain.ts";
import {
  ApiError,
  clientErrorHandler,
  registerErrorHandling,
  sendApiError,
  toApiError,
} from "./errors.ts";
import { inspectorRoutes } from "./inspector/routes.ts";
import { Lifecycle } from "./lifecycle.ts";
import { RequestLogController } from "./request-log.ts";
import { RequestTracker } from "./request-tracker.ts";
import { configRoutes } from "./routes/config.ts";
import { conversationRoutes } from "./routes/conversation.ts";
import { healthRoutes } from "./routes/health.ts";
import { messageRoutes } from "./routes/message.ts";
import { versionRoutes } from "./routes/version.ts";
import type { RuntimeFactory } from "./runtime.ts";
import { RuntimeHolder } from "./runtime-holder.ts";
import {
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
  /** Directory relative module paths of a POSTed domain resolve against. */
  configBaseDir: string;
  /** Defaults to the process environment (SONI_API_KEY, SONI_ADMIN_TOKEN, NODE_ENV). */
  access?: AccessSettings;
  /** `--inspector` / `--no-inspector`; wins over the startup domain's `settings.server.inspector`. */
  inspector?: boolean | undefined;
}

export interface SoniApp {
  app: FastifyInstance;
  holder: RuntimeHolder;
  tracker: RequestTracker;
  lifecycle: Lifecycle;
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
  let holder: RuntimeHolder | null = null;
  const settings = () => lifecycleSettings(holder?.domain ?? options.domain ?? null, overrides);
  holder = new RuntimeHolder(logger.child({ component: "runtime-holder" }), settings);

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: lifecycleSettings(options.domain ?? null, overrides).bodyLimitBytes,
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

  const tracker = new RequestTracker();
  tracker.register(app);
  const connections = new ConnectionDrain();
  connections.attach(app.server);
  const access = options.access ?? accessFromEnv(process.env);
  registerAuth(app, access);
  registerErrorHandling(app);
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    done(null, payload);
  });

  const version = readVersion();
  const install = async (domain: LoadedDomain) => {
    const { cleanupTimeoutMs } = lifecycleSettings(domain, overrides);
    await holder.install(domain, (generation) =>
      options.createRuntime(domain, {
        logger: logger.child({ generation }),
        resourceCloseTimeoutMs: resourceCloseTimeout(cleanupTimeoutMs),
      }),
    );
  };

  app.register(healthRoutes, { holder, version: version.version });
  app.register(versionRoutes, { version });
  app.register(messageRoutes, { holder });
  app.register(conversationRoutes, { holder });
  app.register(configRoutes, { baseDir: options.configBaseDir, install });
  // A development tool: on unless production, unless the flag or the domain says otherwise.
  const inspector =
    options.inspector ?? options.domain?.domain.settings.server.inspector ?? !access.production;
  if (inspector) app.register(inspectorRoutes, { holder });

  const lifecycle = new Lifecycle({ app, holder, tracker, connections, logger, settings });
  return { app, holder, tracker, lifecycle, inspector, settings, install };
}
