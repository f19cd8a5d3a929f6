import { wholePattern } from "../config/slot-pattern.ts";
import { choiceLabel, choiceWords } from "../config/template.ts";
import type { SlotValue } from "../protocol/commands.ts";
import type { FlowFrame } from "../protocol/state.ts";
import type { Effectful } from "./effects.ts";
import type { MessageCatalog } from "./messages/catalog.ts";
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
      return rejected(turn, frame, slot, raw, (c, given, label) => c.notNormalized(given, label));
    }
    value = normalized.value as SlotValue;
  }
  const coerced = coerceSlotValue(definition.type, value, turn.input.now);
  if (!coerced.ok) {
    const { reason } = coerced;
    return rejected(turn, frame, slot, raw, (c, given, label) =>
      c.notCoerced(given, reason, label),
    );
  }
  const chosen = matchChoice(definition, coerced.value);
  if (chosen === undefined) {
    return rejected(turn, frame, slot, raw, (c) =>
      c.notAChoice(
        (definition.choices ?? []).map((choice) =>
          String(choiceLabel(String(choice), choiceWords(definition))),
        ),
      ),
    );
  }
  // A declared pattern is part of the slot's type: whichever DU read the value, it must match.
  if (definition.pattern !== undefined && typeof chosen === "string") {
    if (!wholePattern(definition.pattern).test(chosen)) {
      return rejected(turn, frame, slot, raw, (c, given, label) =>
        c.notMatchingPattern(given, label),
      );
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
    // "it ends in 4821", "ref ELEC-884211": a free-text value the validator refuses whole may
    // hold the value as one of its words with a digit; the first the validator accepts is it.
    if (verdict.ok && verdict.value !== true && typeof chosen === "string") {
      for (const word of wordsWithDigits(definition, chosen)) {
        const again = yield {
          kind: "validate",
          validator: definition.validator,
          slot,
          value: word,
          slots: { ...frame.slots },
        };
        if (again.ok && again.value === true) return { ok: true, value: word };
      }
    }
    if (!verdict.ok) {
      turn.log("warn", "Validator failed; value rejected", {
        slot,
        validator: definition.validator,
        error: verdict.error,
      });
      return rejected(turn, frame, slot, raw, (c, _given, label) => c.notChecked(label));
    }
    // A validator's own message wins over the slot's and ours.
    if (typeof verdict.value === "string") return { ok: false, message: verdict.value };
    if (verdict.value !== true) {
      return rejected(turn, frame, slot, raw, (c, given, label) => c.notValid(given, label));
    }
  }
  return { ok: true, value: chosen };
}

/** At most this many words of a refused value are offered to the validator on their own. */
const MAX_WORD_TRIES = 3;

/**
 * The words with a digit of a free-text value of several words (a string slot read as free
 * text: no choices, pattern or declared kind), without the punctuation around them.
 */
function wordsWithDigits(
  definition: { type: string; choices?: unknown[]; pattern?: string; extract?: string },
  value: string,
): string[] {
  if (definition.type !== "string" || definition.choices || definition.pattern) return [];
  if (definition.extract !== undefined && definition.extract !== "free_text") return [];
  const words = value.split(/\s+/).map((w) => w.replace(/^[("'\u201c]+|[.,;:!?)"'\u201d]+$/g, ""));
  if (words.length < 2) return [];
  return words.filter((w) => /\d/.test(w) && w !== value).slice(0, MAX_WORD_TRIES);
}

/** Our wording of a refusal, from the catalog, the value as given and the slot's label. */
type Refusal = (catalog: MessageCatalog, given: string, label: string) => string;

/**
 * A refused value: the slot's `validation_error_message` (a template: {value}, {slot}) wins over
 * ours. Built only on refusal; an accepted value makes no message and no label.
 */
function rejected(
  turn: Turn,
  frame: FlowFrame,
  slot: string,
  raw: SlotValue,
  ours: Refusal,
): Accepted {
  const definition = turn.domain.domain.slots[slot]!;
  const label = slotLabel(slot, definition);
  const message =
    definition.validation_error_message !== undefined
      ? turn.render(definition.validation_error_message, {
          ...frame.slots,
          value: raw,
          slot: label,
        })
      : ours(turn.catalog, String(raw), label);
  return { ok: false, message };
}
