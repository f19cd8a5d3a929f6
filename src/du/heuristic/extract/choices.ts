import type { SlotDefinition } from "../../../config/schema.ts";
import type { SlotValue } from "../../../protocol/commands.ts";
import type { Analyzer } from "../analyzer.ts";
import {
  ALTERNATIVES,
  ARTICLES,
  CHOICE_NEGATIONS,
  CLEARED_AFTER,
  CLOCK_TIMES,
  DEGREE_ASKS,
  DEGREE_WORDS,
  EXCESS_WORDS,
  GREETING,
  HABIT_LEADS,
  KEEP_WORDS,
  NEGATED_DETERMINERS,
  NEGATIONS,
  PARTICIPLE_ENDS,
  PARTICLE_OBJECTS,
  PARTS_OF_DAY,
  PEOPLE_WORDS,
  PHRASE_ADVERBS,
  PREPOSITIONS,
  STOP_WORDS,
  SYNONYM_FLIPS,
  SYNONYM_JOINS,
  TEXTING_FORMS,
  THANKS,
  VERB_LEADS,
} from "../language/words.ts";
import {
  editDistanceAtMost1,
  fold,
  keyAt,
  swapsNeighbours,
  type Token,
  tokenize,
} from "../text.ts";
import { clockOf } from "./times.ts";

/** A pack's `clearedAfter` phrase starts at token `at` ("isn't the problem"). */
function clearedAt(tokens: readonly Token[], at: number): boolean {
  for (const phrase of CLEARED_AFTER) {
    let j = 0;
    while (j < phrase.length && tokens[at + j]?.norm === phrase[j]) j++;
    if (j === phrase.length) return true;
  }
  return false;
}

/**
 * The word of a choice name or synonym that may name a part of the day: the whole name, or its
 * last word behind prepositions and articles only ("por la mañana", "in the morning"; the bare
 * "mañana" is also tomorrow, so authors write the phrase).
 */
function partOfDayWord(name: string): string {
  const words = fold(name).trim().split(/\s+/);
  const lead = words.slice(0, -1);
  return lead.every((w) => PREPOSITIONS.has(w) || ARTICLES.has(w)) ? words.at(-1)! : "";
}

export interface ChoiceMatch {
  value: SlotValue;
  start: number;
  end: number;
  /** Index of the first token, so callers can look at the words around it. */
  tokenIndex: number;
}

/**
 * One-word thanks ("gracias", "thanks"): matched only as typed, never as the plural or a typo of
 * a synonym ("gracia", a district, is no "muchas gracias").
 */
const THANKS_ALONE = new Set(THANKS.filter((p) => !p.includes(" ")));

/** The packs' one-word names for people counted ("people", "group"). */
const PEOPLE_NOUNS = new Set(PEOPLE_WORDS.filter((w) => !w.includes(" ")));

/** A typed word this long may miss a letter of a choice ("olivs" for olives). */
const TYPO_MIN = 5;
/** A typed word this long may miss the last letter of a choice ("larg" for large). */
const CLIPPED_END_MIN = 4;
/** A typed word this long may be the beginning of a choice ("invest" -> investment). */
const PREFIX_MIN = 6;
/** The last word of a choice of several words may be clipped this short ("heart doc"). */
const CLIPPED_LAST_MIN = 3;
/** A word this long typed with two neighbours swapped is still read at the end of a choice. */
const SWAPPED_MIN = 4;
/** Clipped words remembered per choice slot; bounded, as user words are arbitrary. */
const CLIPPED_CACHE_SIZE = 4096;

/**
 * Only plurals are folded for choices: full stemming would read the verb "check" as the choice
 * "checking".
 */
function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** "4pm" is one token; for choices it says "pm" as "4 pm" does (a part of day, a shift). */
const CLOCK_HALF = /^\d{1,2}(am|pm)$/;
function clockHalf(word: string): string {
  return CLOCK_HALF.exec(word)?.[1] ?? word;
}

/**
 * What every choice slot asks of each word of a tokenized text, found once per text and
 * domain: the word folded as choices are, whether it has a digit, and whether the domain knows
 * it (tokens are cached and frozen, so they key it).
 */
interface WordFacts {
  analyzer: Analyzer;
  stems: string[];
  digit: boolean[];
  known: boolean[];
}
const factsCache = new WeakMap<readonly Token[], WordFacts>();
const DIGIT = /\d/;

interface Variant {
  stems: string[];
  value: SlotValue;
  /** The choice's own word, no synonym of it (a synonym may be a name: "Costa"). */
  own?: true;
  /**
   * A one-word phrase whose folded form is a function word ("uñas" folds to the article
   * "unas"): matched only as typed, accents and all.
   */
  spelled?: string;
}

/** The word lowercased with its accents: what folding would lose. */
const lowerAsTyped = (word: string): string => word.normalize("NFC").toLowerCase();

/**
 * The function word a one-word phrase becomes once its accents are folded ("uñas" -> "unas",
 * "té" -> "te"), else null: such a phrase is only matched as typed.
 */
export function foldsToFunctionWord(phrase: string): string | null {
  const tokens = tokenize(phrase);
  if (tokens.length !== 1 || lowerAsTyped(tokens[0]!.raw) === tokens[0]!.norm) return null;
  const { norm } = tokens[0]!;
  if (STOP_WORDS.has(norm)) return norm;
  return STOP_WORDS.has(singular(norm)) ? singular(norm) : null;
}

/**
 * Finds a slot's choices in a message: the choice itself, its `synonyms`, typos one edit away,
 * plural/singular forms and unambiguous prefixes.
 */
export class ChoiceMatcher {
  private readonly variants: Variant[] = [];
  /** The variants by their first word, longest first: a token is only compared with these. */
  private readonly byFirst = new Map<string, Variant[]>();
  /** One-word variants, for prefixes ("invest" -> investment). */
  private readonly singles: Variant[];

  constructor(
    slot: SlotDefinition,
    private readonly analyzer: Analyzer,
  ) {
    for (const choice of slot.choices ?? []) {
      const add = (phrase: string, own = false) => {
        const tokens = tokenize(phrase);
        const stems = tokens.map((t) => singular(t.norm));
        const variant: Variant = { stems, value: choice };
        if (own) variant.own = true;
        if (foldsToFunctionWord(phrase) !== null) variant.spelled = lowerAsTyped(tokens[0]!.raw);
        if (stems.length) this.variants.push(variant);
        // "the derby" is also said without its article ("derby tickets"), unless another
        // phrase already says it so.
        if (stems.length > 1 && ARTICLES.has(tokenize(phrase)[0]!.norm)) {
          const bare = stems.slice(1);
          const said = this.variants.some(
            (v) => v.value === choice && v.stems.join(" ") === bare.join(" "),
          );
          if (!said) this.variants.push({ stems: bare, value: choice });
        }
      };
      add(String(choice), true);
      // "morning", "tarde": the part of the day the choice is, by its own name or a synonym.
      for (const name of [String(choice), ...(slot.synonyms?.[String(choice)] ?? [])]) {
        const part = PARTS_OF_DAY.get(partOfDayWord(name));
        if (part && !this.dayParts.has(part)) this.dayParts.set(part, choice);
      }
      // "credit_card" style choices are also written with spaces.
      if (typeof choice === "string" && choice.includes("_")) add(choice.replace(/_/g, " "));
      for (const phrase of slot.synonyms?.[String(choice)] ?? []) {
        add(phrase);
        // A synonym "X Y" is also said "Y for X", "Y for the X" ("a shop for books").
        const words = tokenize(phrase).map((t) => singular(t.norm));
        if (words.length === 2) {
          const [what, head] = words as [string, string];
          for (const flip of SYNONYM_FLIPS)
            this.variants.push({ stems: [head, ...flip, what], value: choice });
          // "corte de chico" for the synonym "corte chico".
          for (const join of SYNONYM_JOINS) {
            if (join !== what && join !== head)
              this.variants.push({ stems: [what, join, head], value: choice });
          }
          // "registrar unos papeles", "renew the passport" for the synonyms "registrar papeles",
          // "renew passport": an article before the second word of a verb and its object.
          if (!ARTICLES.has(what) && !ARTICLES.has(head) && !SYNONYM_JOINS.includes(head))
            for (const article of ARTICLES)
              this.variants.push({ stems: [what, singular(article), head], value: choice });
        }
      }
    }
    // Longest phrases first, so "current account" beats "account".
    this.variants.sort((a, b) => b.stems.length - a.stems.length);
    for (const v of this.variants) {
      const list = this.byFirst.get(v.stems[0]!) ?? [];
      list.push(v);
      this.byFirst.set(v.stems[0]!, list);
    }
    this.singles = this.variants.filter((v) => v.stems.length === 1);
  }

  /** The two-word variant "not X" said with a word of degree between ("not that X"). */
  private negatedPastDegree(stems: readonly string[], i: number): Variant | undefined {
    if (!NEGATIONS.has(stems[i]!) || !DEGREE_WORDS.has(stems[i + 1] ?? "")) return undefined;
    return this.byFirst
      .get(stems[i]!)
      ?.find((v) => v.stems.length === 2 && v.stems[1] === stems[i + 2]);
  }

  /**
   * "I need it unlocked", "get them reset": the participle after a pronoun names the result
   * wanted, the one-word choice of its verb ("unlock").
   */
  private resultWanted(
    stems: readonly string[],
    tokens: readonly Token[],
    i: number,
  ): Variant | undefined {
    // The word before first, and a loop, not find() with a closure: this runs per word per slot.
    if (!PARTICLE_OBJECTS.has(tokens[i - 1]?.norm ?? "")) return undefined;
    const word = stems[i]!;
    let end: string | undefined;
    for (const e of PARTICIPLE_ENDS) {
      if (word.endsWith(e)) {
        end = e;
        break;
      }
    }
    if (!end) return undefined;
    for (const verb of [word.slice(0, -end.length), word.slice(0, 1 - end.length)]) {
      const hit = this.byFirst.get(verb)?.find((v) => v.stems.length === 1);
      if (hit) return hit;
    }
    return undefined;
  }

  private factsOf(tokens: readonly Token[]): WordFacts {
    // Every choice slot of the domain reads the same message: its words are looked at once.
    const cached = factsCache.get(tokens);
    if (cached?.analyzer === this.analyzer) return cached;
    const analyzer = this.analyzer;
    const facts: WordFacts = { analyzer, stems: [], digit: [], known: [] };
    for (const t of tokens) {
      // "tonite" says the synonym "tonight": texting forms are read as the words they stand for.
      const stem = THANKS_ALONE.has(t.norm)
        ? t.norm
        : singular(analyzer.correct(clockHalf(TEXTING_FORMS.get(t.norm) ?? t.norm)));
      facts.stems.push(stem);
      facts.digit.push(DIGIT.test(t.norm));
      facts.known.push(analyzer.knows(stem) || analyzer.knows(t.norm));
    }
    factsCache.set(tokens, facts);
    return facts;
  }

  /** The domain's index of choice words this matcher is part of, and its number there. */
  private shared: { index: ChoiceIndex; id: number } | undefined;

  /** Joins the domain's index (`ChoiceIndex`), which answers for this matcher's words. */
  joinIndex(index: ChoiceIndex, id: number): void {
    this.shared = { index, id };
  }

  /** The first word of every variant: a match of any kind but a clipped or misspelt word starts at one. */
  firstWords(): Iterable<string> {
    return this.byFirst.keys();
  }

  /** The word of every one-word variant: clipped and misspelt words are read against these. */
  singleWords(): string[] {
    return this.singles.map((v) => v.stems[0]!);
  }

  /** The last text searched and what was found: a message is searched several times a turn. */
  private last:
    | { text: string; found: readonly ChoiceMatch[]; negated: readonly ChoiceMatch[] }
    | undefined;

  /**
   * The items of a list said in `text`: every choice, but those after a negation of an item
   * (`negators`: "ham, no onions", "skip the olives") and those joined to one by "or"/"nor"
   * ("no ham or onions"). A "no" before a single choice says which one is down ("no internet");
   * before an item of a list it leaves the item out.
   */
  items(
    text: string,
    negators: ReadonlySet<string>,
  ): { kept: ChoiceMatch[]; negated: ChoiceMatch[] } {
    const tokens = tokenize(text);
    const kept: ChoiceMatch[] = [];
    const negated: ChoiceMatch[] = [];
    let previous: "kept" | "negated" | null = null;
    for (const m of this.find(text)) {
      let j = m.tokenIndex - 1;
      while (j >= 0 && NEGATED_DETERMINERS.has(tokens[j]!.norm)) j--;
      const before = tokens[j];
      const gap = before ? text.slice(before.end, m.start) : "";
      const joined = /^[\s\p{L}]*$/u.test(gap);
      const no: boolean =
        before !== undefined &&
        joined &&
        (negators.has(before.norm) || (previous === "negated" && ALTERNATIVES.has(before.norm)));
      (no ? negated : kept).push(m);
      previous = no ? "negated" : "kept";
    }
    return { kept, negated };
  }

  /** Every choice mentioned, left to right; negated ones ("not checking") are left out. */
  /** The choices that are parts of the day, by part (two or more: a clock time picks one). */
  private readonly dayParts = new Map<"morning" | "afternoon" | "evening", SlotValue>();

  private isDayPart(value: SlotValue): boolean {
    for (const v of this.dayParts.values()) if (v === value) return true;
    return false;
  }

  /**
   * The choices of `text` that name a part of the day, when the slot offers two or more ("de
   * mañana o de tarde"): the word there is the part, not a day ("de mañana" is no tomorrow).
   */
  dayPartsSaid(text: string): ChoiceMatch[] {
    if (this.dayParts.size < 2) return [];
    return this.find(text).filter((m) => this.isDayPart(m.value));
  }

  find(text: string): readonly ChoiceMatch[] {
    return this.searched(text).found;
  }

  /** The choices `text` names only after a negation ("not the morning"), left to right. */
  negated(text: string): readonly ChoiceMatch[] {
    return this.searched(text).negated;
  }

  private searched(text: string) {
    if (this.last?.text !== text) {
      const negated: ChoiceMatch[] = [];
      const found = Object.freeze(this.search(text, negated).map((m) => Object.freeze(m)));
      this.last = { text, found, negated: Object.freeze(negated) };
    }
    return this.last;
  }

  private search(text: string, negated: ChoiceMatch[]): ChoiceMatch[] {
    const found = this.searchWords(text, negated);
    if (found.length > 0 || this.dayParts.size < 2) return found;
    const clock = this.clockPart(text);
    return clock ? [clock] : found;
  }

  /**
   * "around 10", "half past three", "a las cinco de la tarde": a clock time, when no choice is
   * named, is the part of the day it falls in (morning before 12, afternoon to 18, then the
   * evening if the slot has one). An hour of 1 to 6 with no half of the day is the afternoon.
   */
  private clockPart(text: string): ChoiceMatch | null {
    const folded = fold(text);
    for (const pattern of CLOCK_TIMES) {
      const m = pattern.exec(folded);
      const clock = m?.groups ? clockOf(m.groups) : null;
      if (!m || !clock) continue;
      const hour = clock.hour;
      const part = hour < 5 ? null : hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
      if (!part) continue;
      const value =
        this.dayParts.get(part) ??
        (part === "evening" ? this.dayParts.get("afternoon") : undefined);
      if (value === undefined) continue;
      const at = m.index + m[0].length - m[0].trimStart().length;
      const tokenIndex = Math.max(
        0,
        tokenize(text).findIndex((t) => t.start >= at),
      );
      return { value, start: at, end: m.index + m[0].length, tokenIndex };
    }
    return null;
  }

  private searchWords(text: string, negatedOut: ChoiceMatch[]): ChoiceMatch[] {
    const tokens = tokenize(text);
    const facts = this.factsOf(tokens);
    // Most messages name no choice of most slots: the domain's index says which slots a word
    // of the message may start a choice of, so the others are not searched word by word.
    if (this.shared && !this.shared.index.mayName(this.shared.id, tokens, facts)) return [];
    const stems = facts.stems;
    const out: ChoiceMatch[] = [];
    const adverbs = stems.some((s) => PHRASE_ADVERBS.has(s));
    /** Where a choice asked about with "how" ends ("how big"), if one was. */
    let asked: number | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const exact = this.exactAt(stems, tokens, i);
      let match: Variant | undefined =
        exact ?? this.clippedLast(stems, tokens, i) ?? this.resultWanted(stems, tokens, i);
      let length = match?.stems.length ?? 0;
      // "the lights just went out": the phrase "lights went out" with an adverb inside.
      if (!match && adverbs) {
        match = this.withAdverbAt(stems, i);
        // "no, just dial tone": a mark inside parts the words; it is no phrase.
        if (
          match &&
          /[,.;:!?]/.test(text.slice(tokens[i]!.start, tokens[i + match.stems.length]!.end))
        )
          match = undefined;
        if (match) length = match.stems.length + 1;
      }
      // "not that urgent", "no tan urgente": a negated synonym ("not urgent") with a word of
      // degree between.
      const softened = match ? undefined : this.negatedPastDegree(stems, i);
      if (softened) {
        match = softened;
        length = 3;
      }
      // "5 person": a word counting people is itself, not the start of a choice ("personal").
      if (
        !match &&
        tokens[i]!.norm.length >= PREFIX_MIN &&
        !facts.digit[i] &&
        !PEOPLE_NOUNS.has(tokens[i]!.norm)
      ) {
        match = this.clipped(stems[i]!);
        // "where my account stands": an inflected word ("stands", "standing") is a whole word
        // of its own, no clipped choice ("standard"); the word as typed must open the choice.
        if (match && tokens[i]!.norm !== stems[i] && !match.stems[0]!.startsWith(tokens[i]!.norm))
          match = undefined;
        if (match) length = 1;
      }
      // "olivs": a word of five letters or more missing one letter of a one-word choice ("larg":
      // four letters, missing the last), no word of the domain itself (the analyzer leaves it,
      // its stem being the choice's) and no function word.
      if (!match && tokens[i]!.norm.length >= CLIPPED_END_MIN && !facts.digit[i]) {
        const w = stems[i]!;
        const known = facts.known[i];
        // Any other slip of four letters, or one of a synonym, is too often another word ("back"
        // for black, "cost" for a name "Costa").
        // Nor a word the packs keep from typo correction, one letter from a choice or not.
        const typo =
          known || STOP_WORDS.has(w) || KEEP_WORDS.has(tokens[i]!.norm)
            ? undefined
            : w.length >= TYPO_MIN
              ? this.typoOf(w)
              : this.typoOf(w, true);
        if (typo) {
          match = typo;
          length = 1;
        }
      }
      if (!match) continue;
      // "I am moving abroad": a function word a verb lead comes before (a subject, a modal) is
      // the verb it is, not the one-word synonym it spells ("am" for the morning).
      if (length === 1 && STOP_WORDS.has(stems[i]!) && VERB_LEADS.has(tokens[i - 1]?.norm ?? "")) {
        continue;
      }
      // "GAS-2026-0042" is a reference, not the choice "gas".
      if (partOfCode(text, tokens[i]!.start, tokens[i + length - 1]!.end)) continue;
      // "Good morning, ..." greets; it asks for no morning.
      if (inGreeting(tokens, i, i + length - 1)) {
        i += length - 1;
        continue;
      }
      // "a big group, 15 people": a word right before the people counted says how they are,
      // not which choice is meant. A mark between parts them ("soprano, grupo de tarde").
      const next = tokens[i + length];
      if (
        next &&
        PEOPLE_NOUNS.has(next.norm) &&
        !/[,.;:!?]/.test(text.slice(tokens[i + length - 1]!.end, next.start))
      ) {
        i += length - 1;
        continue;
      }
      const before = tokens[i - 1]?.norm ?? "";
      // "headaches every morning": a part of the day after a word of habit tells when something
      // keeps happening, not the time wanted.
      if (HABIT_LEADS.has(before) && this.isDayPart(match.value)) {
        i += length - 1;
        continue;
      }
      // "I am writing because ...": a choice that is a function word ("am"), after a word a
      // verb follows and before more words, is that word of the sentence.
      if (
        length === 1 &&
        STOP_WORDS.has(tokens[i]!.norm) &&
        VERB_LEADS.has(before) &&
        i + 1 < tokens.length
      ) {
        continue;
      }
      // "how big is each size?" asks about the sizes; it picks none. Nor does a choice asked
      // about in the same clause ("how big is the medium one?").
      if (
        DEGREE_ASKS.has(before) ||
        (asked !== undefined && !/[,.;!?]/.test(text.slice(asked, tokens[i]!.start)))
      ) {
        if (DEGREE_ASKS.has(before)) asked = tokens[i + length - 1]!.end;
        i += length - 1;
        continue;
      }
      // "no" is left alone: "no internet since monday" names the service that is down.
      // "not the debit one", "not with the GP": articles and a preposition may come between.
      let lead = i - 1;
      while (
        lead >= i - 2 &&
        (NEGATED_DETERMINERS.has(tokens[lead]?.norm ?? "") ||
          PREPOSITIONS.has(tokens[lead]?.norm ?? ""))
      ) {
        lead--;
      }
      // "too late to change it": a value said to be too much is not wanted.
      const excess =
        i > 0 &&
        EXCESS_WORDS.has(before) &&
        !/[,.;!?]/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
      // "the internet isn't the problem, the TV is": words after it clear the choice too.
      const negated =
        excess || CHOICE_NEGATIONS.has(tokens[lead]?.norm ?? "") || clearedAt(tokens, i + length);
      (negated ? negatedOut : out).push({
        value: match.value,
        start: tokens[i]!.start,
        end: tokens[i + length - 1]!.end,
        tokenIndex: i,
      });
      i += length - 1;
    }
    return out;
  }

  /**
   * The longest variant said word for word from token `i` on (as spelled, for a variant that
   * must be). A loop, not find() with a closure: this runs per word per choice slot.
   */
  private exactAt(
    stems: readonly string[],
    tokens: readonly Token[],
    i: number,
  ): Variant | undefined {
    const variants = this.byFirst.get(stems[i]!);
    if (!variants) return undefined;
    for (const v of variants) {
      if (!keyAt(stems, i, v.stems)) continue;
      if (v.spelled === undefined || v.spelled === lowerAsTyped(tokens[i]!.raw)) return v;
    }
    return undefined;
  }

  /**
   * The longest variant of several words said from token `i` on with one of the packs'
   * `phraseAdverbs` between two of its words ("lights just went out").
   */
  private withAdverbAt(stems: readonly string[], i: number): Variant | undefined {
    const variants = this.byFirst.get(stems[i]!);
    if (!variants) return undefined;
    for (const v of variants) {
      const n = v.stems.length;
      for (let gap = 1; gap < n; gap++) {
        if (!PHRASE_ADVERBS.has(stems[i + gap] ?? "")) continue;
        let same = true;
        for (let j = 0; j < n && same; j++) same = stems[i + j + (j >= gap ? 1 : 0)] === v.stems[j];
        if (same) return v;
      }
    }
    return undefined;
  }

  /**
   * A choice of several words said with its last word clipped ("heart doc" for "heart doctor",
   * "skin spec" for "skin specialist"), typed with two neighbouring letters swapped ("heart
   * docotr") or with one letter left out after its first ("lion kng"; the words before it,
   * typed right, make even a short word's slip safe): the word is no function word, and it is
   * the last word of variants of one choice only.
   */
  private clippedLast(
    stems: readonly string[],
    tokens: readonly Token[],
    i: number,
  ): Variant | undefined {
    // Most words start no variant: no list, no set to build (this runs per word per slot).
    const variants = this.byFirst.get(stems[i]!);
    if (!variants) return undefined;
    // The first variant that fits, unless one of another choice fits too.
    let found: Variant | undefined;
    for (const v of variants) {
      const n = v.stems.length;
      const last = tokens[i + n - 1]?.norm;
      if (
        n > 1 &&
        last !== undefined &&
        last.length >= CLIPPED_LAST_MIN &&
        !STOP_WORDS.has(last) &&
        keyAt(stems, i, v.stems, n - 1) &&
        ((v.stems[n - 1]!.startsWith(last) && v.stems[n - 1] !== last) ||
          swappedNeighbours(last, v.stems[n - 1]!) ||
          missesOneLetter(last, v.stems[n - 1]!))
      ) {
        if (found === undefined) found = v;
        else if (!sameChoice(found.value, v.value)) return undefined;
      }
    }
    return found;
  }

  /**
   * The one-word variant a clipped word starts ("pepperon"), when all such variants are of one
   * choice. Scans every variant, so each word's answer is remembered (bounded).
   */
  private clipped(stem: string): Variant | undefined {
    let hit = this.clippings.get(stem);
    if (hit === undefined) {
      const candidates = this.singles.filter((v) => v.stems[0]!.startsWith(stem));
      hit = new Set(candidates.map((c) => c.value)).size === 1 ? candidates[0]! : null;
      if (this.clippings.size >= CLIPPED_CACHE_SIZE) this.clippings.clear();
      this.clippings.set(stem, hit);
    }
    return hit ?? undefined;
  }

  private readonly clippings = new Map<string, Variant | null>();

  /**
   * The one-word variant `w` misses a letter of ("olivs"), when all such variants are of one
   * choice. Scans every variant, so each word's answer is remembered (bounded).
   */
  private typoOf(w: string, lastOnly = false): Variant | undefined {
    // One table per kind of slip: no key string to build per word.
    const typos = lastOnly ? this.lastTypos : this.typos;
    let hit = typos.get(w);
    if (hit === undefined) {
      const candidates = this.singles.filter(
        (v) =>
          v.stems[0]!.length === w.length + 1 &&
          v.stems[0]![0] === w[0] &&
          (lastOnly ? v.own && v.stems[0]!.startsWith(w) : editDistanceAtMost1(w, v.stems[0]!)),
      );
      hit =
        candidates.length > 0 && new Set(candidates.map((c) => c.value)).size === 1
          ? candidates[0]!
          : null;
      if (typos.size >= CLIPPED_CACHE_SIZE) typos.clear();
      typos.set(w, hit);
    }
    return hit ?? undefined;
  }

  private readonly typos = new Map<string, Variant | null>();
  private readonly lastTypos = new Map<string, Variant | null>();

  /** The one choice the message names, or null when it names none or several different ones. */
  single(text: string): ChoiceMatch | null {
    const found = this.find(text);
    if (found.length === 0) return null;
    return found.every((m) => m.value === found[0]!.value) ? found[0]! : null;
  }
}

/**
 * One index per domain from a word of a message to the choice slots (their matchers) a choice
 * of could start at it: by the first word of a variant, by a verb a participle is made from
 * ("unlocked"), by the beginning of a one-word variant (a clipped word) and by a one-word
 * variant with one letter left out (a misspelt word). It may name a slot that then finds
 * nothing, never leave out one that finds something; a slot no word of the message names is
 * not searched.
 */
export class ChoiceIndex {
  private readonly firsts = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();
  private readonly deletions = new Map<string, number[]>();
  /** The slots each tokenized text may name, by matcher number (tokens are cached and frozen). */
  private readonly named = new WeakMap<readonly Token[], Uint8Array>();

  constructor(private readonly size: number) {}

  /** An index over `matchers`, each told its number in it. */
  static of(matchers: readonly ChoiceMatcher[]): ChoiceIndex {
    const index = new ChoiceIndex(matchers.length);
    for (const [id, matcher] of matchers.entries()) {
      for (const word of matcher.firstWords()) add(index.firsts, word, id);
      for (const word of new Set(matcher.singleWords())) {
        for (let k = 0; k <= word.length; k++) add(index.prefixes, word.slice(0, k), id);
        for (let k = 1; k < word.length; k++)
          add(index.deletions, word.slice(0, k) + word.slice(k + 1), id);
      }
      matcher.joinIndex(index, id);
    }
    return index;
  }

  /** The matcher numbered `id` may find a choice in `tokens` (their word facts `facts`). */
  mayName(id: number, tokens: readonly Token[], facts: { stems: string[]; digit: boolean[] }) {
    let named = this.named.get(tokens);
    if (!named) {
      named = this.nameAll(tokens, facts);
      this.named.set(tokens, named);
    }
    return named[id] === 1;
  }

  private nameAll(
    tokens: readonly Token[],
    facts: { stems: string[]; digit: boolean[] },
  ): Uint8Array {
    const named = new Uint8Array(this.size);
    // Loops, no closure: this runs once per text, but for every text of a message.
    for (let i = 0; i < tokens.length; i++) {
      const stem = facts.stems[i]!;
      const norm = tokens[i]!.norm;
      mark(named, this.firsts.get(stem));
      // "get them reset": the verb of a participle after a pronoun.
      if (PARTICLE_OBJECTS.has(tokens[i - 1]?.norm ?? "")) {
        for (const end of PARTICIPLE_ENDS) {
          if (!stem.endsWith(end)) continue;
          mark(named, this.firsts.get(stem.slice(0, -end.length)));
          mark(named, this.firsts.get(stem.slice(0, 1 - end.length)));
          break;
        }
      }
      if (facts.digit[i]) continue;
      if (norm.length >= PREFIX_MIN && !PEOPLE_NOUNS.has(norm))
        mark(named, this.prefixes.get(stem));
      if (norm.length >= CLIPPED_END_MIN) mark(named, this.deletions.get(stem));
    }
    return named;
  }
}

function mark(named: Uint8Array, ids: readonly number[] | undefined): void {
  if (ids) for (let k = 0; k < ids.length; k++) named[ids[k]!] = 1;
}

function add(map: Map<string, number[]>, word: string, id: number): void {
  const ids = map.get(word);
  if (!ids) map.set(word, [id]);
  else if (ids.at(-1) !== id) ids.push(id);
}

/** Greetings of several words, as their folded words: "good morning", "buenas tardes". */
const GREETINGS = GREETING.map((g) => tokenize(g).map((t) => t.norm)).filter((g) => g.length > 1);
const GREETING_WORDS = Math.max(...GREETINGS.map((g) => g.length));
const GREETING_SET = new Set(GREETINGS.map((g) => g.join(" ")));

/** Tokens `first`..`last` lie inside a greeting of several words ("good afternoon"). */
function inGreeting(tokens: readonly Token[], first: number, last: number): boolean {
  for (let from = Math.max(0, last - GREETING_WORDS + 1); from <= first; from++) {
    for (let to = last; to < Math.min(tokens.length, from + GREETING_WORDS); to++) {
      if (to - from < 1) continue;
      const words = [];
      for (let k = from; k <= to; k++) words.push(tokens[k]!.norm);
      if (GREETING_SET.has(words.join(" "))) return true;
    }
  }
  return false;
}

/** The span is glued to digits by a hyphen, slash or underscore ("GAS-2026", "2026/GAS"). */
function partOfCode(text: string, start: number, end: number): boolean {
  return (
    /^[-/_]\d/.test(text.slice(end, end + 2)) ||
    /\d[-/_]$/.test(text.slice(Math.max(0, start - 2), start))
  );
}

/** Two choice values are one (as a Set counts them: NaN is NaN). */
function sameChoice(a: SlotValue, b: SlotValue): boolean {
  return a === b || Object.is(a, b);
}

/** `a` is `b` with two neighbouring letters swapped, not the first ("kign" for "king"). */
function swappedNeighbours(a: string, b: string): boolean {
  return a.length >= SWAPPED_MIN && a[0] === b[0] && swapsNeighbours(a, b);
}

/** `typed` is `word` with one letter after the first left out ("kng" for "king"). */
function missesOneLetter(typed: string, word: string): boolean {
  return (
    typed.length + 1 === word.length && typed[0] === word[0] && editDistanceAtMost1(typed, word)
  );
}
