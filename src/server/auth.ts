import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import "./route-config.ts";
import { ApiError, sendApiError } from "./errors.ts";

export interface AccessSettings {
  /** SONI_API_KEY: when set, every route but the public ones needs it. */
  apiKey?: string | undefined;
  /** SONI_ADMIN_TOKEN: POST /config needs it (the API key is not enough); unset, it is disabled. */
  adminToken?: string | undefined;
  /** SONI_METRICS_TOKEN: when set, GET /metrics needs it; the API key never applies there. */
  metricsToken?: string | undefined;
}

export function accessFromEnv(env: NodeJS.ProcessEnv): AccessSettings {
  return {
    apiKey: env.SONI_API_KEY || undefined,
    adminToken: env.SONI_ADMIN_TOKEN || undefined,
    metricsToken: env.SONI_METRICS_TOKEN || undefined,
  };
}

/** Constant-time equality; hashing first makes the lengths equal, so length leaks nothing either. */
function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** The configured secrets' digests, made once: a server's secrets do not change. */
const expectedDigests = new Map<string, Buffer>();

function sameSecret(given: string, expected: string): boolean {
  let expectedDigest = expectedDigests.get(expected);
  if (!expectedDigest) {
    expectedDigest = digest(expected);
    expectedDigests.set(expected, expectedDigest);
  }
  return timingSafeEqual(digest(given), expectedDigest);
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function checkBearer(request: FastifyRequest, secret: string, what: string): ApiError | null {
  const token = bearer(request);
  if (token !== null && sameSecret(token, secret)) return null;
  const problem = token === null ? "is missing" : "is not valid";
  return new ApiError(
    401,
    "unauthorized",
    `${what} ${problem}: send 'Authorization: Bearer <token>'`,
    {
      headers: { "www-authenticate": 'Bearer realm="soni"' },
    },
  );
}

/** The credential check for one request, by its route's `access` (default `api`). */
export function checkAccess(request: FastifyRequest, settings: AccessSettings): ApiError | null {
  const access = request.routeOptions.config?.access ?? "api";
  if (access === "public") return null;
  if (access === "metrics") {
    // Scrapers inside a cluster carry no API key: /metrics has its own, optional, token.
    return settings.metricsToken
      ? checkBearer(request, settings.metricsToken, "The metrics token")
      : null;
  }
  if (access === "admin") {
    if (settings.adminToken) return checkBearer(request, settings.adminToken, "The admin token");
    // Replacing the domain is an administrator's act in every environment, development included.
    return new ApiError(
      403,
      "admin_disabled",
      "POST /config is disabled: start the server with SONI_ADMIN_TOKEN set to enable it, then send 'Authorization: Bearer <admin token>'",
    );
  }
  return settings.apiKey ? checkBearer(request, settings.apiKey, "The API key") : null;
}

export function registerAuth(app: FastifyInstance, settings: AccessSettings): void {
  app.addHook("onRequest", (request, reply, done) => {
    const denied = checkAccess(request, settings);
    if (denied) {
      request.log.info({ code: denied.code }, denied.message);
      sendApiError(reply, denied);
      return;
    }
    done();
  });
}
