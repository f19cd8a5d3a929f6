import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { StoreOperationReport } from "../persistence/observed-checkpointer.ts";
import type {
  HandlerReport,
  TurnObserver,
  TurnReport,
  UnderstandingReport,
} from "../runtime/turn-observer.ts";
import { SeriesCounter, SeriesHistogram } from "./metric-series.ts";

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
  readonly #turns = new SeriesCounter(
    "soni_turns_total",
    "Conversation turns by the flow they were about, DU source and outcome",
    ["flow", "du_source", "outcome"],
    this.registry,
  );
  readonly #turnDuration = new SeriesHistogram(
    "soni_turn_duration_seconds",
    "Time to process one turn: load, understand, dialogue manager, handlers, save",
    [],
    TURN_BUCKETS,
    this.registry,
  );
  readonly #duDuration = new SeriesHistogram(
    "soni_du_duration_seconds",
    "Time the dialogue understanding took for one message",
    ["source"],
    TURN_BUCKETS,
    this.registry,
  );
  readonly #tokens = new SeriesCounter(
    "soni_llm_tokens_total",
    "Tokens used by the LLM dialogue understanding",
    ["kind"],
    this.registry,
  );
  readonly #handlerDuration = new SeriesHistogram(
    "soni_handler_duration_seconds",
    "Time a handler (action, validator, normalizer) took",
    ["action", "outcome"],
    TURN_BUCKETS,
    this.registry,
  );
  readonly #storeDuration = new SeriesHistogram(
    "soni_store_operation_duration_seconds",
    "Time a conversation-store call took",
    ["backend", "op"],
    STORE_BUCKETS,
    this.registry,
  );
  readonly #storeErrors = new SeriesCounter(
    "soni_store_errors_total",
    "Conversation-store calls that failed (a lost save race is not counted)",
    ["backend", "op"],
    this.registry,
  );
  readonly #conflicts = new SeriesCounter(
    "soni_turn_conflicts_total",
    "Saves that lost to a concurrent writer of the same conversation (the turn is re-run)",
    [],
    this.registry,
  );
  readonly #http = new SeriesCounter(
    "soni_http_requests_total",
    "HTTP requests by route pattern (unmatched for unknown paths) and status",
    ["route", "status"],
    this.registry,
  );
  #active = 0;

  /** `shuttingDown` is read at each scrape for `soni_shutdown_state`. */
  constructor(shuttingDown: () => boolean) {
    const active = () => this.#active;
    new Gauge({
      name: "soni_active_conversations",
      help: "Turns being processed now",
      registers: [this.registry],
      collect() {
        this.set(active());
      },
    });
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
    this.#http.inc([route ?? "unmatched", String(status)]);
  }

  turnStarted(): void {
    this.#active++;
  }

  turnFinished(report: TurnReport): void {
    this.#active--;
    this.#turns.inc([label(report.flow), label(report.duSource), report.outcome]);
    this.#turnDuration.observe([], report.seconds);
  }

  understood(report: UnderstandingReport): void {
    this.#duDuration.observe([label(report.source)], report.seconds);
    if (report.usage) {
      this.#tokens.inc(["prompt"], report.usage.prompt_tokens);
      this.#tokens.inc(["completion"], report.usage.completion_tokens);
    }
  }

  handlerFinished(report: HandlerReport): void {
    this.#handlerDuration.observe([label(report.handler), report.outcome], report.seconds);
  }

  storeOperation(report: StoreOperationReport): void {
    const labels = [label(report.backend), report.op];
    this.#storeDuration.observe(labels, report.seconds);
    if (report.outcome === "error") this.#storeErrors.inc(labels);
  }

  saveConflict(): void {
    this.#conflicts.inc([]);
  }
}
