import type { FastifyInstance, FastifyRequest } from "fastify";
import "./route-config.ts";
import { sendApiError, unavailable } from "./errors.ts";

/**
 * In-flight HTTP requests and the parts of a graceful drain Fastify's close lacks: once the drain
 * begins, responses carry `Connection: close` (so a keep-alive socket closes right after its last
 * response instead of idling until the keep-alive timeout), requests still arriving on open
 * connections get our 503, and requests outliving the shutdown timeout can be abandoned.
 */
export class RequestTracker {
  readonly #inFlight = new Set<FastifyRequest>();
  #draining = false;

  get inFlight(): number {
    return this.#inFlight.size;
  }

  get draining(): boolean {
    return this.#draining;
  }

  beginDrain(): void {
    this.#draining = true;
  }

  /** Destroys the sockets of the requests still running; returns how many there were. */
  abandon(): number {
    const count = this.#inFlight.size;
    for (const request of this.#inFlight) request.raw.socket?.destroy();
    this.#inFlight.clear();
    return count;
  }

  /** Installs the hooks on the root instance, before any route. */
  register(app: FastifyInstance): void {
    app.addHook("onRequest", (request, reply, done) => {
      this.#inFlight.add(request);
      reply.raw.once("close", () => this.#inFlight.delete(request));
      if (this.#draining && request.routeOptions.config.serveWhileDraining !== true) {
        sendApiError(reply, unavailable("shutting_down"));
        return;
      }
      done();
    });
    app.addHook("onSend", (_request, reply, payload, done) => {
      if (this.#draining) reply.header("connection", "close");
      done(null, payload);
    });
  }
}
