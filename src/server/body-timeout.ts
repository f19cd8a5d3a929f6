import type { IncomingMessage } from "node:http";
import type { FastifyInstance } from "fastify";
import { ApiError } from "./errors.ts";

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return (
    request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0")
  );
}

/**
 * A request whose body has not fully arrived `timeoutMs` after its headers is answered 408 with
 * `Connection: close`. Node's own request timeout is off under Fastify, so without this a client
 * trickling a body holds its socket, and on shutdown the drain, until the shutdown timeout.
 * The timer hands the body reader the 408 as a stream error, so the answer goes through the
 * normal error path. (The request stream itself is not destroyed: that would close the socket
 * before the answer. A pass-through stream the timer could fail instead cost about a third of a
 * bare JSON echo's CPU per request.)
 */
export function registerBodyTimeout(app: FastifyInstance, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  app.addHook("preParsing", (request, reply, payload, done) => {
    if (!hasBody(request.raw)) {
      done(null, payload);
      return;
    }
    const timer = setTimeout(() => {
      // Only while a reader listens: Fastify's body reader stops listening once it has refused
      // the body (over the limit), and a stream error nobody listens to would be thrown.
      if (payload.listenerCount("error") === 0) return;
      payload.emit(
        "error",
        new ApiError(
          408,
          "request_timeout",
          `The request body did not arrive within ${timeoutMs} ms; send it again`,
          { headers: { connection: "close" } },
        ),
      );
    }, timeoutMs);
    // Bound, not a named arrow: under tsx (keepNames) a named closure costs a defineProperty
    // per request.
    const stop = clearTimeout.bind(null, timer);
    payload.once("end", stop);
    payload.once("close", stop);
    reply.raw.once("close", stop);
    done(null, payload);
  });
}
