import type { LoadedDomain } from "../config/loaded-domain.ts";
import type { Command } from "../protocol/commands.ts";
import type { DialogueState } from "../protocol/state.ts";

/** What a DU sees of the conversation when it reads one message. */
export interface UnderstandingContext {
  domain: LoadedDomain;
  /** Read-only view of the conversation before this message. */
  state: Readonly<DialogueState>;
  /** Fires on shutdown or when the turn is abandoned. */
  signal?: AbortSignal;
}

export interface UnderstandingResult {
  commands: Command[];
  /** Which reader produced the commands; `fallback` = the LLM failed and the heuristic answered. */
  source: "heuristic" | "llm" | "fallback" | (string & {});
  latency_ms: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

/** Turns user text into commands (docs/understanding.md). The DM never sees raw text except via these. */
export interface DialogueUnderstanding {
  understand(message: string, context: UnderstandingContext): Promise<UnderstandingResult>;
  /** Aborts requests in flight and releases HTTP clients; idempotent. */
  close?(): Promise<void>;
}
