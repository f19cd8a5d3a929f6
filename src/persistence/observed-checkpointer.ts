import { SpanKind, type SpanOptions, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Checkpointer } from "./checkpointer.ts";
import { VersionConflictError } from "./errors.ts";

const STORE_OPERATIONS = ["load", "save", "delete", "list_turns"] as const;
export type StoreOperation = (typeof STORE_OPERATIONS)[number];

/** What one store call took and how it ended; `conflict` is a lost save race, not a failure. */
export interface StoreOperationReport {
  backend: string;
  op: StoreOperation;
  seconds: number;
  outcome: "ok" | "conflict" | "error";
}

/** Told about every store call; the server feeds its metrics from it. */
export interface StoreObserver {
  storeOperation?(report: StoreOperationReport): void;
}

const tracer = trace.getTracer("soni");

type Observed = Pick<Checkpointer, "load" | "save" | "delete" | "listTurns">;

/**
 * The same checkpointer, with each load, save, delete and listTurns timed for `observer` and,
 * when an OpenTelemetry SDK is registered, wrapped in a `soni.store.<op>` span (without one the
 * span is a no-op object). Every other member goes to the checkpointer itself, so a backend's
 * extra methods keep working.
 */
export function observeCheckpointer<T extends Checkpointer>(
  inner: T,
  observer: StoreObserver | undefined,
): T {
  const backend = inner.backend;
  // Each operation's span name and options, made once: a store call is on every turn.
  const spans = {} as Record<StoreOperation, { name: string; options: SpanOptions }>;
  for (const op of STORE_OPERATIONS) {
    spans[op] = {
      name: `soni.store.${op}`,
      options: {
        kind: SpanKind.CLIENT,
        attributes: { "db.system.name": backend, "db.operation.name": op },
      },
    };
  }
  const observe = async <R>(op: StoreOperation, call: () => Promise<R>): Promise<R> => {
    const { name, options } = spans[op];
    const span = tracer.startSpan(name, options);
    const started = performance.now();
    let outcome: StoreOperationReport["outcome"] = "ok";
    try {
      return await call();
    } catch (error) {
      outcome = error instanceof VersionConflictError ? "conflict" : "error";
      if (outcome === "error" && span.isRecording()) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      throw error;
    } finally {
      span.end();
      observer?.storeOperation?.({
        backend,
        op,
        seconds: (performance.now() - started) / 1000,
        outcome,
      });
    }
  };
  const observed: Observed = {
    load: (id, options) => observe("load", () => inner.load(id, options)),
    save: (id, state, expectedVersion, turn, options) =>
      observe("save", () => inner.save(id, state, expectedVersion, turn, options)),
    delete: (id) => observe("delete", () => inner.delete(id)),
    listTurns: (id, options) => observe("list_turns", () => inner.listTurns(id, options)),
  };
  // A lease taken with the conversation read in its transaction is that turn's load: timed as
  // one, so the load series keeps a sample per turn.
  const tryAcquireLease = inner.tryAcquireLease;
  const leaseAndLoad: Checkpointer["tryAcquireLease"] =
    tryAcquireLease &&
    ((id, ttlMs, options) =>
      options?.load
        ? observe("load", () => tryAcquireLease.call(inner, id, ttlMs, options))
        : tryAcquireLease.call(inner, id, ttlMs));
  // The wrapped methods, and the others bound once: several are read on every turn, so a read
  // is one map lookup.
  const fixed = new Map<PropertyKey, unknown>(Object.entries(observed));
  if (leaseAndLoad) fixed.set("tryAcquireLease", leaseAndLoad);
  const bound = new Map<PropertyKey, { method: unknown; bound: unknown }>();
  return new Proxy(inner, {
    get(target, property) {
      const wrapped = fixed.get(property);
      if (wrapped !== undefined) return wrapped;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const known = bound.get(property);
      if (known?.method === value) return known.bound;
      const method = { method: value, bound: value.bind(target) };
      bound.set(property, method);
      return method.bound;
    },
  });
}
