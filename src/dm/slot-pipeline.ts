import type { SlotValue } from "../protocol/commands.ts";
import type { FlowFrame } from "../protocol/state.ts";
import type { Effectful } from "./effects.ts";
import { coerceSlotValue, matchChoice, slotLabel } from "./slot-values.ts";
import type { Turn } from "./turn.ts";

export type Accepted = { ok: true; value: SlotValue } | { ok: false; message: string };

/**
 * The way every value from a command enters a slot: the slot's normalizer (on the raw
 * value, so "1.500,50" or "1.5k" reach it intact), coercion to the slot type, `choices`
 * (synonyms included), then the validator. Nothing is stored here; the caller decides.
 */
export function* acceptSlotValue(
  turn: Turn,
  frame: FlowFrame,
  slot: string,
  raw: SlotValue,
): Effectful<Accepted> {
  const definition = turn.domain.domain.slots[slot];
  if (!definition) return { ok: true, value: raw };
  let value = raw;
  if (definition.normalizer) {
    const normalized = yield {
      kind: "normalize",
      normalizer: definition.normalizer,
      slot,
      value,
      slots: { ...frame.slots },
    };
    if (!normalized.ok) {
      turn.log("warn", "Normalizer failed; value rejected", {
        slot,
        normalizer: definition.normalizer,
        error: normalized.error,
      });
      return rejected(
        turn,
        frame,
        slot,
        raw,
        `Sorry, I couldn't use "${String(raw)}" as the ${slotLabel(slot, definition)}.`,
      );
    }
    value = normalized.value as SlotValue;
  }
  const coerced = coerceSlotValue(definition.type, value, turn.input.now);
  if (!coerced.ok) {
    return rejected(
      turn,
      frame,
      slot,
      raw,
      `Sorry, "${String(raw)}" ${coerced.reason}; I need the ${slotLabel(slot, definition)}.`,
    );
  }
  const chosen = matchChoice(definition, coerced.value);
  if (chosen === undefined) {
    const options = (definition.choices ?? []).map(String).join(", ");
    return rejected(turn, frame, slot, raw, `Please choose one of: ${options}.`);
  }
  if (definition.validator && chosen !== null) {
    const verdict = yield {
      kind: "validate",
      validator: definition.validator,
      slot,
      value: chosen,
      slots: { ...frame.slots },
    };
    if (!verdict.ok) {
      turn.log("warn", "Validator failed; value rejected", {
        slot,
        validator: definition.validator,
        error: verdict.error,
      });
      return rejected(
        turn,
        frame,
        slot,
        raw,
        `Sorry, I couldn't check the ${slotLabel(slot, definition)}. Please try again.`,
      );
    }
    if (typeof verdict.value === "string")
      return rejected(turn, frame, slot, raw, "", verdict.value);
    if (verdict.value !== true) {
      return rejected(
        turn,
        frame,
        slot,
        raw,
        `Sorry, "${String(raw)}" is not a valid ${slotLabel(slot, definition)}.`,
      );
    }
  }
  return { ok: true, value: chosen };
}

/**
 * A refused value's message: a validator's own wins; then the slot's (a template: {value},
 * {slot}); then `fallback`. (A function, not a closure made per value: under the TypeScript
 * loader every named closure costs a defineProperty per call.)
 */
function rejected(
  turn: Turn,
  frame: FlowFrame,
  slot: string,
  raw: SlotValue,
  fallback: string,
  validatorMessage?: string,
): Accepted {
  const definition = turn.domain.domain.slots[slot]!;
  return {
    ok: false,
    message:
      validatorMessage ??
      (definition.validation_error_message !== undefined
        ? turn.render(definition.validation_error_message, {
            ...frame.slots,
            value: raw,
            slot: slotLabel(slot, definition),
          })
        : fallback),
  };
}
