import type { Domain, SlotDefinition, SlotExtract } from "../../config/schema.ts";
import { slotExtract } from "../../config/slot-kind.ts";
import { wholePattern } from "../../config/slot-pattern.ts";
import type { Analyzer } from "./analyzer.ts";
import { ChoiceIndex, ChoiceMatcher } from "./extract/choices.ts";
import type { LanguagePack } from "./language/pack.ts";
import {
  CURRENCY_NOUNS,
  DAY_STEMS,
  GENERIC_NOUNS,
  KIND_NOUNS,
  MONTH_DAY_CUE,
  PAST_CUES,
  PEOPLE_WORDS,
  PLACE_WORDS,
  PROMPT_ASKS,
  STOP_WORDS,
  TEXTING_FORMS,
  UNIT_OF,
  UP_TO,
} from "./language/words.ts";
import { escapeRegExp, fold, stem, tokenize } from "./text.ts";

/** A choice and the most its prompt says it holds, in a unit ("mediano", 10, "kg"). */
export interface ChoiceBound {
  value: string;
  max: number;
  unit: string;
}

/** How a slot's value is read from text (from its declared `extract`). */
export type SlotKind =
  | "choice"
  | "list"
  | "boolean"
  | "number"
  | "date"
  | "time"
  | "iban"
  | "code"
  | "text";

export interface SlotInfo {
  name: string;
  def: SlotDefinition;
  /** The declared kind (docs/dsl.md). */
  extract: SlotExtract;
  /** The reader that reads it. */
  kind: SlotKind;
  choices?: ChoiceMatcher;
  /** With `extract: pattern`: the value's regular expression, anchored nowhere. */
  pattern?: RegExp;
  /**
   * The pattern with its literal hyphens made optional ("HB 222222", "ap4821"), one group per
   * part, so a match can be written back the way the pattern has it.
   */
  loosePattern?: RegExp;
  /** What joins the loose pattern's parts back: the pattern's hyphen, or nothing ("BW" + "377"). */
  looseJoin?: string;
  /** The pattern anchored at both ends, to test a value read some other way. */
  wholePattern?: RegExp;
  /**
   * The pattern matched at the start of a text and ending where a word ends ("priya.shah" of
   * "priya.shah please", not of "priya.shah@x.org"): a value at its slot's name or trigger place.
   */
  leadingPattern?: RegExp;
  /** The pattern's letters are all capitals: a match is read back upper-cased. */
  upperPattern: boolean;
  /**
   * An optional slot's `declined_by` phrases ("one way"), as stems: said in the message that
   * starts its flow ("a one way ticket to Rome"), they decline the slot there and then.
   */
  noValueCues?: readonly (readonly string[])[];
  /**
   * The fixed letters before the pattern's last hyphen ("XY-" of "XY-\\d{4}"): digits typed
   * alone ("code 4821") are the code with them.
   */
  codePrefix?: string;
  /**
   * The pattern has a digit class or fixed capitals ("HB-\\d{6}", "[A-Z][0-9][A-Z0-9]{4}"): a
   * match anywhere in a message is the slot's value. A loose one ("[A-Z0-9-]{6,}") only checks
   * what was read.
   */
  distinctive: boolean;
  /**
   * A code that names a thing already had: a distinctive pattern, or a number of a fixed count
   * of digits (`extract: digits` with `length`: the last 3 digits of a code). A flow that reads it,
   * beside every value a flow the words point at reads, is the one meant (see byReference).
   */
  referenceLike: boolean;
  /**
   * A free-text slot named for a kind of something (`lantern_type`, pack `kindNouns`): the stem
   * of that something ("lantern"). The word right before it in a message is the value ("a paper
   * lantern").
   */
  kindOf?: string;
  /**
   * A loose pattern that needs a dot, an at sign or an underscore between its parts
   * ("[a-z]+\\.[a-z]+"): one token of that shape is no word of prose, so it is the slot's value
   * wherever it is said. (A hyphen does not count: "well-known" is prose.)
   */
  marked: boolean;
  /**
   * Upper bounds the prompt puts on the choices ("mediano (hasta 10 kg)"), smallest first: a
   * measure said as the answer ("pesa unos 7 kilos") picks the smallest choice it fits.
   */
  bounds?: readonly ChoiceBound[];
  /** The pattern has a class of digits only (`\\d`, `[0-9]`): its matches hold a digit. */
  digitClass: boolean;
  /** The pattern has a hyphen of its own, outside its classes ("HB-\\d{6}"). */
  hyphened: boolean;
  /** Stem sequences that name the slot ("amount", "how much", "recipient"). */
  keys: string[][];
  /**
   * Generic parts of its name ("name" of beneficiary_name, "type" of card_type): they name the
   * slot only within a flow where no other slot has them.
   */
  genericKeys: string[][];
  /**
   * What the prompt asks for by name ("doctor" of "Which doctor do you need?", "mobile number"
   * of "Which mobile number is it about?"): it names the slot at its confirmation.
   */
  askedKeys: string[][];
  /** Surface words that name the slot, for stripping "the concept is ..." from answers. */
  words: string[];
  /** Another slot takes the same choices (an origin and a destination). */
  sharedChoices?: boolean;
  /** Declared `person_name`: read as a name, not a phrase. */
  nameLike: boolean;
  /**
   * A name some trigger phrase says, asked only by flows that ask for no place or address: a
   * capitalised word after "a" or "de" is no town there, so it may be the name (set once the
   * flows' slots and cues are known).
   */
  leadable: boolean;
  /** Declared `address`: the rest of the sentence after its cue ("to 12 High Street, Oxford"). */
  address: boolean;
  /** Declared optional (`required: false`): a negated answer skips it. */
  optional: boolean;
  /**
   * A number slot that counts people: its name, label, aliases, prompt or description has one
   * of the language packs' people words ("How many guests?"). Those words then name it.
   */
  people: boolean;
  /**
   * A date slot asked about the past: its prompt or description has one of the language packs'
   * past cues ("Since when has it been failing?"). Weekdays and days of the month read back.
   */
  past: boolean;
  /** A number slot counting days or nights (its name, label or aliases say so): "a week" is 7. */
  days: boolean;
  /**
   * A number slot that is a day of the month: its label, aliases, prompt or description has one
   * of the packs' `monthDayCues` ("On which day of the month ...?"). "the 15th" fills it with 15.
   */
  monthDay: boolean;
  /**
   * A free-text slot that asks for a place: its name, label, aliases, prompt or description has
   * one of the language packs' place words ("location", "Which city?", "Where to?").
   */
  place: boolean;
  /** A free-text slot named as a currency (its name, label or aliases: "currency"). */
  currency: boolean;
}

/**
 * A number slot that counts people, days or is a day of the month: an amount said in a currency
 * ("€50") is none of its values.
 */
export function countsThings(slot: SlotInfo): boolean {
  return slot.people || slot.days || slot.monthDay;
}

const READER: Record<SlotExtract, SlotKind> = {
  number: "number",
  money: "number",
  date: "date",
  time: "time",
  choice: "choice",
  list: "list",
  person_name: "text",
  free_text: "text",
  address: "text",
  pattern: "code",
  digits: "code",
  iban: "iban",
  yes_no: "boolean",
};

/**
 * Name parts that say nothing about which slot is meant: the packs' generic nouns (which still
 * name a slot where no other slot of the flow has them) and a digit ("last_4"); function words
 * ("the") are the packs' stop words.
 */
const GENERIC_NAME_PARTS = new Set([...GENERIC_NOUNS, "4"]);

/**
 * The noun a prompt asks about after its question word, with the word after it when that is no
 * function word either ("Which mobile number ..."); none when a function word follows the
 * question word ("What is the patient's name?"). The question word opens a sentence: "que" in
 * "(o di que no)" joins a clause and asks nothing.
 */
function askedKeys(prompt: string | undefined): string[][] {
  const text = prompt ?? "";
  const tokens = tokenize(text);
  const at = tokens.findIndex(
    (t) => PROMPT_ASKS.has(t.norm) && /(?:^|[.?!¿¡:])[\s"'(]*$/.test(text.slice(0, t.start)),
  );
  if (at < 0) return [];
  const words: string[] = [];
  for (const t of tokens.slice(at + 1, at + 3)) {
    if (STOP_WORDS.has(t.norm) || /\d/.test(t.norm)) break;
    words.push(stem(t.norm));
  }
  return words.length ? [words] : [];
}

/**
 * A label's head before its qualifier ("description" of "description of the problem"): "the
 * description is wrong" names the slot, where no other slot of the flow has that word.
 */
function labelHead(label: string | undefined): string[][] {
  if (!label) return [];
  const words = tokenize(label.toLowerCase()).map((t) => t.norm);
  const qualifier = words.findIndex((w, i) => i > 0 && STOP_WORDS.has(w));
  return qualifier > 0 ? [words.slice(0, qualifier).map(stem)] : [];
}

/** Every slot of the domain with its reading strategy and the words that name it. */
export function buildSlotCatalog(
  domain: Domain,
  analyzer: Analyzer,
  pack: LanguagePack,
): Map<string, SlotInfo> {
  const catalog = new Map<string, SlotInfo>();
  for (const [name, def] of Object.entries(domain.slots)) {
    const extract = slotExtract(def);
    const kind = READER[extract];
    // What names a slot: its own name's words, its label, its aliases and the language's
    // words for its kind ("amount" for money).
    // Function words of a name ("of" in time_of_day) name nothing: "instead of" is no slot.
    // What follows one only qualifies the head: "time of day" is a time, and "wrong day" names
    // the date beside it, not this slot.
    const parts = name.split("_");
    const qualifier = parts.findIndex((p, i) => i > 0 && STOP_WORDS.has(p));
    const phrases = (qualifier > 0 ? parts.slice(0, qualifier) : parts).filter(
      (p) => p && !GENERIC_NAME_PARTS.has(p) && !STOP_WORDS.has(p),
    );
    if (def.label) phrases.push(def.label.toLowerCase());
    phrases.push(...(def.aliases ?? []), ...(pack.kindWords[extract] ?? []));
    const people = extract === "number" && countsPeople(name, def);
    const monthDay =
      extract === "number" &&
      [def.label, ...(def.aliases ?? []), def.prompt, def.description].some(
        (t) => t !== undefined && MONTH_DAY_CUE.test(fold(t)),
      );
    if (people) phrases.push(...PEOPLE_WORDS);
    const keys = phrases
      .map((p) => tokenize(p).map((t) => stem(t.norm)))
      .filter((k) => k.length > 0);
    // "mi tlf es ...": a chat's short form of a word that names the slot names it too.
    for (const [form, word] of TEXTING_FORMS) {
      if (keys.some((k) => k.length === 1 && k[0] === stem(word))) keys.push([stem(form)]);
    }
    const digitClass = def.pattern !== undefined && DIGIT_CLASS.test(def.pattern);
    // The pattern's own characters, its classes left out ("[a-z0-9._-]" is no hyphen of its own).
    const literal = def.pattern?.replace(/\[(?:\\.|[^\]])*\]/g, "") ?? "";
    const distinctive = digitClass || (def.pattern !== undefined && /[A-Z]{2}/.test(def.pattern));
    const info: SlotInfo = {
      name,
      def,
      extract,
      kind,
      keys,
      askedKeys: askedKeys(def.prompt),
      genericKeys: [
        ...name
          .split("_")
          .filter((p) => GENERIC_NOUNS.has(p))
          .map((p) => [stem(p)]),
        ...labelHead(def.label),
      ],
      words: [...new Set(phrases)],
      nameLike: extract === "person_name",
      leadable: false,
      address: extract === "address",
      optional: def.required === false,
      people,
      monthDay,
      // A day of the month counts no days: "a week" is no 7th.
      days:
        !monthDay &&
        extract === "number" &&
        [name.replace(/_/g, " "), def.label, ...(def.aliases ?? [])].some(
          (t) => t !== undefined && tokenize(t).some((w) => DAY_STEMS.has(stem(w.norm))),
        ),
      past:
        extract === "date" &&
        [def.prompt, def.description].some(
          (t) => t !== undefined && tokenize(t).some((w) => PAST_CUES.has(w.norm)),
        ),
      place:
        extract === "free_text" &&
        [
          name.replace(/_/g, " "),
          def.label,
          ...(def.aliases ?? []),
          def.prompt,
          def.description,
        ].some((t) => t !== undefined && tokenize(t).some((w) => PLACE_WORDS.has(w.norm))),
      currency:
        extract === "free_text" &&
        [name.replace(/_/g, " "), def.label, ...(def.aliases ?? [])].some(
          (t) => t !== undefined && tokenize(t).some((w) => CURRENCY_NOUNS.has(w.norm)),
        ),
      bounds: def.choices && def.prompt ? boundsOf(def) : undefined,
      kindOf: extract === "free_text" ? kindOf(name) : undefined,
      distinctive,
      referenceLike: distinctive || (extract === "digits" && def.length !== undefined),
      marked: def.pattern !== undefined && !distinctive && /\\\.|[@_]/.test(literal),
      digitClass,
      hyphened: literal.includes("-"),
      upperPattern:
        def.pattern !== undefined &&
        !/[a-z]/.test(def.pattern.replace(/\\[a-zA-Z]|\{[^}]*\}/g, "")),
    };
    const cues = def.required === false ? declinedByCues(def.declined_by) : [];
    if (cues.length > 0) info.noValueCues = cues;
    if (def.pattern) {
      info.pattern = new RegExp(def.pattern, "iu");
      info.wholePattern = wholePattern(def.pattern);
      info.leadingPattern = new RegExp(
        `^(?:${def.pattern})(?![\\p{L}\\p{N}]|[-.@_'][\\p{L}\\p{N}])`,
        "iu",
      );
      const parts = hyphenParts(def.pattern);
      if (parts) {
        info.loosePattern = new RegExp(parts.map((p) => `(${p})`).join("[-\\s]?"), "iu");
        const fixed = parts.slice(0, -1);
        if (fixed.length > 0 && fixed.every((p) => /^[A-Za-z]+$/.test(p))) {
          info.codePrefix = `${fixed.join("-")}-`;
        }
      } else {
        // "BW\\d{3,4}" typed "bw 377": capitals then digits, a space between, joined back.
        const prefix = capitalsBeforeDigits(def.pattern);
        if (prefix) {
          info.loosePattern = new RegExp(`(${prefix[0]})\\s(${prefix[1]})`, "iu");
          info.looseJoin = "";
        }
      }
    }
    if (kind === "choice" || (kind === "list" && def.choices?.length)) {
      info.choices = new ChoiceMatcher(def, analyzer);
    }
    catalog.set(name, info);
  }
  // An origin and a destination taking the same choices: "from" and "to" tell them apart.
  const byChoices = new Map<string, number>();
  for (const info of catalog.values()) {
    if (!info.choices) continue;
    const key = JSON.stringify(info.def.choices);
    byChoices.set(key, (byChoices.get(key) ?? 0) + 1);
  }
  for (const info of catalog.values()) {
    if (info.choices && (byChoices.get(JSON.stringify(info.def.choices)) ?? 0) > 1)
      info.sharedChoices = true;
  }
  // Every choice slot searches the same messages: one index of their words says which may
  // name a choice in a message at all.
  ChoiceIndex.of([...catalog.values()].flatMap((info) => (info.choices ? [info.choices] : [])));
  return catalog;
}

/** The stems of each of a slot's `declined_by` phrases that has words. */
function declinedByCues(phrases: readonly string[] | undefined): string[][] {
  return (phrases ?? [])
    .map((p) => tokenize(p).map((t) => stem(t.norm)))
    .filter((stems) => stems.length > 0);
}

/** Single words of the packs' people words ("guests", "personas"). */
const PEOPLE_NOUNS = new Set(PEOPLE_WORDS.filter((w) => !w.includes(" ")));

/** The slot's own words say it counts people: "How many guests?", "party_size" does not. */
function countsPeople(name: string, def: SlotDefinition): boolean {
  const said = [
    name.replace(/_/g, " "),
    def.label,
    ...(def.aliases ?? []),
    def.prompt,
    def.description,
  ];
  return said.some((s) => s !== undefined && tokenize(s).some((t) => PEOPLE_NOUNS.has(t.norm)));
}

/** A class of digits only: `\\d`, `[0-9]`, `[1-9]`, `[0-5]` (not `[A-Z0-9]`, any word's letters). */
const DIGIT_CLASS = /\\d|\[(?:\d(?:-\d)?)+\]/;

/**
 * A pattern made of two or more fixed capitals and then a digit class, with no hyphen, group
 * or alternation ("BW\\d{3,4}"): the capitals and the rest; else null.
 */
function capitalsBeforeDigits(pattern: string): [string, string] | null {
  const m = /^([A-Z]{2,})((?:\\d|\[(?:\d(?:-\d)?)+\])[^()|^$-]*)$/.exec(pattern);
  return m ? [m[1]!, m[2]!] : null;
}

/**
 * The parts of a pattern between its top-level literal hyphens ("HB-\\d{6}" -> "HB", "\\d{6}");
 * null when it has none, or an alternation or group makes splitting unsafe.
 */
function hyphenParts(pattern: string): string[] | null {
  const parts: string[] = [];
  let part = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      part += c + (pattern[i + 1] ?? "");
      i++;
      continue;
    }
    if (inClass) {
      inClass = c !== "]";
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(" || c === "|" || c === "^" || c === "$") {
      return null;
    } else if (c === "-") {
      parts.push(part);
      part = "";
      continue;
    }
    part += c;
  }
  parts.push(part);
  return parts.length > 1 && parts.every((p) => p !== "") ? parts : null;
}

/** The prompt's bound on each choice ("pequeño (hasta 2 kg)"), when it bounds two or more. */
function boundsOf(def: SlotDefinition): ChoiceBound[] | undefined {
  const prompt = fold(def.prompt!);
  const upTo = UP_TO.map(escapeRegExp).join("|");
  const bounds: ChoiceBound[] = [];
  for (const value of def.choices!) {
    if (typeof value !== "string") continue;
    const label = fold(def.choice_labels?.[value] ?? value.replace(/_/g, " "));
    const m = new RegExp(
      `\\b${escapeRegExp(label)}\\s*\\(\\s*(?:${upTo})\\s+(\\d+(?:[.,]\\d+)?)\\s*([a-z]+)\\s*\\)`,
    ).exec(prompt);
    if (!m) continue;
    const unit = UNIT_OF.get(m[2]!) ?? m[2]!;
    bounds.push({ value, max: Number(m[1]!.replace(",", ".")), unit });
  }
  return bounds.length >= 2 ? bounds.sort((a, b) => a.max - b.max) : undefined;
}

/** `lantern_type` -> the stem of "lantern": a name of two words, one of them a kind noun. */
function kindOf(name: string): string | undefined {
  const parts = name.split("_").filter(Boolean);
  if (parts.length !== 2) return undefined;
  const [a, b] = parts as [string, string];
  if (KIND_NOUNS.has(b) && !KIND_NOUNS.has(a)) return stem(a);
  if (KIND_NOUNS.has(a) && !KIND_NOUNS.has(b)) return stem(b);
  return undefined;
}
