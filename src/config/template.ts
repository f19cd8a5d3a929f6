/**
 * `{slot}` interpolation for messages and prompts (documented in docs/dsl.md, "Templates").
 * `{{` and `}}` are literal braces. Values render for people, not programs: integers as is,
 * fractional numbers with two decimals, booleans as yes/no, a missing or null slot as nothing,
 * a choice id as its label (`choice_labels`) or its words ("child_seat" -> "child seat").
 * `{slot:format}` picks one of a fixed set of formats (`TEMPLATE_FORMATS`), e.g. `{amount:money}`;
 * a slot may declare a default format that `{slot}` without one uses (`RenderOptions.formats`).
 * `{slot|words}` says the words when the slot is empty (missing, null, "" or an empty list):
 * `{extras|no extras}` for an optional slot the user declined.
 */

/**
 * Named formats a template may apply to a value: `{balance:money}` -> "52,310.00";
 * `{payee:voice}` -> the user's words in the assistant's voice ("my neighbour" ->
 * "your neighbour"), for values said by the user and read back to them; `{day:date}` -> "Tuesday
 * 27 April" ("martes 27 de abril").
 */
export const TEMPLATE_FORMATS = ["money", "number", "voice", "date"] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "slot"; name: string; start: number; format?: TemplateFormat; otherwise?: string };

export interface Template {
  source: string;
  parts: TemplatePart[];
}

/** A malformed template; `offset` is the 0-based index of the offending character. */
export class TemplateError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = "TemplateError";
    this.offset = offset;
  }
}

export interface RenderOptions {
  /** Words for booleans (settings.language); English by default. */
  language?: "en" | "es";
  /** Default format per value name, for `{name}` written without one (a slot's `format`). */
  formats?: Readonly<Record<string, TemplateFormat>>;
  /** Per value name, the slot's choices and how they read (see `choiceLabel`). */
  choices?: Readonly<Record<string, ChoiceWords>>;
}

/** A choice slot's ids and the words they read as in messages (`choice_labels`). */
export interface ChoiceWords {
  ids: ReadonlySet<string>;
  labels: Readonly<Record<string, string>>;
}

/** The reading of a slot with `choices`, undefined for a slot without. */
export function choiceWords(slot: {
  choices?: readonly (string | number | boolean)[] | undefined;
  choice_labels?: Readonly<Record<string, string>> | undefined;
}): ChoiceWords | undefined {
  if (!slot.choices?.length) return undefined;
  return { ids: new Set(slot.choices.map(String)), labels: slot.choice_labels ?? {} };
}

/**
 * How a choice id reads in a message: its label, else the id with spaces for underscores
 * ("child_seat" -> "child seat"). A list reads item by item; a value that is none of the
 * choices (free text, a number) is left as it is.
 */
export function choiceLabel(value: unknown, words: ChoiceWords | undefined): unknown {
  if (!words) return value;
  if (Array.isArray(value)) return value.map((item) => choiceLabel(item, words));
  if (typeof value !== "string" || !words.ids.has(value)) return value;
  return Object.hasOwn(words.labels, value) ? words.labels[value] : value.replace(/_/g, " ");
}

const BOOLEAN_WORDS = { en: ["yes", "no"], es: ["sí", "no"] } as const;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "{" && source[i + 1] === "{") {
      text += "{";
      i += 2;
    } else if (ch === "}" && source[i + 1] === "}") {
      text += "}";
      i += 2;
    } else if (ch === "}") {
      throw new TemplateError("unmatched '}' (write '}}' for a literal brace)", i);
    } else if (ch === "{") {
      const close = source.indexOf("}", i + 1);
      if (close === -1) {
        throw new TemplateError("unclosed '{' (write '{{' for a literal brace)", i);
      }
      const inside = source.slice(i + 1, close);
      const bar = inside.indexOf("|");
      const otherwise = bar < 0 ? undefined : inside.slice(bar + 1).trim();
      const head = bar < 0 ? inside : inside.slice(0, bar);
      const colon = head.indexOf(":");
      const name = (colon < 0 ? head : head.slice(0, colon)).trim();
      if (!NAME.test(name)) {
        throw new TemplateError(
          `'{${inside}}' is not a slot name (write '{{' for a literal brace)`,
          i,
        );
      }
      const format = colon < 0 ? undefined : head.slice(colon + 1).trim();
      if (format !== undefined && !isFormat(format)) {
        throw new TemplateError(
          `'{${inside}}' uses the unknown format '${format}'; known formats: ${TEMPLATE_FORMATS.join(", ")}`,
          i,
        );
      }
      if (text) parts.push({ kind: "text", text });
      text = "";
      parts.push({
        kind: "slot",
        name,
        start: i,
        ...(format ? { format } : {}),
        ...(otherwise !== undefined ? { otherwise } : {}),
      });
      i = close + 1;
    } else {
      text += ch;
      i++;
    }
  }
  if (text) parts.push({ kind: "text", text });
  return { source, parts };
}

function isFormat(name: string): name is TemplateFormat {
  return (TEMPLATE_FORMATS as readonly string[]).includes(name);
}

const LOCALES = { en: "en-US", es: "es-ES" } as const;
const numberFormats = new Map<string, Intl.NumberFormat>();

/** First-person words and their second-person counterparts, for the `voice` format. */
const VOICE: Record<"en" | "es", Readonly<Record<string, string>>> = {
  en: { my: "your", mine: "yours", our: "your", ours: "yours", myself: "yourself", me: "you" },
  es: { mi: "tu", mis: "tus", me: "te", nuestro: "vuestro", nuestra: "vuestra" },
};

/** "my neighbour" -> "your neighbour" ("mi vecino" -> "tu vecino" in Spanish). */
function inAssistantVoice(text: string, language: "en" | "es"): string {
  const words = VOICE[language];
  return text.replace(/\p{L}+/gu, (word) => {
    const key = word.toLowerCase();
    // Own keys only: a user's "constructor" is a word, not Object.prototype's.
    const swapped = Object.hasOwn(words, key) ? words[key] : undefined;
    if (!swapped) return word;
    return word[0] === word[0]!.toUpperCase()
      ? swapped[0]!.toUpperCase() + swapped.slice(1)
      : swapped;
  });
}

/** Grouped digits in the domain's language: money always with cents, numbers up to two decimals. */
function formatNumber(value: number, format: "money" | "number", language: "en" | "es"): string {
  const key = `${format}:${language}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    const cents = format === "money" ? 2 : 0;
    formatter = new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: cents,
      maximumFractionDigits: 2,
    });
    numberFormats.set(key, formatter);
  }
  return formatter.format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date ("2027-04-27") as people say it: "Tuesday 27 April", "martes 27 de abril".
 * Built from the parts, as the locales' own long forms add commas and order the day otherwise.
 */
function longDate(value: string, language: "en" | "es"): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const day = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  if (day.getUTCDate() !== +m[3]!) return null;
  let formatter = dateFormats.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], {
      weekday: "long",
      day: "numeric",
      month: "long",
      timeZone: "UTC",
    });
    dateFormats.set(language, formatter);
  }
  const part = (type: string) =>
    formatter.formatToParts(day).find((p) => p.type === type)?.value ?? "";
  const [weekday, date, month] = [part("weekday"), part("day"), part("month")];
  return language === "es" ? `${weekday} ${date} de ${month}` : `${weekday} ${date} ${month}`;
}

/**
 * How one value reads inside a message. With a format, numbers (and numeric strings) are
 * grouped: `money` -> "52,310.00" ("52.310,00" in Spanish), `number` -> "52,310" / "1,500.5";
 * `voice` turns the user's "my" into "your" in text; `date` says a calendar date with its weekday
 * ("Tuesday 27 April"). Anything else renders as without a format.
 */
export function formatValue(
  value: unknown,
  options: RenderOptions = {},
  format?: TemplateFormat,
): string {
  if (format === "voice" && typeof value === "string") {
    return inAssistantVoice(value, options.language ?? "en");
  }
  if (format === "date" && typeof value === "string") {
    const said = longDate(value, options.language ?? "en");
    if (said !== null) return said;
  }
  if (format === "money" || format === "number") {
    const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof n === "number" && Number.isFinite(n)) {
      return formatNumber(n, format, options.language ?? "en");
    }
  }
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") {
    const [yes, no] = BOOLEAN_WORDS[options.language ?? "en"];
    return value ? yes : no;
  }
  if (typeof value === "number") {
    // Fractional amounts always show cents (1500.5 -> "1500.50"); whole numbers stay whole.
    return Number.isInteger(value) || !Number.isFinite(value) ? String(value) : value.toFixed(2);
  }
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return listWords(value.map(String), options.language ?? "en");
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

/** A list slot reads as "ham, mushrooms and olives" ("jamón, setas y aceitunas"). */
function listWords(items: string[], language: "en" | "es"): string {
  if (items.length < 2) return items[0] ?? "";
  const and = language === "es" ? "y" : "and";
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

const CACHE_LIMIT = 2_000;
const cache = new Map<string, Template>();

function cachedTemplate(source: string): Template {
  const cached = cache.get(source);
  if (cached) return cached;
  const template = parseTemplate(source);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, template);
  return template;
}

/**
 * Renders `source` with `values` (slot name -> value). Only own properties are read. Throws
 * TemplateError for a malformed template (the loader rejects those, so this means a bug).
 */
export function renderTemplate(
  source: string,
  values: Readonly<Record<string, unknown>>,
  options: RenderOptions = {},
): string {
  let out = "";
  for (const part of cachedTemplate(source).parts) {
    if (part.kind === "text") out += part.text;
    else {
      const value = Object.hasOwn(values, part.name) ? values[part.name] : null;
      if (part.otherwise !== undefined && isEmpty(value)) {
        out += part.otherwise;
        continue;
      }
      const shown = options.choices ? choiceLabel(value, options.choices[part.name]) : value;
      out += formatValue(shown, options, part.format ?? options.formats?.[part.name]);
    }
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The slot names a template uses, once each, in order of appearance. */
export function templateSlots(source: string): string[] {
  const names = new Set<string>();
  for (const part of cachedTemplate(source).parts) if (part.kind === "slot") names.add(part.name);
  return [...names];
}
