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
  const catalog = turn.catalog;
  const label = slotLabel(slot, definition);
  const given = String(raw);
  // A validator's own message wins; then the slot's (a template: {value}, {slot}); then ours.
  const reject = (fallback: string, validatorMessage?: string): Accepted => ({
    ok: false,
    message:
      validatorMessage ??
      (definition.validation_error_message !== undefined
        ? turn.render(definition.validation_error_message, {
            ...frame.slots,
            value: raw,
            slot: label,
          })
        : fallback),
  });
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
      return reject(catalog.notNormalized(given, label));
    }
    value = normalized.value as SlotValue;
  }
  const coerced = coerceSlotValue(definition.type, value, turn.input.now);
  if (!coerced.ok) {
    return reject(catalog.notCoerced(given, coerced.reason, label));
  }
  const chosen = matchChoice(definition, coerced.value);
  if (chosen === undefined) {
    return reject(catalog.notAChoice((definition.choices ?? []).map(String)));
  }
  // A declared pattern is part of the slot's type: whichever DU read the value, it must match.
  if (definition.pattern !== undefined && typeof chosen === "string") {
    if (!wholePattern(definition.pattern).test(chosen)) {
      return reject(catalog.notMatchingPattern(given, label));
    }
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
      return reject(catalog.notChecked(label));
    }
    if (typeof verdict.value === "string") return reject("", verdict.value);
    if (verdict.value !== true) {
      return reject(catalog.notValid(given, label));
    }
  }
  return { ok: true, value: chosen };
}

/** A slot's `pattern` anchored at both ends, compiled once per pattern text. */
const compiled = new Map<string, RegExp>();
function wholePattern(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, "iu");
    compiled.set(pattern, re);
  }
  return re;
}
