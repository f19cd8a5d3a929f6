import type { Domain, SlotDefinition } from "../../config/schema.ts";
import type { Analyzer } from "./analyzer.ts";
import { ChoiceMatcher } from "./extract/choices.ts";
import { stem, tokenize } from "./text.ts";

/** How a slot's value is read from text. */
export type SlotKind = "choice" | "boolean" | "number" | "date" | "iban" | "code" | "text";

export interface SlotInfo {
  name: string;
  def: SlotDefinition;
  kind: SlotKind;
  choices?: ChoiceMatcher;
  /** Stem sequences that name the slot ("amount", "how much", "recipient"). */
  keys: string[][];
  /** Surface words that name the slot, for stripping "the concept is ..." from answers. */
  words: string[];
  /** A free-text slot that holds a name (beneficiary, recipient...): read as a name, not a phrase. */
  nameLike: boolean;
}

/** Slot names that hold the name of a person or company. */
const NAME_SLOT = /name|beneficiary|recipient|payee|receiver|contact|holder/;

/** Generic words for common slot roles, matched against the slot's name. */
const ROLE_WORDS: Array<[RegExp, string[]]> = [
  [
    /amount|sum|quantity|price|total/,
    ["amount", "sum", "quantity", "how much", "importe", "cantidad"],
  ],
  [
    /beneficiary|recipient|payee|receiver/,
    ["beneficiary", "recipient", "payee", "receiver", "person", "destinatario", "name"],
  ],
  [/iban/, ["iban", "account number", "bank account"]],
  [
    /concept|memo|description|reason|subject/,
    ["concept", "memo", "description", "reason", "subject", "concepto", "motivo"],
  ],
  [/source|origin/, ["source", "origin", "from account", "origen", "from which account"]],
  [/date|day/, ["date", "day", "fecha"]],
  [
    /last_?4|last_?four|digits/,
    ["last four", "last 4", "digits", "ending", "ends", "terminada", "acaba"],
  ],
  [/address/, ["address", "direccion", "deliver", "delivery", "send it"]],
  [/period|range/, ["period", "time frame", "timeframe", "periodo"]],
  [/reference|ref\b/, ["reference", "ref", "referencia", "number"]],
  [/code|pin/, ["code", "pin", "codigo"]],
  [/card_type|card_kind/, ["card type", "kind of card", "type of card"]],
];

/** Name parts that say nothing about which slot is meant. */
const GENERIC_NAME_PARTS = new Set(["type", "name", "value", "id", "4", "the"]);

function kindOf(name: string, def: SlotDefinition): SlotKind {
  if (def.choices?.length) return "choice";
  if (def.type === "boolean") return "boolean";
  if (def.type === "integer" || def.type === "float") {
    return /last_?4|digits|code|pin/.test(name) ? "code" : "number";
  }
  if (def.type === "date") return "date";
  if (/iban/i.test(name) || /iban/i.test(def.validator ?? "")) return "iban";
  if (/last_?4|last_?four|digits|code|pin|reference|number|_id$/.test(name)) return "code";
  return "text";
}

/** Every slot of the domain with its reading strategy and the words that name it. */
export function buildSlotCatalog(domain: Domain, analyzer: Analyzer): Map<string, SlotInfo> {
  const catalog = new Map<string, SlotInfo>();
  for (const [name, def] of Object.entries(domain.slots)) {
    const kind = kindOf(name, def);
    const phrases = name.split("_").filter((p) => p && !GENERIC_NAME_PARTS.has(p));
    for (const [pattern, list] of ROLE_WORDS) if (pattern.test(name)) phrases.push(...list);
    const keys = phrases
      .map((p) => tokenize(p).map((t) => stem(t.norm)))
      .filter((k) => k.length > 0);
    const info: SlotInfo = {
      name,
      def,
      kind,
      keys,
      words: [...new Set(phrases)],
      nameLike: kind === "text" && NAME_SLOT.test(name),
    };
    if (kind === "choice") info.choices = new ChoiceMatcher(def, analyzer);
    catalog.set(name, info);
  }
  return catalog;
}
