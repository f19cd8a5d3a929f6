import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { answerFor, errorBody } from "./errors.ts";

/** Whether the client asked for Server-Sent Events (`Accept: text/event-stream`). */
export function wantsEventStream(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === "string" && accept.toLowerCase().includes("text/event-stream");
}

/** One SSE frame; JSON escapes newlines, so `data` is always a single line. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface StreamedAnswer {
  /** Each as its own `message` event, `{"text": ...}`, in order. */
  messages: readonly string[];
  /** The `done` event's data: the same JSON as the plain answer. */
  done: unknown;
}

/**
 * Answers as `text/event-stream`: the stream opens at once, then `message` events, then `done`;
 * or an `error` event with the API's error shape if `work` fails. The reply goes through
 * Fastify's send, so its hooks (request id, drain's `Connection: close`, logs, metrics) apply,
 * and the drain waits for the stream to end like any other response.
 */
export function sendEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  work: () => Promise<StreamedAnswer>,
): FastifyReply {
  const stream = new PassThrough();
  work().then(
    (answer) => {
      for (const text of answer.messages) stream.write(sseFrame("message", { text }));
      stream.end(sseFrame("done", answer.done));
    },
    (error: unknown) => {
      const apiError = answerFor(error, request);
      stream.end(
        sseFrame("error", errorBody(apiError.code, apiError.message, apiError.options.details)),
      );
    },
  );
  return reply
    .type("text/event-stream; charset=utf-8")
    .header("cache-control", "no-cache")
    .header("x-accel-buffering", "no")
    .send(stream);
}
