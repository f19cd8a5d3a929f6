import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import type { FastifyInstance, FastifyRequest } from "fastify";

const tracer = trace.getTracer("soni");

/**
 * One SERVER span per HTTP request (OpenTelemetry HTTP conventions), parent of the turn's spans.
 * The caller's `traceparent` is continued when the application registered a propagator. Without
 * an SDK the span does not record and nothing is kept or switched.
 */
export function registerHttpTracing(app: FastifyInstance): void {
  const spans = new WeakMap<FastifyRequest, Span>();
  app.addHook("onRequest", (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url;
    const span = tracer.startSpan(
      route ? `${request.method} ${route}` : request.method,
      { kind: SpanKind.SERVER },
      parent,
    );
    if (!span.isRecording()) return done();
    span.setAttributes({
      "http.request.method": request.method,
      "url.path": request.url.split("?")[0] ?? request.url,
      ...(route ? { "http.route": route } : {}),
    });
    spans.set(request, span);
    done();
  });
  // The handler (and every async call it makes) runs inside the request's span. preHandler is
  // the last hook before the handler, after the body was read outside any context.
  app.addHook("preHandler", (request, _reply, done) => {
    const span = spans.get(request);
    if (!span) return done();
    context.with(trace.setSpan(context.active(), span), done);
  });
  app.addHook("onResponse", (request, reply, done) => {
    const span = spans.get(request);
    if (span) {
      span.setAttribute("http.response.status_code", reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      spans.delete(request);
    }
    done();
  });
}
