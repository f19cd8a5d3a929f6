/**
 * Text normalisation shared by every part of the heuristic DU: accent/case folding, word
 * tokens that remember where they came from (value extractors cut spans out of the raw text),
 * and a light English/Spanish stemmer.
 */

export interface Token {
  /** As typed. */
  readonly raw: string;
  /** Folded: lowercase, accents stripped, apostrophes dropped ("What's" -> "whats"). */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Lowercase and strip accents; punctuation is kept so extractors can still see it. */
export function fold(text: string): string {
  // Plain ASCII (most messages) has no accents or curly quotes: skip the Unicode passes.
  if (ASCII.test(text)) {
    const lower = text.toLowerCase();
    return lower.includes("`") ? lower.replace(/`/g, "'") : lower;
  }
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019`\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

/** A letter typed three times or more in a row: no word is spelt so. */
const STRETCHED = /(\p{L})\1\1/u;
const STRETCHED_ALL = /(\p{L})\1{2,}/gu;

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/**
 * Recently tokenized texts. One message is tokenized by many readers (acts, ranking, every slot
 * extractor); the array is frozen and a token's fields are readonly, so sharing them is safe.
 */
const tokenCache = new Map<string, readonly Token[]>();
const TOKEN_CACHE_SIZE = 256;

export function tokenize(text: string): readonly Token[] {
  const cached = tokenCache.get(text);
  if (cached) return cached;
  const tokens: Token[] = [];
  // Plain ASCII folds letter by letter: the whole text is folded once and each word sliced.
  // Its words are WORD's ASCII letters and digits: the same matches, without Unicode classes.
  if (ASCII.test(text)) asciiTokens(text, fold(text), tokens);
  else {
    for (const match of text.matchAll(WORD)) {
      const raw = match[0];
      const start = match.index ?? 0;
      const word = fold(raw);
      const bare = word.includes("'") ? word.replace(/'/g, "") : word;
      // "hiii", "yesss", "pleeease": a letter typed three times or more is said once, for emphasis.
      const norm = STRETCHED.test(bare) ? bare.replace(STRETCHED_ALL, "$1") : bare;
      tokens.push({ raw, norm, start, end: start + raw.length });
    }
  }
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
  tokenCache.set(text, Object.freeze(tokens));
  return tokens;
}

/**
 * The words of plain ASCII text, as WORD would match them there (`[A-Za-z0-9]+(?:'[A-Za-z]+)*`:
 * letters and digits, then apostrophe-and-letters groups), found by one scan of the character
 * codes: tokenize runs on every text a turn reads, and a regex match per word costs more.
 */
function asciiTokens(text: string, folded: string, tokens: Token[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
    let apostrophe = false;
    while (
      i + 1 < n &&
      text.charCodeAt(i) === APOSTROPHE &&
      isAsciiLetter(text.charCodeAt(i + 1))
    ) {
      apostrophe = true;
      i += 2;
      while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
    }
    const word = folded.slice(start, i);
    const bare = apostrophe ? word.replace(/'/g, "") : word;
    // "hiii", "yesss", "pleeease": a letter typed three times or more is said once, for emphasis.
    const norm = asciiStretched(bare) ? bare.replace(STRETCHED_ALL, "$1") : bare;
    tokens.push({ raw: text.slice(start, i), norm, start, end: i });
  }
}

const APOSTROPHE = 39;
export const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57);

/** STRETCHED on a folded ASCII word: one letter three times in a row. */
function asciiStretched(word: string): boolean {
  for (let k = 0; k + 2 < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 97 && c <= 122 && word.charCodeAt(k + 1) === c && word.charCodeAt(k + 2) === c)
      return true;
  }
  return false;
}

const tokenStems = new WeakMap<readonly Token[], readonly string[]>();

/**
 * Index of the first token starting at or after `offset` (tokens are in text order), or -1.
 * A binary search: values are looked up per number, and a long message holds thousands.
 */
export function tokenIndexFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}

/** The last token ending at or before `offset`, if any. */
export function tokenBefore(tokens: readonly Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? tokens[lo - 1] : undefined;
}

/** The tokens inside a span, and the token after it (how a reader judges a value's shape). */
export function tokensOf(
  tokens: readonly Token[],
  span: { start: number; end: number },
): { inside: readonly Token[]; next: Token | undefined } {
  const from = tokenIndexFrom(tokens, span.start);
  if (from < 0) return { inside: [], next: undefined };
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= span.end) to++;
  const after = tokenIndexFrom(tokens, span.end);
  return { inside: tokens.slice(from, to), next: after < 0 ? undefined : tokens[after] };
}

/** `stem` of each token's folded form, once per array `tokenize` handed out. */
export function stemsOf(tokens: readonly Token[]): readonly string[] {
  let stems = tokenStems.get(tokens);
  if (!stems) {
    stems = Object.freeze(tokens.map((t) => stem(t.norm)));
    tokenStems.set(tokens, stems);
  }
  return stems;
}

/** Folded words only, for phrase matching. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

/** Folded text with punctuation collapsed to single spaces: the form phrase lists are matched on. */
export function flat(text: string): string {
  // Many readers flatten the same message: once per array `tokenize` handed out.
  const tokens = tokenize(text);
  let joined = flatTexts.get(tokens);
  if (joined === undefined) {
    joined = tokens.map((t) => t.norm).join(" ");
    flatTexts.set(tokens, joined);
  }
  return joined;
}

const flatTexts = new WeakMap<readonly Token[], string>();

/**
 * The stems from `at` on spell `key` (a phrase's stems; its first `length` only, if given). A loop, not `key.every(...)`: readers
 * try every key at every word of a message, and a closure per try is garbage per message.
 */
export function keyAt(
  stems: readonly string[],
  at: number,
  key: readonly string[],
  length = key.length,
): boolean {
  for (let j = 0; j < length; j++) if (stems[at + j] !== key[j]) return false;
  return true;
}

/**
 * Where a slot's name is said: the token span [start, end) of each of its keys found in the
 * message, key by key. An array, not a generator: this runs per slot and text, and mostly
 * finds nothing, which then costs no allocation.
 */
export function keySpans(
  stems: readonly string[],
  keys: readonly (readonly string[])[],
): readonly (readonly [number, number])[] {
  // Only where a key's first stem is said: each stem's positions, once per stem array.
  const at = positionsOf(stems);
  let out: (readonly [number, number])[] | undefined;
  for (const key of keys) {
    if (key.length === 0) {
      out ??= [];
      for (let i = 0; i <= stems.length; i++) out.push([i, i]);
      continue;
    }
    for (const i of at.get(key[0]!) ?? NO_POSITIONS) {
      if (i + key.length <= stems.length && keyAt(stems, i, key)) {
        out ??= [];
        out.push([i, i + key.length]);
      }
    }
  }
  return out ?? NO_SPANS;
}

const NO_SPANS: readonly (readonly [number, number])[] = Object.freeze([]);

const NO_POSITIONS: readonly number[] = [];
const stemPositions = new WeakMap<readonly string[], Map<string, number[]>>();

/** Where each stem is in `stems`, in order; once per (frozen) array. */
function positionsOf(stems: readonly string[]): Map<string, number[]> {
  let at = stemPositions.get(stems);
  if (!at) {
    at = new Map();
    for (let i = 0; i < stems.length; i++) {
      const list = at.get(stems[i]!);
      if (list) list.push(i);
      else at.set(stems[i]!, [i]);
    }
    if (Object.isFrozen(stems)) stemPositions.set(stems, at);
  }
  return at;
}

/** A noun made from a verb ("reservation"): it names the thing, the verb the act. */
export const NOMINAL = /^.{3,}ations?$/;

/**
 * Light suffix stripping for English and Spanish. It only has to map variants of a word to the
 * same key consistently (the index and the query go through it alike), not produce real stems.
 */
export function stem(word: string): string {
  // Every reader stems the same few words of a message, and messages share most of theirs.
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemWord(word);
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Recently stemmed words; bounded, so arbitrary user words cannot grow memory without limit. */
const stemCache = new Map<string, string>();
const STEM_CACHE_SIZE = 4096;

function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ciones")) w = w.slice(0, -2);
  else if (/(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // A short verb ending in "e": "used"/"using" -> "use", "owed" -> "owe".
  if (/^[aeiou][^aeiou](?:ed|ing)$/.test(w)) return `${w.slice(0, 2)}e`;
  for (const suffix of ["ing", "ed"]) {
    const rest = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && rest.length >= 3 && /[aeiouy]/.test(rest)) {
      // "stopped" -> "stop", "cancelled" -> "cancel" (but "called" -> "call").
      const doubled = /([bdfgmnprt])\1$/.test(rest) || (rest.length > 5 && rest.endsWith("ll"));
      w = doubled ? rest.slice(0, -1) : rest;
      break;
    }
  }
  // The standing of a person is said by the person: "membership" -> "member" ("I don't want
  // to be a member anymore"), "partnership" -> "partner".
  if (w.endsWith("ship") && w.length >= 9) return stemWord(w.slice(0, -4));
  if (w.endsWith("ly") && w.length > 5) w = w.slice(0, -2);
  // The noun of a verb matches the verb: "reservation" -> "reserv(e)", "cancellation" -> "cancel".
  else if (NOMINAL.test(w)) w = w.slice(0, -5).replace(/ll$/, "l");
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  return w;
}

/**
 * Edit distance with swaps of neighbours counted as one edit (optimal string alignment), or
 * `limit + 1` as soon as it is known to exceed `limit`.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** `a` is `b` with two neighbouring letters swapped ("kign" for "king"). */
export function swapsNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  // Equal words swap nothing.
  return i < a.length - 1 && swappedAt(a, b, i);
}

/** The letters at `i` and `i + 1` are swapped and the rest is the same. */
function swappedAt(a: string, b: string, i: number): boolean {
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** At most one edit apart: a substitution, insertion, deletion or swap of neighbours ("tranfer"). */
export function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // One substitution, or one transposition of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return swappedAt(a, b, i);
  }
  // One insertion/deletion.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Start and end offsets, in turn, of the runs of characters `isChar` accepts, from `min` to `max`
 * characters long, found by one scan of the character codes (no regex match per word).
 */
export function charRuns(
  s: string,
  isChar: (code: number) => boolean,
  min: number,
  max = Number.POSITIVE_INFINITY,
): number[] {
  const out: number[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isChar(s.charCodeAt(i))) i++;
    if (i - start >= min && i - start <= max) out.push(start, i);
  }
  return out;
}

/** `s` as a regex that matches it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
