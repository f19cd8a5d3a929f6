import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
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
 * The body is read through a pass-through stream that the timer fails, so the answer goes through
 * the normal error path.
 */
export function registerBodyTimeout(app: FastifyInstance, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  app.addHook("preParsing", (request, reply, payload, done) => {
    if (!hasBody(request.raw)) {
      done(null, payload);
      return;
    }
    const guarded = new PassThrough();
    // The body parser may stop listening first (a body over the limit); never let the timer's
    // error go unheard.
    guarded.on("error", () => undefined);
    const timer = setTimeout(() => {
      payload.unpipe(guarded);
      guarded.destroy(
        new ApiError(
          408,
          "request_timeout",
          `The request body did not arrive within ${timeoutMs} ms; send it again`,
          { headers: { connection: "close" } },
        ),
      );
    }, timeoutMs);
    const stop = () => clearTimeout(timer);
    payload.once("end", stop);
    payload.once("close", stop);
    guarded.once("close", stop);
    reply.raw.once("close", stop);
    payload.pipe(guarded);
    done(null, guarded);
  });
}
