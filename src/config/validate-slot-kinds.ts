import type { Severity } from "./errors.ts";
import type { SlotDefinition } from "./schema.ts";
import { slotExtract } from "./slot-kind.ts";
import type { PathSegment } from "./yaml-source.ts";

type Report = (
  path: readonly PathSegment[],
  message: string,
  severity?: Severity,
  key?: boolean,
  code?: string,
) => void;

/** Kinds a prompt's words suggest, checked against what the slot declares (a warning only). */
const PROMPT_HINTS: ReadonlyArray<{
  words: RegExp;
  kinds: string[];
  suggest: string;
  /** Words that take the hint back: a day of the month is a number, not a date. */
  unless?: RegExp;
}> = [
  {
    words: /\b(?:what time|which time|qu[eé] hora)\b/i,
    kinds: ["time"],
    suggest: "extract: time",
  },
  {
    words: /\b(?:date|when|what day|which day|fecha|cuando|cuándo)\b/i,
    kinds: ["date"],
    suggest: "type: date (or extract: date)",
    unless: /\b(?:of (?:the|each|every) month|d[ií]a del mes|de cada mes)\b/i,
  },
  {
    words: /\b(?:how much|amount|price|cuánto|cuanto|importe)\b/i,
    kinds: ["number", "money"],
    suggest: "type: float with extract: money",
  },
  {
    words: /\b(?:how many|number of|cuántos|cuantos|cuántas|cuantas)\b/i,
    kinds: ["number", "money"],
    suggest: "type: integer",
  },
  {
    words: /\b(?:address|dirección|direccion)\b/i,
    kinds: ["address", "free_text"],
    suggest: "extract: address",
  },
  { words: /\biban\b/i, kinds: ["iban"], suggest: "extract: iban" },
];

/** The kind a slot's prompt suggests when the slot declares none and reads otherwise. */
function promptHint(slot: SlotDefinition): (typeof PROMPT_HINTS)[number] | undefined {
  if (slot.prompt === undefined || slot.extract || slot.choices?.length) return undefined;
  const extract = slotExtract(slot);
  return PROMPT_HINTS.find(
    (h) =>
      h.words.test(slot.prompt!) && !h.unless?.test(slot.prompt!) && !h.kinds.includes(extract),
  );
}

/**
 * The `extract` a migrated slot is given so the prompt-kind warning does not fire: the kind the
 * prompt suggests where declaring it needs nothing else (an address, an IBAN: what the original's
 * model would have read), else the kind it is read with now (behaviour kept). Undefined when the
 * warning would not fire.
 */
export function migratedExtract(slot: SlotDefinition): string | undefined {
  const hint = promptHint(slot);
  if (!hint) return undefined;
  return hint.suggest.startsWith("extract: ") ? hint.kinds[0] : slotExtract(slot);
}

/** Checks a slot's declared kind keys; `report` adds a problem at a path under the slot. */
export function validateSlotKind(name: string, slot: SlotDefinition, report: Report): void {
  const path = ["slots", name] as const;
  const extract = slotExtract(slot);
  if (slot.pattern !== undefined) {
    if (extract !== "pattern") {
      report(
        [...path, "pattern"],
        `slot '${name}': 'pattern' is only read with extract: pattern (add it, or remove the pattern)`,
      );
    }
    try {
      new RegExp(slot.pattern, "iu");
    } catch (error) {
      report(
        [...path, "pattern"],
        `slot '${name}': pattern is not a valid regular expression (${(error as Error).message})`,
      );
    }
  } else if (extract === "pattern") {
    report(
      [...path, "extract"],
      `slot '${name}': extract: pattern needs a 'pattern' (a regular expression, e.g. "HB-\\\\d{6}")`,
    );
  }
  for (const key of ["length", "min_length", "max_length"] as const) {
    if (slot[key] !== undefined && extract !== "digits") {
      report(
        [...path, key],
        `slot '${name}': '${key}' is only read with extract: digits (add it, or remove '${key}')`,
      );
    }
  }
  if (slot.length !== undefined && (slot.min_length ?? slot.max_length) !== undefined) {
    report(
      [...path, "length"],
      `slot '${name}': give either 'length' or 'min_length'/'max_length', not both`,
    );
  }
  if ((slot.min_length ?? 0) > (slot.max_length ?? Number.POSITIVE_INFINITY)) {
    report([...path, "min_length"], `slot '${name}': min_length is greater than max_length`);
  }
  if (extract === "choice" && !slot.choices?.length) {
    report(
      [...path, "extract"],
      `slot '${name}': extract: choice needs 'choices' (the values the slot accepts)`,
    );
  }
  if ((extract === "list") !== (slot.type === "list")) {
    report(
      [...path, slot.extract ? "extract" : "type"],
      extract === "list"
        ? `slot '${name}': extract: list needs type: list (the value is several items)`
        : `slot '${name}': a list slot reads with extract: list (or leave extract out)`,
    );
  }
  const hint = promptHint(slot);
  if (hint) {
    report(
      [...path, "prompt"],
      `slot '${name}': the prompt suggests ${/^[aeiou]/i.test(hint.kinds[0]!) ? "an" : "a"} ${hint.kinds[0]} but the slot is read as ${extract.replace("_", " ")} (declare ${hint.suggest}, or extract: ${extract} to keep it)`,
      "warning",
      false,
      "slot-kind-undeclared",
    );
  }
}
