import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  ConversationBusyError,
  LeaseLostError,
  StoreUnavailableError,
  VersionConflictError,
} from "../persistence/errors.ts";
import {
  InvalidInputError,
  RuntimeClosedError,
  TurnConflictError,
} from "../runtime/runtime-loop.ts";
import { MAX_USER_ID_LENGTH } from "./user-id.ts";

/** Seconds a client should wait before retrying a 503. */
const RETRY_AFTER_SECONDS = { store: 5, starting: 2, shutting_down: 5 } as const;

/** An error with the HTTP answer it deserves: `{error: {code, message, details?}}`. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly options: { headers?: Record<string, string>; details?: string[] } = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: string[] };
}

export function errorBody(code: string, message: string, details?: string[]): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/** A 400 naming every field that is wrong, unknown or missing in `where` (body, path, ...). */
export function invalidInput(error: z.ZodError, where: string, allowed: readonly string[]) {
  const details = error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((key) => `'${key}'`).join(", ");
      return `${where} has unknown field(s) ${keys}; allowed: ${allowed.join(", ")}`;
    }
    const field = issue.path.length > 0 ? issue.path.join(".") : where;
    return `${field}: ${issue.message}`;
  });
  return new ApiError(400, "invalid_request", details.join("; "), { details });
}

export type UnavailableReason = "unconfigured" | "starting" | "shutting_down";

/** No runtime can take the request right now; the HTTP layer answers 503. */
export class RuntimeUnavailableError extends Error {
  override readonly name = "RuntimeUnavailableError";
  constructor(readonly reason: UnavailableReason) {
    super(`runtime unavailable: ${reason}`);
  }
}

export function unavailable(reason: UnavailableReason): ApiError {
  switch (reason) {
    case "unconfigured":
      return new ApiError(
        503,
        "not_configured",
        "No domain is loaded. Start the server with --config PATH (or SONI_CONFIG_PATH), or POST a domain (YAML or JSON) to /config.",
      );
    case "starting":
      return new ApiError(503, "starting", "The assistant is starting; retry shortly.", {
        headers: { "retry-after": String(RETRY_AFTER_SECONDS.starting) },
      });
    case "shutting_down":
      return new ApiError(
        503,
        "shutting_down",
        "The server is shutting down; retry on another instance.",
        {
          headers: {
            "retry-after": String(RETRY_AFTER_SECONDS.shutting_down),
            connection: "close",
          },
        },
      );
  }
}

/** Maps anything thrown while serving to its answer; null for a bug (500). */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof RuntimeUnavailableError) return unavailable(error.reason);
  if (error instanceof StoreUnavailableError) {
    return new ApiError(503, "store_unavailable", error.message, {
      headers: { "retry-after": String(RETRY_AFTER_SECONDS.store) },
    });
  }
  if (error instanceof ConversationBusyError) {
    return new ApiError(409, "conversation_busy", error.message, {
      headers: { "retry-after": String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))) },
    });
  }
  if (error instanceof VersionConflictError || error instanceof LeaseLostError) {
    return new ApiError(409, "conflict", `${error.message}; retry the request`);
  }
  if (error instanceof TurnConflictError) return new ApiError(409, "conflict", error.message);
  if (error instanceof InvalidInputError)
    return new ApiError(400, "invalid_request", error.message);
  // A runtime closes under a request only when shutdown abandoned it.
  if (error instanceof RuntimeClosedError) return unavailable("shutting_down");
  if (!(error instanceof Error)) return null;
  return fromFastifyError(error as FastifyError);
}

function fromFastifyError(error: FastifyError): ApiError | null {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new ApiError(413, "payload_too_large", `${error.message}; send a smaller body`);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ApiError(
        415,
        "unsupported_media_type",
        `${error.message}; send the body as application/json`,
      );
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new ApiError(
        400,
        "invalid_json",
        "The body is not valid JSON (or has a forbidden __proto__/constructor key); send a JSON object",
      );
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new ApiError(
        414,
        "uri_too_long",
        `A path segment of the URL is too long; user ids have at most ${MAX_USER_ID_LENGTH} characters`,
      );
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ApiError(
        400,
        "invalid_json",
        "The body is empty but content-type is application/json",
      );
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new ApiError(400, "invalid_json", `The body is not valid JSON: ${error.message}`);
  }
  const status = error.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new ApiError(status, "bad_request", error.message);
  }
  return null;
}

/**
 * Answers a request Node's HTTP parser refused before Fastify saw it (malformed request line,
 * body longer than its Content-Length, oversized headers, timeout) in the API's error format
 * instead of Fastify's default `{"error": "Bad Request", ...}`, then closes the socket.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, code, message] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "request_timeout", "The request took too long to arrive; send it again"]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "headers_too_large", "The request headers are too large; send smaller headers"]
        : [
            400,
            "bad_request",
            "The request is not valid HTTP (check the request line, headers and Content-Length)",
          ];
  if (socket.writable) {
    const body = JSON.stringify(errorBody(code, message));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  for (const [name, value] of Object.entries(error.options.headers ?? {})) {
    reply.header(name, value);
  }
  return reply
    .code(error.statusCode)
    .send(errorBody(error.code, error.message, error.options.details));
}

/** The answer to an error thrown while serving `request`, logged (a bug with its stack). */
export function answerFor(error: unknown, request: FastifyRequest): ApiError {
  const apiError = toApiError(error);
  if (apiError) {
    const level = apiError.statusCode >= 500 ? "warn" : "info";
    request.log[level]({ code: apiError.code, status: apiError.statusCode }, apiError.message);
    return apiError;
  }
  request.log.error({ err: error }, "Unhandled error while serving the request");
  return new ApiError(
    500,
    "internal_error",
    `Internal error (request id ${request.id}); see the server logs`,
  );
}

/** Route table for 405s: Fastify answers 404 to a known path with another method. */
interface KnownRoute {
  pattern: RegExp;
  methods: Set<string>;
}

function routePattern(url: string): RegExp {
  const escaped = url
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}/?$`);
}

/** Error handler, 404/405 handler and the route table behind them, installed on the root. */
export function registerErrorHandling(app: FastifyInstance): void {
  const routes = new Map<string, KnownRoute>();
  app.addHook("onRoute", (route) => {
    const known = routes.get(route.url) ?? { pattern: routePattern(route.url), methods: new Set() };
    for (const method of [route.method].flat()) known.methods.add(method);
    routes.set(route.url, known);
  });

  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) =>
    sendApiError(reply, answerFor(error, request)),
  );

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? request.url;
    const allowed = new Set<string>();
    for (const route of routes.values()) {
      if (route.pattern.test(path)) for (const method of route.methods) allowed.add(method);
    }
    if (allowed.size > 0) {
      const list = [...allowed].sort().join(", ");
      return sendApiError(
        reply,
        new ApiError(
          405,
          "method_not_allowed",
          `${request.method} is not allowed on ${path}; use ${list}`,
          {
            headers: { allow: list },
          },
        ),
      );
    }
    return sendApiError(
      reply,
      new ApiError(
        404,
        "not_found",
        `No route ${request.method} ${path}; see docs/http-api.md for the endpoints`,
      ),
    );
  });
}
