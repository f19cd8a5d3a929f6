import type { SlotValue } from "../protocol/commands.ts";

/**
 * What the pure DM core asks the runtime to do. The core yields one effect at a time and
 * gets the outcome back; it never awaits or touches handlers itself.
 */
export type Effect =
  | {
      kind: "action";
      action: string;
      inputs: Record<string, SlotValue>;
      /** The calling frame's slots, for the handler's ctx. */
      slots: Record<string, SlotValue>;
      flow: string;
      step: string;
    }
  | {
      kind: "validate";
      validator: string;
      slot: string;
      value: SlotValue;
      slots: Record<string, SlotValue>;
    }
  | {
      kind: "normalize";
      normalizer: string;
      slot: string;
      value: SlotValue;
      slots: Record<string, SlotValue>;
    };

/**
 * `value` is what the handler returned; `error` says why it failed (threw, timed out, missing).
 * `userMessage`: the handler threw an error carrying words for the user (runtime/handlers.ts
 * `UserFacingError`, e.g. "not enough money"); the DM says them instead of action_error.
 */
export type EffectResult =
  | { ok: true; value: unknown }
  | { ok: false; error: string; timedOut?: boolean; userMessage?: string };

/** A step of the core that may yield effects: `yield effect` evaluates to its result. */
export type Effectful<T> = Generator<Effect, T, EffectResult>;

/** Log lines the core produces; the runtime writes them with the conversation id. */
export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  msg: string;
  data?: Record<string, unknown>;
}
