import type { StoreObserver } from "../persistence/observed-checkpointer.ts";

/** How a turn ended: answered, gave up after save conflicts, cut short by shutdown, or failed. */
export type TurnOutcome = "ok" | "conflict" | "aborted" | "error";

export interface TurnReport {
  /**
   * The flow the turn was about: active after it, else the last one that ran a step, else the one
   * active before it; null when no flow was involved.
   */
  flow: string | null;
  /** The DU's `source` (heuristic, llm, fallback, ...); null when the turn failed before it. */
  duSource: string | null;
  outcome: TurnOutcome;
  seconds: number;
}

export interface UnderstandingReport {
  source: string;
  seconds: number;
  usage?: { prompt_tokens: number; completion_tokens: number } | undefined;
}

export interface HandlerReport {
  /** `kind.name`, e.g. `actions.<name>`: names the domain declares, so a bounded set. */
  handler: string;
  outcome: "ok" | "error" | "timeout";
  seconds: number;
}

/**
 * What a RuntimeLoop tells whoever watches it (the server's Prometheus metrics). Every method is
 * optional and called synchronously on the turn's path, so an implementation must be cheap and
 * must not throw. Values passed are bounded by the domain (flow and handler names), never a user
 * id or message text.
 */
export interface TurnObserver extends StoreObserver {
  turnStarted?(): void;
  turnFinished?(report: TurnReport): void;
  understood?(report: UnderstandingReport): void;
  handlerFinished?(report: HandlerReport): void;
  /** A save lost to a concurrent writer; the turn is re-run. */
  saveConflict?(): void;
}
