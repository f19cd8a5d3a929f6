import {
  BARE_ARTICLES,
  COUPLE,
  COUPLE_CUE,
  COUPLE_NEXT,
  NUMBER_ARTICLES,
  NUMBER_JOINERS,
  PACKS,
  packOf,
} from "../language/words.ts";
import { fold } from "../text.ts";

/** A number found in a message, with where it was and its currency when one was written. */
export interface NumberMatch {
  value: number;
  start: number;
  end: number;
  currency: string | null;
  /** Written in words ("two hundred") rather than digits. */
  words: boolean;
}

/** A pack's "word value" pairs ("bucks USD", "grand 1000"). */
const pairs = (pick: (p: (typeof PACKS)[number]) => string[]) =>
  PACKS.flatMap(pick).map((pair) => pair.split(" ") as [string, string]);
const CURRENCY_NAMES = pairs((p) => p.currencyWords);
const MULTIPLIER_NAMES = pairs((p) => p.amountMultipliers);

// Looked up with the user's words: "constructor" or "__proto__" must find nothing.
const CURRENCIES: Record<string, string> = Object.assign(Object.create(null), {
  "\u20ac": "EUR",
  eur: "EUR",
  $: "USD",
  usd: "USD",
  "\u00a3": "GBP",
  gbp: "GBP",
  ...Object.fromEntries(CURRENCY_NAMES),
});
/** The code of a currency sign, code or word of the packs ("euros" -> EUR); else null. */
export function currencyCode(word: string): string | null {
  return CURRENCIES[word.toLowerCase()] ?? null;
}

/** Signs and codes of a currency, then the packs' words for one ("euros", "bucks", "pavos"). */
const CURRENCY_AFTER = [
  "\u20ac|eur\\b|usd\\b|\\$|\u00a3|gbp\\b",
  ...CURRENCY_NAMES.map(([w]) => `${w}\\b`),
].join("|");
const CURRENCY_BEFORE = "\u20ac|\\$|\u00a3|eur\\b|usd\\b|gbp\\b";
// Looked up with the user's words: "constructor" or "__proto__" must find nothing.
const MULTIPLIERS: Record<string, number> = Object.assign(Object.create(null), {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  ...Object.fromEntries(MULTIPLIER_NAMES.map(([w, n]) => [w, Number(n)])),
});
const MULTIPLIER = ["k", "mn", "m", ...MULTIPLIER_NAMES.map(([w]) => w)].join("|");

/** A times sign right before a small number, at a word's start ("x3", "×2"; not "2x4"). */
const TIMES = /(?<![\w.,])[x\u00d7](?=\d{1,2}\b)/giu;
const TIMES_CUE = /[x\u00d7]\d/i;
const HAS_DIGIT = /\d/;

const DIGITS = new RegExp(
  `(?:(${CURRENCY_BEFORE})\\s?)?` +
    // A minus sign that starts a word ("-50", "minus 50"), not a dash inside a code ("ELEC-2026").
    "(?:(?<![\\w.,/-])(-|\u2212|minus |menos )(?=\\d))?" +
    // Digits grouped by spaces ("1 200,50", French/Spanish style) are one number too.
    "(?<![\\w.,])(\\d{1,3}(?:[ \u00a0\u202f]\\d{3})+(?:[.,]\\d{1,2})?(?![\\w.,]*\\d)|\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?)(?![\\w]*\\d)" +
    `(?:\\s?(${MULTIPLIER})\\b)?` +
    `(?:\\s?(${CURRENCY_AFTER}))?`,
  "gi",
);

/**
 * Reads "1,500.50", "1.500,50", "1,5", "1.5k". The last separator followed by one or two digits is
 * the decimal mark; a lone separator followed by exactly three digits is a thousands mark, except a
 * lone "." in English ("1.500" = 1.5 in English, 1500 in Spanish).
 */
export function parseDigits(text: string, language: "en" | "es" = "en"): number | null {
  const s = text.replace(/\s/g, "");
  if (!/^-?\d[\d.,]*$/.test(s)) return null;
  const lastSep = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  if (lastSep < 0) return Number(s);
  const seps = s.match(/[.,]/g) ?? [];
  const decimals = s.length - lastSep - 1;
  const sep = s[lastSep]!;
  let decimalMark: string | null;
  if (new Set(seps).size === 2) decimalMark = sep;
  else if (seps.length > 1) decimalMark = null;
  else if (decimals !== 3) decimalMark = sep;
  else decimalMark = sep === "." && packOf(language).pointDecimal ? "." : null;
  const normalized =
    decimalMark === null
      ? s.replace(/[.,]/g, "")
      : s
          .slice(0, lastSep)
          .replace(/[.,]/g, "")
          .concat(".", s.slice(lastSep + 1));
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

/** The packs' number words that add up ("twenty", "cinco"): looked up with the user's words. */
const UNITS: Record<string, number> = Object.assign(
  Object.create(null) as Record<string, number>,
  ...PACKS.map((p) => p.numberWords),
);
/** The packs' number words that multiply what came before ("hundred", "mil"). */
const SCALES: Record<string, number> = Object.assign(
  Object.create(null) as Record<string, number>,
  ...PACKS.map((p) => p.numberScales),
);

/** Whether a number was read from a bare article ("a", "una"), not a count ("one", "2"). */
export function isArticle(text: string, n: { start: number; end: number }): boolean {
  return BARE_ARTICLES.has(fold(text.slice(n.start, n.end).trim()));
}

const ASCII = /^[\x00-\x7f]*$/;

/** Numbers written in words, English and Spanish: "two hundred and fifty", "mil quinientos". */
export function findWordNumbers(
  text: string,
): Array<{ value: number; start: number; end: number }> {
  // Plain ASCII text folds as a whole (a lowercase copy); only other text word by word. A
  // number needs a number word: ASCII text without one has none to read.
  const ascii = ASCII.test(text);
  if (ascii && !ASCII_NUMBER_WORD.test(text)) return [];
  const folded = ascii ? text.toLowerCase() : undefined;
  const tokens = [...text.matchAll(/[\p{L}]+/gu)].map((m) => ({
    word: folded === undefined ? fold(m[0]) : folded.slice(m.index, m.index + m[0].length),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const out: Array<{ value: number; start: number; end: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!.word;
    // "a hundred": an article of the packs opens a number too (the others are number words).
    if (!(first in UNITS) && !(first in SCALES) && !NUMBER_ARTICLES.has(first)) continue;
    let total = 0;
    let current = 0;
    let j = i;
    let last = -1;
    let meaningful = false;
    for (; j < tokens.length; j++) {
      const w = tokens[j]!.word;
      if (w in UNITS) {
        current += UNITS[w]!;
        if (!NUMBER_ARTICLES.has(w)) meaningful = true;
      } else if (w in SCALES) {
        const scale = SCALES[w]!;
        if (scale === 100) current = (current || 1) * 100;
        else {
          total += (current || 1) * scale;
          current = 0;
        }
        meaningful = true;
      } else if (NUMBER_JOINERS.has(w) && j + 1 < tokens.length) {
        const next = tokens[j + 1]!.word;
        if (!(next in UNITS) && !(next in SCALES)) break;
        continue;
      } else break;
      last = j;
    }
    if (last >= i && meaningful) {
      out.push({ value: total + current, start: tokens[i]!.start, end: tokens[last]!.end });
      i = last;
    }
  }
  return out;
}

const NUMBER_WORD_SET = new Set([...Object.keys(UNITS), ...Object.keys(SCALES)]);

/** A whole letter run of ASCII text that is a number word (its letters are [A-Za-z]). */
const ASCII_NUMBER_WORD = new RegExp(
  `(?<![A-Za-z])(?:${[...NUMBER_WORD_SET].filter((w) => /^[a-z]+$/.test(w)).join("|")})(?![A-Za-z])`,
  "i",
);

/** A currency word right after a number said in words ("fifty euros"); built once, not per number. */
const CURRENCY_TAIL = new RegExp(`^\\s?(${CURRENCY_AFTER})`, "i");

const NO_MATCHES: RegExpExecArray[] = [];

/** Every number in the text, digits and words, left to right, with currency and multipliers applied. */
export function findNumbers(text: string, language: "en" | "es" = "en"): NumberMatch[] {
  const out: NumberMatch[] = [];
  // "hamlet x3", "×2": a count written as times a number. The sign becomes a space, so the
  // spans found stay those of the text.
  const read = TIMES_CUE.test(text) ? text.replace(TIMES, " ") : text;
  // DIGITS may start at any character (its currency and sign are optional): a text with no
  // digit is not scanned.
  for (const m of HAS_DIGIT.test(read) ? read.matchAll(DIGITS) : NO_MATCHES) {
    const [whole, before, minus, digits, multiplier, after] = m;
    const sym = (before ?? after)?.toLowerCase();
    // Euros are written with a dot for thousands: "€1.200" is twelve hundred, in any language.
    const euro = sym !== undefined && CURRENCIES[sym] === "EUR";
    let value = parseDigits(digits!, euro ? "es" : language);
    if (value === null) continue;
    if (minus) value = -value;
    if (multiplier) value *= MULTIPLIERS[multiplier.toLowerCase()] ?? 1;
    const at = m.index ?? 0;
    // The span of "x3" takes its sign: no letter glued to the number makes it part of a code.
    const start =
      read !== text && at > 0 && read[at - 1] === " " && text[at - 1] !== " " ? at - 1 : at;
    out.push({
      value: Math.round(value * 100) / 100,
      start,
      end: at + whole.trimEnd().length,
      currency: sym ? (CURRENCIES[sym] ?? null) : null,
      words: false,
    });
  }
  // "a couple of people", "un par de noches": two of them. The span ends before "of us" ("a
  // couple of us"), which names the people counted, and takes "of" otherwise.
  // "couple"/"par" must be in the text for COUPLE to match: most messages skip its scan.
  for (const m of COUPLE_CUE.test(text) ? text.matchAll(COUPLE) : NO_MATCHES) {
    const start = m.index ?? 0;
    // "a couple of hundred" is no two.
    const next = COUPLE_NEXT.exec(text.slice(start + m[0].length));
    if (next && NUMBER_WORD_SET.has(fold(next[1]!))) continue;
    out.push({ value: 2, start, end: start + m[0].length, currency: null, words: true });
  }
  for (const w of findWordNumbers(text)) {
    if (out.some((d) => d.start < w.end && w.start < d.end)) continue;
    const tail = CURRENCY_TAIL.exec(text.slice(w.end));
    out.push({
      value: w.value,
      start: w.start,
      end: tail ? w.end + tail[0].length : w.end,
      currency: tail ? (CURRENCIES[tail[1]!.toLowerCase()] ?? null) : null,
      words: true,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Words that only state an amount; flow matching ignores them. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(SCALES),
]);
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(
  Object.keys(CURRENCIES).filter((k) => /^[a-z]+$/.test(k)),
);
