import {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import type { Logger } from "pino";

/**
 * Fastify's per-request log lines, one per request at `info`: "request completed" (method, URL,
 * status, response time, request id) stays at info, "incoming request" moves to `debug`. Two
 * info lines per request were a measurable share of a busy server's CPU (pino writes
 * synchronously), and the completion line says what the first one said, the client's address
 * and port aside.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest, _reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    // pino's check: the request serializer is not run for a line nobody will see.
    const log = request.log as FastifyBaseLogger & Pick<Logger, "isLevelEnabled">;
    if (log.isLevelEnabled?.("debug") === false) return;
    log.debug({ req: request }, "incoming request");
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const req = { method: request.method, url: request.url };
    if (error) {
      reply.log.error(
        { req, res: reply, err: error, responseTime: reply.elapsedTime },
        "request errored",
      );
    } else {
      reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, "request completed");
    }
  }
}
