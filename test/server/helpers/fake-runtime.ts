import { type Logger, pino } from "pino";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import type { ConversationSnapshot } from "../../../src/dm/snapshot.ts";
import type { TurnRecord } from "../../../src/protocol/state.ts";
import type { TurnResult } from "../../../src/runtime/runtime-loop.ts";
import type { ServerRuntime } from "../../../src/server/runtime.ts";

/**
 * A scripted runtime for the HTTP layer's unit tests: echoes messages, counts cleanups, and can
 * be made slow or failing. Integration tests use the real RuntimeLoop through `soni server`.
 */
export class FakeRuntime implements ServerRuntime {
  initialized = false;
  cleanups = 0;
  turns = new Map<string, number>();
  /** Set to make processMessage wait (ms) or throw. */
  delayMs = 0;
  failWith: Error | null = null;
  cleanupBehaviour: "ok" | "throw" | "hang" = "ok";
  initializeBehaviour: "ok" | "throw" = "ok";

  constructor(readonly label = "fake") {}

  /** When set, initialize() waits for it (a test opens the gate: no timing race). */
  initializeGate: Promise<void> | null = null;

  async initialize(): Promise<void> {
    if (this.initializeGate) await this.initializeGate;
    if (this.initializeBehaviour === "throw") throw new Error("cannot open the store");
    this.initialized = true;
  }

  /** Turns that have started (a test can wait until a request is really in flight). */
  started = 0;

  async processMessage(message: string, userId: string): Promise<TurnResult> {
    this.started += 1;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failWith) throw this.failWith;
    const turnCount = (this.turns.get(userId) ?? 0) + 1;
    this.turns.set(userId, turnCount);
    const response = `${this.label}: ${message}`;
    return {
      response,
      messages: [response],
      flowState: "idle",
      activeFlow: null,
      turnCount,
      commands: [],
    };
  }

  async getState(userId: string): Promise<ConversationSnapshot> {
    if (this.failWith) throw this.failWith;
    return {
      user_id: userId,
      flow_state: "idle",
      active_flow: null,
      flow_stack: [],
      slots: {},
      waiting_for_slot: null,
      turn_count: this.turns.get(userId) ?? 0,
    };
  }

  async getTurns(): Promise<TurnRecord[]> {
    if (this.failWith) throw this.failWith;
    return [];
  }

  async resetState(userId: string): Promise<boolean> {
    return this.turns.delete(userId);
  }

  async cleanup(): Promise<{ ok: boolean; problems: string[] }> {
    this.cleanups += 1;
    if (this.cleanupBehaviour === "throw") throw new Error("checkpointer exploded");
    if (this.cleanupBehaviour === "hang") await new Promise(() => undefined);
    return { ok: true, problems: [] };
  }
}

export const MINIMAL_DOMAIN = `
version: "1"
flows:
  greet:
    description: Say hello
    trigger:
      intents: [hello]
    steps:
      - step: hi
        type: say
        message: Hello!
`;

export function minimalDomain(text = MINIMAL_DOMAIN): Promise<LoadedDomain> {
  return loadDomainFromText(text, "test.yaml", process.cwd());
}

export interface CapturedLog {
  logger: Logger;
  lines: Record<string, unknown>[];
  messages(): string[];
}

/** A pino logger whose JSON lines are kept for assertions. */
export function captureLog(): CapturedLog {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: "info" },
    {
      write(line: string) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  return { logger, lines, messages: () => lines.map((line) => String(line.msg)) };
}
