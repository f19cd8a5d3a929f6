import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { StoreOperationReport } from "../persistence/observed-checkpointer.ts";
import type {
  HandlerReport,
  TurnObserver,
  TurnReport,
  UnderstandingReport,
} from "../runtime/turn-observer.ts";

/** Seconds: from a memory-store turn (well under 1 ms) to a slow LLM call. */
const TURN_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
const STORE_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1,
];

/** Label values come from the domain and the code, never from users; the cap is a last guard. */
function label(value: string | null): string {
  return value === null ? "none" : value.slice(0, 64);
}

let processRegistry: Registry | undefined;

/** Node's process metrics (CPU, memory, event loop, GC), collected once per process. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The server's Prometheus metrics (docs/observability.md). It is the runtimes' TurnObserver, so
 * the lower layers report through that interface and never see prom-client.
 */
export class ServerMetrics implements TurnObserver {
  readonly registry = new Registry();
  readonly #turns = new Counter({
    name: "soni_turns_total",
    help: "Conversation turns by the flow they were about, DU source and outcome",
    labelNames: ["flow", "du_source", "outcome"] as const,
    registers: [this.registry],
  });
  readonly #turnDuration = new Histogram({
    name: "soni_turn_duration_seconds",
    help: "Time to process one turn: load, understand, dialogue manager, handlers, save",
    buckets: TURN_BUCKETS,
    registers: [this.registry],
  });
  readonly #duDuration = new Histogram({
    name: "soni_du_duration_seconds",
    help: "Time the dialogue understanding took for one message",
    labelNames: ["source"] as const,
    buckets: TURN_BUCKETS,
    registers: [this.registry],
  });
  readonly #tokens = new Counter({
    name: "soni_llm_tokens_total",
    help: "Tokens used by the LLM dialogue understanding",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });
  readonly #handlerDuration = new Histogram({
    name: "soni_handler_duration_seconds",
    help: "Time a handler (action, validator, normalizer) took",
    labelNames: ["action", "outcome"] as const,
    buckets: TURN_BUCKETS,
    registers: [this.registry],
  });
  readonly #storeDuration = new Histogram({
    name: "soni_store_operation_duration_seconds",
    help: "Time a conversation-store call took",
    labelNames: ["backend", "op"] as const,
    buckets: STORE_BUCKETS,
    registers: [this.registry],
  });
  readonly #storeErrors = new Counter({
    name: "soni_store_errors_total",
    help: "Conversation-store calls that failed (a lost save race is not counted)",
    labelNames: ["backend", "op"] as const,
    registers: [this.registry],
  });
  readonly #conflicts = new Counter({
    name: "soni_turn_conflicts_total",
    help: "Saves that lost to a concurrent writer of the same conversation (the turn is re-run)",
    registers: [this.registry],
  });
  readonly #active = new Gauge({
    name: "soni_active_conversations",
    help: "Turns being processed now",
    registers: [this.registry],
  });
  readonly #http = new Counter({
    name: "soni_http_requests_total",
    help: "HTTP requests by route pattern (unmatched for unknown paths) and status",
    labelNames: ["route", "status"] as const,
    registers: [this.registry],
  });

  /** `shuttingDown` is read at each scrape for `soni_shutdown_state`. */
  constructor(shuttingDown: () => boolean) {
    new Gauge({
      name: "soni_shutdown_state",
      help: "0 while serving, 1 once the shutdown sequence has begun",
      registers: [this.registry],
      collect() {
        this.set(shuttingDown() ? 1 : 0);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text: Soni's metrics, then the process's. */
  async scrape(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }

  httpResponse(route: string | undefined, status: number): void {
    this.#http.inc({ route: route ?? "unmatched", status: String(status) });
  }

  turnStarted(): void {
    this.#active.inc();
  }

  turnFinished(report: TurnReport): void {
    this.#active.dec();
    this.#turns.inc({
      flow: label(report.flow),
      du_source: label(report.duSource),
      outcome: report.outcome,
    });
    this.#turnDuration.observe(report.seconds);
  }

  understood(report: UnderstandingReport): void {
    this.#duDuration.observe({ source: label(report.source) }, report.seconds);
    if (report.usage) {
      this.#tokens.inc({ kind: "prompt" }, report.usage.prompt_tokens);
      this.#tokens.inc({ kind: "completion" }, report.usage.completion_tokens);
    }
  }

  handlerFinished(report: HandlerReport): void {
    this.#handlerDuration.observe(
      { action: label(report.handler), outcome: report.outcome },
      report.seconds,
    );
  }

  storeOperation(report: StoreOperationReport): void {
    const labels = { backend: label(report.backend), op: report.op };
    this.#storeDuration.observe(labels, report.seconds);
    if (report.outcome === "error") this.#storeErrors.inc(labels);
  }

  saveConflict(): void {
    this.#conflicts.inc();
  }
}
