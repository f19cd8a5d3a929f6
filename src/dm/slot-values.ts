import type { SlotDefinition, SlotType } from "../config/schema.ts";
import type { SlotValue } from "../protocol/commands.ts";

/** Why a value is not of a slot's type; the message catalog words it in the domain's language. */
export type CoercionFailure = "empty" | "not_integer" | "not_number" | "not_yes_no" | "not_date";

export type Coerced = { ok: true; value: SlotValue } | { ok: false; reason: CoercionFailure };

const TRUE_WORDS = new Set(["yes", "y", "yeah", "yep", "true", "si", "sí", "ok", "okay", "sure"]);
const FALSE_WORDS = new Set(["no", "n", "nope", "false"]);
const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DAY_MS = 86_400_000;

/**
 * Turns a raw value from a command into the slot's type. Strict on purpose: locale-specific
 * formats ("1.500,50", "1.5k") are a normalizer's job, which runs before this.
 */
export function coerceSlotValue(type: SlotType, raw: SlotValue, now: Date): Coerced {
  if (raw === null) return { ok: true, value: null };
  const text = typeof raw === "string" ? raw.trim() : String(raw);
  switch (type) {
    case "any":
      return { ok: true, value: raw };
    case "string":
      return text === "" ? { ok: false, reason: "empty" } : { ok: true, value: text };
    case "integer": {
      if (typeof raw === "number") {
        return Number.isInteger(raw)
          ? { ok: true, value: raw }
          : { ok: false, reason: "not_integer" };
      }
      return INTEGER.test(text) && typeof raw === "string"
        ? { ok: true, value: Number.parseInt(text, 10) }
        : { ok: false, reason: "not_integer" };
    }
    case "float": {
      if (typeof raw === "number") {
        return Number.isFinite(raw)
          ? { ok: true, value: raw }
          : { ok: false, reason: "not_number" };
      }
      return FLOAT.test(text) && typeof raw === "string"
        ? { ok: true, value: Number(text) }
        : { ok: false, reason: "not_number" };
    }
    case "boolean": {
      if (typeof raw === "boolean") return { ok: true, value: raw };
      if (raw === 1 || raw === 0) return { ok: true, value: raw === 1 };
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: "not_yes_no" };
    }
    case "date":
      return coerceDate(text, now);
    case "list":
      return coerceList(raw);
  }
}

/** A list slot holds strings; one item said alone ("ham") is a list of one. */
function coerceList(raw: SlotValue): Coerced {
  const items = (Array.isArray(raw) ? raw : [String(raw)]).map((i) => i.trim()).filter(Boolean);
  return items.length > 0 ? { ok: true, value: items } : { ok: false, reason: "empty" };
}

function coerceDate(text: string, now: Date): Coerced {
  const word = text.toLowerCase();
  const offsets: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  const offset = offsets[word];
  if (offset !== undefined) {
    return {
      ok: true,
      value: new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10),
    };
  }
  const match = ISO_DATE.exec(text);
  if (match) {
    const [, y, m, d] = match;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    // Date.UTC rolls 2025-02-30 over to March; a real date round-trips unchanged.
    if (date.toISOString().slice(0, 10) === `${y}-${m}-${d}`) {
      return { ok: true, value: `${y}-${m}-${d}` };
    }
  }
  return { ok: false, reason: "not_date" };
}

/**
 * Maps a value onto one of the slot's `choices` (case-insensitive, synonyms included).
 * Returns undefined when the slot has choices and none matches.
 */
export function matchChoice(slot: SlotDefinition, value: SlotValue): SlotValue | undefined {
  if (!slot.choices || value === null) return value;
  if (Array.isArray(value)) {
    // A list slot with choices: every item must be one of them.
    const items: string[] = [];
    for (const item of value) {
      const matched = matchChoice(slot, item);
      if (matched === undefined || matched === null) return undefined;
      items.push(String(matched));
    }
    return items;
  }
  const wanted = String(value).trim().toLowerCase();
  for (const choice of slot.choices) {
    if (String(choice).toLowerCase() === wanted) return choice;
  }
  for (const [choice, phrases] of Object.entries(slot.synonyms ?? {})) {
    if (!phrases.some((p) => p.trim().toLowerCase() === wanted)) continue;
    return slot.choices.find((c) => String(c).toLowerCase() === choice.toLowerCase()) ?? choice;
  }
  return undefined;
}

/** The most items a list slot holds (the command schema's bound). */
const MAX_LIST_ITEMS = 100;

function isListItem(item: unknown): item is string | number | boolean {
  return (
    (typeof item === "string" && item.length <= 1_000) ||
    typeof item === "boolean" ||
    (typeof item === "number" && Number.isFinite(item))
  );
}

/**
 * Handler outputs may be any JSON; slots hold primitives and lists of text. A list of
 * primitives is kept as a list (it reads "a, b and c" in templates); any other structure is
 * stored as JSON text.
 */
export function toSlotValue(value: unknown): SlotValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.length <= MAX_LIST_ITEMS && value.every(isListItem)) {
    return value.map(String);
  }
  return JSON.stringify(value);
}

/** How messages name a slot: its `label` ("IBAN"), else "beneficiary_name" -> "beneficiary name". */
export function slotLabel(slot: string, definition?: SlotDefinition): string {
  return definition?.label ?? slot.replace(/_/g, " ");
}
