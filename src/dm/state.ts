import type { Command, SlotValue } from "./commands.ts";

/**
 * Conversation state: plain JSON so every checkpointer can store it as-is.
 * `schema_version` lets stored conversations be migrated when this shape changes.
 */
export const STATE_SCHEMA_VERSION = 1;

export interface FlowFrame {
  flow: string;
  /** Unique per started flow, so logs and turn records can tell two runs of a flow apart. */
  instance_id: string;
  /** Id of the step to run next (or the step waiting for the user); null once finished. */
  step: string | null;
  slots: Record<string, SlotValue>;
  /** Iterations done per `while` step id in this frame, to bound loops. */
  loop_counts: Record<string, number>;
  /** Set on a frame that was interrupted by a digression, until it resumes. */
  interrupted?: boolean;
}

export type WaitingFor =
  | { kind: "slot"; slot: string; flow_instance: string; step: string }
  | { kind: "confirm"; slot: string; flow_instance: string; step: string }
  | null;

export interface ExecutedStep {
  flow: string;
  step: string;
  type: string;
  /** Why a step did not run as usual: skipped by condition, failed, budget exceeded, ... */
  note?: string;
}

export interface TurnRecord {
  turn: number;
  at: string;
  user_message: string;
  commands: Command[];
  steps: ExecutedStep[];
  messages: string[];
}

export interface HistoryEntry {
  role: "user" | "bot";
  text: string;
  turn: number;
}

export interface DialogueState {
  schema_version: typeof STATE_SCHEMA_VERSION;
  conversation_id: string;
  flow_stack: FlowFrame[];
  waiting_for: WaitingFor;
  turn_count: number;
  /** Consecutive turns nothing was understood; drives the cannot-handle pattern. */
  failed_attempts: number;
  /** Failed validations of the slot currently asked for. */
  validation_failures: number;
  history: HistoryEntry[];
  last_turn: TurnRecord | null;
}

export type FlowState = "idle" | "active" | "waiting_input";

export function emptyState(conversationId: string): DialogueState {
  return {
    schema_version: STATE_SCHEMA_VERSION,
    conversation_id: conversationId,
    flow_stack: [],
    waiting_for: null,
    turn_count: 0,
    failed_attempts: 0,
    validation_failures: 0,
    history: [],
    last_turn: null,
  };
}
