import { type Attributes, context, type Span, SpanStatusCode, trace } from "@opentelemetry/api";

/** Soni's spans; a no-op tracer until the application registers an OpenTelemetry SDK. */
export const tracer = trace.getTracer("soni");

/**
 * Runs `work` inside a new span, child of the active one. Without an SDK the span does not
 * record: no context is switched and the cost is one small object.
 */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer.startSpan(name, { attributes });
  if (span.isRecording()) return inRecordingSpan(span, work);
  // Not an async function: without a span to end, wrapping `work`'s promise in another one
  // would only add promises and ticks to every turn and handler call.
  try {
    return work(span);
  } catch (error) {
    return Promise.reject(error);
  }
}

async function inRecordingSpan<T>(span: Span, work: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await context.with(trace.setSpan(context.active(), span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** The trace id of the active span when an SDK records it, for log lines. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}
