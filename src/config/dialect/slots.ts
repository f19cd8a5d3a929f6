import { isPlainObject, type PlainObject, put } from "../plain-object.ts";
import { collectReadFlowSlots, type FlowSlotEntry } from "./flow-slot-collect.ts";
import { valuesListedIn } from "./listed-values.ts";
import type { DialectReport, Path, PathRemap } from "./report.ts";

const MODERN_TYPES = new Set(["string", "integer", "float", "boolean", "date", "any", "list"]);
/** The original's free type names; any other unknown name becomes `any`. */
const OLD_TYPES: Readonly<Record<string, string>> = {
  number: "float",
  int: "integer",
  bool: "boolean",
  str: "string",
  text: "string",
  city: "string",
  address: "string",
};
/** Old type names whose values this version reads with a declared kind (docs/dsl.md, "slots"). */
const OLD_TYPE_EXTRACT: Readonly<Record<string, string>> = { address: "address" };
/**
 * Validators of the original named as a kind of value this version reads: the original's model
 * read such values from any sentence; here the slot reads that kind, and its validator still
 * checks what is read.
 */
const VALIDATOR_KINDS = new Set(["iban", "person_name", "address"]);
/**
 * A validator named as a check on dates (`future_date_only`, `past_date`): the original's model
 * handed it what was said, usually an ISO date; here the slot reads dates and stores them as ISO
 * dates ("next friday" too), and the validator still checks what is read.
 */
const DATE_VALIDATOR = /(?:^|_)dates?(?:_|$)/i;
/**
 * A validator whose error message asks for a code of so many digits ("Please give exactly 3
 * digits.", "Enter the 5-digit code."): the slot reads a code of that length from any sentence
 * ("the one ending in 417").
 */
const DIGITS_MESSAGE = /\b(\d{1,2})[- ]digits?\b/i;
const IGNORED_SLOT_KEYS = ["normalization", "default", "examples"];
/**
 * The original's `normalization: {strategy: natural_date}` stores "next friday" as an ISO date,
 * which is what this version's date reading does.
 */
const DATE_STRATEGY = "natural_date";

/** Rewrites one slot definition in place: old type names, `ask`, keys the original ignores. */
export function normalizeSlot(slot: PlainObject, at: Path, report: DialectReport): void {
  if (typeof slot.type === "string" && !MODERN_TYPES.has(slot.type)) {
    const modern = OLD_TYPES[slot.type] ?? "any";
    const extract = OLD_TYPE_EXTRACT[slot.type];
    const kind = extract && !Object.hasOwn(slot, "extract") ? extract : undefined;
    report.warn(
      [...at, "type"],
      "dialect.slot_type",
      `slot type '${slot.type}' is written '${modern}'${kind ? ` with 'extract: ${kind}'` : ""}`,
    );
    slot.type = modern;
    if (kind) put(slot, "extract", kind);
  }
  if (Object.hasOwn(slot, "ask") && !Object.hasOwn(slot, "prompt")) {
    put(slot, "prompt", slot.ask);
    report.warn([...at, "ask"], "dialect.slot_ask", "a slot's 'ask:' is written 'prompt:'", true);
  }
  delete slot.ask;
  const validator = slot.validator;
  if (
    typeof validator === "string" &&
    VALIDATOR_KINDS.has(validator) &&
    slot.type === "string" &&
    !Object.hasOwn(slot, "extract")
  ) {
    put(slot, "extract", validator);
  }
  if (typeof validator === "string" && slot.type === "string" && !Object.hasOwn(slot, "extract")) {
    const digits =
      typeof slot.validation_error_message === "string"
        ? DIGITS_MESSAGE.exec(slot.validation_error_message)
        : null;
    if (DATE_VALIDATOR.test(validator)) put(slot, "extract", "date");
    else if (digits && !Object.hasOwn(slot, "length")) {
      put(slot, "extract", "digits");
      put(slot, "length", Number(digits[1]));
    }
  }
  const strategy = isPlainObject(slot.normalization) ? slot.normalization.strategy : undefined;
  if (strategy === DATE_STRATEGY) {
    if (!Object.hasOwn(slot, "extract")) put(slot, "extract", "date");
    report.warn(
      [...at, "normalization"],
      "dialect.slot_normalization",
      `slot normalization '${strategy}' is written 'extract: date' (dates are read and stored as ISO dates)`,
      true,
    );
    delete slot.normalization;
  }
  for (const key of IGNORED_SLOT_KEYS) {
    if (!Object.hasOwn(slot, key)) continue;
    report.warn(
      [...at, key],
      "dialect.ignored_key",
      `slot key '${key}' is ignored by this version (normalize values with a normalizer handler)`,
      true,
    );
    delete slot[key];
  }
}

/** One entry of a flow-level `slots:` list: `{name, type, ...}`, `{name: {type, ...}}` or a bare name. */
function readEntry(entry: unknown, at: Path): FlowSlotEntry | undefined {
  if (typeof entry === "string") return { name: entry, slot: {}, at };
  if (!isPlainObject(entry)) return undefined;
  if (typeof entry.name === "string") {
    const { name, ...slot } = entry;
    return { name, slot, at };
  }
  const keys = Object.keys(entry);
  if (keys.length === 1 && isPlainObject(entry[keys[0]!])) {
    return { name: keys[0]!, slot: { ...(entry[keys[0]!] as PlainObject) }, at: [...at, keys[0]!] };
  }
  return undefined;
}

/**
 * Moves flow-level `slots:` lists into the domain's slot table. A slot declared at the top
 * keeps its definition (missing keys are filled in); two flows giving one slot different
 * types are reported, and the slot takes `any` so both keep working.
 */
export function hoistFlowSlots(data: PlainObject, report: DialectReport, remap: PathRemap): void {
  if (!isPlainObject(data.flows)) return;
  if (!isPlainObject(data.slots)) put(data, "slots", {});
  const table = data.slots as PlainObject;
  const declaredAtTop = new Set(Object.keys(table));
  const hoistedFrom = new Map<string, string>();
  for (const [flowName, flow] of Object.entries(data.flows)) {
    if (!isPlainObject(flow) || !Object.hasOwn(flow, "slots")) continue;
    const at = ["flows", flowName, "slots"];
    report.warn(
      at,
      "dialect.flow_slots",
      `flow '${flowName}': flow-level 'slots:' are declared in the domain's top-level 'slots:' (they move there)`,
      true,
    );
    if (!Array.isArray(flow.slots)) {
      report.error(
        at,
        `flow '${flowName}': flow-level 'slots:' is a list of '{name, type, description}'`,
      );
    }
    const entries = Array.isArray(flow.slots) ? flow.slots : [];
    const read: FlowSlotEntry[] = [];
    entries.forEach((raw, i) => {
      const entry = readEntry(raw, [...at, i]);
      if (!entry) {
        report.error([...at, i], `flow '${flowName}': a slot entry is '{name, type, description}'`);
        return;
      }
      read.push(entry);
      normalizeSlot(entry.slot, entry.at, report);
      const existing = table[entry.name];
      if (isPlainObject(existing)) {
        const type = (s: PlainObject) => (typeof s.type === "string" ? s.type : "string");
        if (type(existing) !== type(entry.slot)) {
          const other = declaredAtTop.has(entry.name)
            ? "the top-level slots"
            : `flow '${hoistedFrom.get(entry.name)}'`;
          report.warn(
            [...entry.at, "type"],
            "dialect.slot_type_conflict",
            `slot '${entry.name}' is '${type(entry.slot)}' in flow '${flowName}' but '${type(existing)}' in ${other}; one slot table holds both, so ${declaredAtTop.has(entry.name) ? "the top-level type is kept" : "it takes type 'any'"}`,
          );
          if (!declaredAtTop.has(entry.name)) existing.type = "any";
        }
        for (const [key, value] of Object.entries(entry.slot)) {
          if (key !== "type" && !Object.hasOwn(existing, key)) put(existing, key, value);
        }
        return;
      }
      put(table, entry.name, entry.slot);
      hoistedFrom.set(entry.name, flowName);
      remap.record(["slots", entry.name], entry.at);
    });
    collectReadFlowSlots(flowName, flow, read, report, remap);
    delete flow.slots;
  }
}

/**
 * A `string` slot checked by a validator whose error message lists the values it accepts
 * ("Please choose from: checking, savings, or investment") takes them as its choices, so they
 * are read from any sentence as the original's model read them; the validator still checks
 * them. Slots naming the same validator share the list one of their messages gives.
 */
export function chooseListedValues(data: PlainObject): void {
  if (!isPlainObject(data.slots)) return;
  const open = (slot: unknown): slot is PlainObject & { validator: string } =>
    isPlainObject(slot) &&
    typeof slot.validator === "string" &&
    (slot.type === undefined || slot.type === "string") &&
    !Object.hasOwn(slot, "choices") &&
    !Object.hasOwn(slot, "extract") &&
    !Object.hasOwn(slot, "pattern");
  const listed = new Map<string, string[]>();
  for (const slot of Object.values(data.slots)) {
    if (!open(slot) || listed.has(slot.validator)) continue;
    const message = slot.validation_error_message;
    const values = typeof message === "string" ? valuesListedIn(message) : undefined;
    if (values) listed.set(slot.validator, values);
  }
  for (const slot of Object.values(data.slots)) {
    if (!open(slot)) continue;
    const values = listed.get(slot.validator);
    if (values) put(slot, "choices", [...values]);
  }
}
