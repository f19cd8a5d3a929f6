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
  /**
   * Set on a frame started in the same turn as the flow above it ("block my card and order a
   * new one"): it has not run yet, so when its turn comes it is introduced, not resumed.
   */
  queued?: boolean;
  /** Pushed by a `call` step: when it ends, the frame below continues after its call step. */
  via_call?: boolean;
  /** Optional slots the user declined (skip_slot): they stay empty and are not asked again. */
  skipped?: string[];
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
  /**
   * Set by the runtime on the turn log's copy (not on `last_turn`); absent in records written
   * before they existed. `du`: which reader produced the commands and how long it took;
   * `dm_ms`: the dialogue manager's time, handler calls included; `state_after`: the
   * conversation as GET /state showed it after the turn.
   */
  du?: { source: string; latency_ms: number };
  dm_ms?: number;
  state_after?: TurnStateAfter;
}

export interface TurnStateAfter {
  flow_state: FlowState;
  active_flow: string | null;
  flow_stack: { flow: string; step: string | null; instance_id: string }[];
  slots: Record<string, SlotValue>;
  waiting_for_slot: string | null;
  turn_count: number;
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
  /**
   * The assistant's last turn offered a human agent (cannot_handle, frustration): a "yes" now
   * hands off. Valid for one turn; absent in states written before it existed.
   */
  offered_handoff?: boolean;
  /** The last flow that ended normally (absent before one did, and in older states). */
  recent_flow?: RecentFlow;
  /**
   * The `shared` slot values of the last flow cancelled, kept like `recent_flow` so the next flow
   * need not ask the customer's number again (absent until a flow holding one was cancelled).
   */
  cancelled_shared?: CancelledShared;
  /**
   * Conversation-scoped handler data (`ctx.data`): written by the runtime after the handlers
   * of a turn ran, never read by the DM. Absent until a handler stores something.
   */
  data?: Record<string, unknown>;
}

/**
 * The last flow that ran to its end, kept for a few turns so "the same account", "same person
 * as before" or "actually yes, send it" (after declining its confirmation) can reuse its values.
 */
export interface RecentFlow {
  flow: string;
  slots: Record<string, SlotValue>;
  /** `turn_count` of the turn it ended in. */
  turn: number;
  /** It ended because the user said no to its confirmation. */
  declined: boolean;
}

/** Shared slot values a cancelled flow held; never offered to "the same ..." or "actually yes". */
export interface CancelledShared {
  slots: Record<string, SlotValue>;
  /** `turn_count` of the turn the flow was cancelled in. */
  turn: number;
}

/** How many turns a finished flow's values stay available to "same ..." and "actually yes". */
export const RECENT_FLOW_TURNS = 6;

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

/** A stored conversation this version cannot read. */
export class StateMigrationError extends Error {
  override readonly name = "StateMigrationError";
}

/**
 * Brings a stored state to the current schema. Version 1 is the current one: missing counters
 * and lists (written by earlier builds of version 1) get their defaults. Anything else is refused
 * with a message saying what to do, instead of being misread.
 */
export function migrateState(raw: unknown): DialogueState {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new StateMigrationError(
      `stored conversation state is not an object (got ${raw === null ? "null" : typeof raw}); reset the conversation`,
    );
  }
  const record = raw as Record<string, unknown>;
  const version = record.schema_version;
  if (version !== STATE_SCHEMA_VERSION) {
    throw new StateMigrationError(
      `stored conversation state has schema_version ${JSON.stringify(version)}, but this version of Soni reads only schema_version ${STATE_SCHEMA_VERSION}; upgrade Soni or reset the conversation`,
    );
  }
  if (typeof record.conversation_id !== "string" || !Array.isArray(record.flow_stack)) {
    throw new StateMigrationError(
      "stored conversation state (schema_version 1) lacks conversation_id or flow_stack; reset the conversation",
    );
  }
  const state = raw as DialogueState;
  return {
    ...state,
    waiting_for: state.waiting_for ?? null,
    turn_count: typeof state.turn_count === "number" ? state.turn_count : 0,
    failed_attempts: typeof state.failed_attempts === "number" ? state.failed_attempts : 0,
    validation_failures:
      typeof state.validation_failures === "number" ? state.validation_failures : 0,
    history: Array.isArray(state.history) ? state.history : [],
    last_turn: state.last_turn ?? null,
    flow_stack: state.flow_stack.map((frame) => ({
      ...frame,
      slots: frame.slots ?? {},
      loop_counts: frame.loop_counts ?? {},
    })),
  };
}
