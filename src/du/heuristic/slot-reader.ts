import type { SlotValue } from "../../protocol/commands.ts";
import { readActs } from "./acts.ts";
import type { Analyzer } from "./analyzer.ts";
import type { ChoiceMatch } from "./extract/choices.ts";
import { findCodes, findIbans, groupedCode } from "./extract/codes.ts";
import {
  type DateMatch,
  dayKey,
  daysBetween,
  findDates,
  findWeekend,
  isMonthName,
  nextDayOfMonth,
  rangeEnd,
  saidAsRange,
} from "./extract/dates.ts";
import { freeText, opensTitle, withoutHaving } from "./extract/free-text.ts";
import {
  currencyCode,
  findNumbers,
  isArticle,
  NUMBER_WORDS,
  type NumberMatch,
} from "./extract/numbers.ts";
import { findClockTimes } from "./extract/times.ts";
import {
  ADDRESS_END,
  ADDRESS_WORDS,
  AFFIRM,
  ALL_BUT,
  ALL_CHOICES,
  ALL_CHOICES_ALONG,
  AND_WORDS,
  ARTICLES,
  BARE_ARTICLES,
  CAPITAL_SELF,
  CHANGE_FROM,
  CHANGE_TO,
  CHILD_WORDS,
  COMMA_REASON_OPENERS,
  COMPARATIVES,
  CONCLUSION_BEFORE,
  CONDITION_LEADS,
  COPULAS,
  DATE_END,
  DAY_ARTICLES,
  DAY_ONLY,
  DAY_STEMS,
  DENY,
  DIFFERENCE_AFTER,
  DIFFERENCE_BEFORE,
  DO_VERBS,
  endsAsParticiple,
  FALLBACK,
  FILLERS,
  GIVEN_UP,
  GIVEN_UP_AFTER,
  GREETING_WORDS,
  GROUP_JOINERS,
  INFINITIVE,
  INFINITIVE_TO,
  ITEM_NEGATORS,
  ITEMS_WITH,
  LIST_INTRO_WORDS,
  LIST_JOIN,
  LIST_SEPARATOR,
  NAME_KEY_LINKS,
  NAME_LEADS,
  NAME_PARTICLES,
  NONE,
  NOT_BEFORE,
  NOTHING_MORE,
  OBJECT_PRONOUNS,
  ONE_WORDS,
  ONLY_WORDS,
  ORDINAL_DAY,
  OTHER_INTRO,
  OWNER_LEADS,
  OWNER_OF,
  PAIR_SOURCE,
  PART_OF_WORDS,
  PAST_NARRATIVE,
  PEOPLE_LEADS,
  PEOPLE_WORDS,
  PHRASE_BREAKS,
  PLACE_PREPOSITIONS,
  POSSESSIVES,
  PREFERRED_AFTER,
  PREPOSITIONS,
  packOf,
  REASON_LEADS,
  RELATION_POSSESSIVES,
  RELATIONS_EN,
  SELF_AFTER,
  SELF_BEFORE,
  SELF_INTRO_AFTER,
  SELF_INTRO_BEFORE,
  SELF_INTRO_FULL,
  SELF_ONLY,
  SHIFT_BEFORE,
  SINCE_END,
  SINCE_START,
  SINGULAR,
  SMALL_TALK,
  SPEAKER_KNOWS,
  STOP_WORDS,
  STREET_WORDS,
  SUITS_BADLY_AFTER,
  TAKE_BACK,
  TASKS,
  TELLER_AFTER,
  THANKS,
  TITLES,
  TO_WORDS,
  TOTAL_LEADS,
  UNIT_OF,
  UNTIL_BEFORE,
  VALUE_GAP,
  VERB_LEADS,
  WEEKDAYS,
  WEEKS,
} from "./language/words.ts";
import { countsThings, type SlotInfo } from "./slot-catalog.ts";
import {
  flat,
  fold,
  keyAt,
  keySpans,
  stem,
  stemsOf,
  type Token,
  tokenBefore,
  tokenIndexFrom,
  tokenize,
  tokensOf,
} from "./text.ts";
import type { SlotCue } from "./trigger-cues.ts";

export interface Found {
  slot: string;
  value: SlotValue;
  start: number;
  end: number;
  /** A name read only by the word leading it (`ledName`): no evidence for one flow over another. */
  led?: true;
}

/** Up to this many words between a code's name and the code ("digits on the card are"). */
const MAX_CODE_GAP = 4;
/** Up to this many words between a trigger cue and its value ("send HIM 50"). */
const CUE_REACH = 2;
/** A name after "to" is at most this many words ("Ana María López"). */
const MAX_NAME_WORDS = 4;
/** A free-text value after its cue ("for rent March") is at most this many words. */
const MAX_PHRASE_WORDS = 6;
/** The most words of a value filled in after its label and a colon ("note: ..."). */
const MAX_LABELLED_WORDS = 12;
/** Single words of the languages' "none" lists that negate the word after them ("no toppings"). */
const NEGATORS = new Set(NONE.filter((w) => !w.includes(" ")));

type Span = { start: number; end: number };
const NO_DATES: readonly DateMatch[] = [];
const NO_NUMBERS: readonly NumberMatch[] = [];
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** `span` overlaps one of `spans` (another slot's value where a phrase would run). */
function overlapsAny(spans: readonly Span[], span: Span): boolean {
  for (const s of spans) if (overlaps(s, span)) return true;
  return false;
}

/** Values found in one reading, at most one per slot, never two over the same words. */
class FoundSet {
  readonly out: Found[] = [];
  readonly #spans: Span[];

  constructor(taken: readonly Span[]) {
    this.#spans = [...taken];
  }

  // Loops, not some(): these run for every value tried in every reading.
  isFree(span: Span): boolean {
    return !overlapsAny(this.#spans, span);
  }

  /** `isFree` as a function to hand on, made once per reading. */
  readonly free: (span: Span) => boolean = this.isFree.bind(this);

  has(slot: string): boolean {
    for (const f of this.out) if (f.slot === slot) return true;
    return false;
  }

  add(found: Found): void {
    if (this.has(found.slot) || !this.isFree(found)) return;
    this.out.push(found);
    this.#spans.push(found);
  }

  /**
   * A choice said by the very words a date was read from ("tonight": today, and the evening
   * choice whose synonym it is): both slots take it.
   */
  sharesDate(span: Span, dateSlots: ReadonlySet<string>): boolean {
    return this.out.some(
      // "this afternoon": the part of the day ends the date said by it.
      (f) => dateSlots.has(f.slot) && f.start <= span.start && f.end === span.end,
    );
  }

  addShared(found: Found): void {
    if (!this.has(found.slot)) this.out.push(found);
  }

  /** Words no slot may read (a date told of in a story): taken, by no value. */
  block(span: Span): void {
    this.#spans.push(span);
  }
}

/** A description set before a name ("la gata, Luna") is this many words at most, as the name. */
const APPOSITION_WORDS = 3;

/** Reads slot values out of text: as the answer to a question, or as cued mentions. */
export class SlotReader {
  constructor(
    private readonly analyzer: Analyzer,
    private readonly language: "en" | "es",
    private readonly now: () => Date,
    /** Relation words a person may be named by ("my sister"): the language's and the domain's. */
    private readonly relations: ReadonlySet<string>,
    /** Every number slot of the domain, of whichever flow. */
    private readonly domainNumbers: readonly SlotInfo[] = [],
  ) {}

  /**
   * A value read for a slot that was not asked fits that slot's declared shape: a pattern's
   * whole match, digits of the declared length, an IBAN. Answers to the question are read
   * loosely so the DM can say what is wrong; a value the user did not give for this slot must
   * not reach it only to be refused ("4" asked the event is no email-or-phone).
   */
  fits(slot: SlotInfo, value: SlotValue): boolean {
    const text = String(value);
    if (slot.kind === "iban") return findIbans(text).length === 1;
    if (slot.kind !== "code") return true;
    if (slot.wholePattern) return slot.wholePattern.test(text);
    if (slot.def.extract !== "digits") return true;
    const digits = text.replace(/[\s-]/g, "");
    return /^\d+$/.test(digits) && !wrongLength(slot, digits);
  }

  /**
   * The text gives one day up and asks for another: "I can't make it on thursday, could we do
   * monday instead?", "not tomorrow, friday", "I booked for thursday, can we make it friday?".
   */
  anotherDate(text: string): { had: boolean; value: SlotValue } | null {
    const dates = findDates(text, this.now());
    const up = dates.filter((d) => givenUp(text, d.start, d.end));
    if (up.length > 0) {
      const other = dates.find((d) => !up.includes(d) && d.value !== up[0]!.value);
      return other ? { had: false, value: other.value } : null;
    }
    // "I booked for next thursday ... can we make it friday?": the day had, then a new one.
    const [first, second] = dates;
    return dates.length === 2 && first!.value !== second!.value && this.analyzer.tellsHad(text)
      ? { had: true, value: second!.value }
      : null;
  }

  /** Numbers that are not part of an IBAN, a date or a code like "ABC123" or "HB-123456". */
  numbers(text: string): readonly NumberMatch[] {
    const now = this.now();
    const day = dayKey(now);
    // The same text is asked for again and again within a message: no key to build then.
    const last = this.lastNumbers;
    if (last && last.text === text && last.day === day) return last.found;
    const key = `${day}|${text}`;
    const known = this.recentNumbers.get(key);
    if (known) {
      this.lastNumbers = { text, day, found: known };
      return known;
    }
    const blocked: Span[] = [...findIbans(text), ...findDates(text, now)];
    const found = Object.freeze(
      findNumbers(text, this.language).filter(
        (n) =>
          !blocked.some((b) => overlaps(b, n)) &&
          !/[A-Za-z]-?$/.test(text.slice(Math.max(0, n.start - 2), n.start)),
      ),
    );
    if (this.recentNumbers.size >= 64) this.recentNumbers.clear();
    this.recentNumbers.set(key, found);
    this.lastNumbers = { text, day, found };
    return found;
  }

  private lastNumbers: { text: string; day: string; found: readonly NumberMatch[] } | undefined;

  /**
   * Days of the month said without a month ("the 15th", "on the 1st of each month"), as the
   * numbers a day-of-the-month slot takes: the date reader finds them, the month is not asked.
   */
  monthDays(text: string): NumberMatch[] {
    const out: NumberMatch[] = [];
    for (const d of findDates(text, this.now())) {
      const said = text.slice(d.start, d.end).trim();
      if (!DAY_ONLY.test(said)) continue;
      const day = Number(/\d{1,2}/.exec(said)![0]);
      out.push({ value: day, start: d.start, end: d.end, currency: null, words: false });
    }
    return out;
  }

  /** Recent answers by day and text: a message and its cut-down forms are read several times. */
  private readonly recentNumbers = new Map<string, readonly NumberMatch[]>();

  /**
   * A date read as the answer for a later date slot (a return, a check-out) that falls before
   * `earlier`, the flow's earlier date already given: a weekday ("sunday", "next sunday") is the
   * first such day after that date, not the one before it. A weekday read again from the
   * earlier date falls a whole number of weeks later. A day of the month said alone ("the
   * 28th") is the first such day from that date (the 28th of the earlier date's month, else of
   * the next); other dates ("march 2", "tomorrow") are kept, for the flow to judge.
   */
  afterEarlier(found: Found, earlier: string, text: string): Found {
    const value = found.value;
    if (typeof value !== "string" || value >= earlier) return found;
    const [y, m, d] = earlier.split("-").map(Number) as [number, number, number];
    const said = text.slice(found.start, found.end);
    const again = findDates(said, new Date(y, m - 1, d, 12));
    if (again.length !== 1) return found;
    if (DAY_ONLY.test(said.trim())) return { ...found, value: again[0]!.value };
    if (daysBetween(value, again[0]!.value) % 7 !== 0) return found;
    const weeks = Math.floor(daysBetween(value, earlier) / 7) + 1;
    const [vy, vm, vd] = value.split("-").map(Number) as [number, number, number];
    const later = new Date(Date.UTC(vy, vm - 1, vd + 7 * weeks)).toISOString().slice(0, 10);
    return { ...found, value: later };
  }

  /**
   * A day of the month said alone ("I meant the 26th") as the new value of a date already held
   * (`held`): the day is the one put right, so it keeps the held date's month (the 26th of that
   * month, else the first such day after it), when that day is not past; any other date is kept.
   */
  sameMonth(found: Found, held: string, text: string): Found {
    const value = found.value;
    if (typeof value !== "string" || value.slice(0, 7) === held.slice(0, 7)) return found;
    // Its span may be of a cut-down form of the message: the date is looked for in the whole,
    // where a day said alone may be read only by its answer ("no, better the 26th").
    const day = Number(value.slice(8));
    const dates = findDates(text, this.now());
    const said = dates.filter((d) => d.value === value);
    if (said.length > 1 || dates.length > said.length) return found;
    if (said.length === 1 && !DAY_ONLY.test(text.slice(said[0]!.start, said[0]!.end).trim()))
      return found;
    if (said.length === 0 && !new RegExp(`(?<![\\d.,:/-])${day}(?![\\d.,:/-])`).test(text))
      return found;
    const [y, m] = held.split("-").map(Number) as [number, number];
    const again = nextDayOfMonth(new Date(y, m - 1, 1, 12), day);
    // Read from today it is the first such day not past: one before it is past.
    if (!again || again < value) return found;
    return { ...found, value: again };
  }

  /**
   * "till saturday" asked how many nights: the days from `start` (the flow's date) to the one
   * day said after an "until" word, read after `start`; null when no other number is said.
   */
  daysUntil(text: string, start: string): number | null {
    const dates = findDates(text, this.now());
    if (dates.length !== 1 || !UNTIL_BEFORE.test(text.slice(0, dates[0]!.start))) return null;
    if (this.numbers(text).length > 0) return null;
    const found = { slot: "", value: dates[0]!.value, start: dates[0]!.start, end: dates[0]!.end };
    const end = rangeEnd(start, String(this.afterEarlier(found, start, text).value));
    const days = daysBetween(start, end);
    return days > 0 ? days : null;
  }

  /** The message read as the answer to a question about `slot`. */
  answer(slot: SlotInfo, text: string): Found | null {
    switch (slot.kind) {
      case "choice": {
        const m = choiceIn(slot, text) ?? otherOfTwo(slot, text);
        return m
          ? foundAt(slot, m.value, m)
          : (choiceByHead(slot, text) ?? boundedChoice(slot, text));
      }
      case "boolean": {
        const acts = readActs(text);
        if (acts.affirm || (acts.affirmLead && !acts.denyLead))
          return foundAt(slot, true, { start: 0, end: text.length });
        if (acts.deny || acts.denyLead) return foundAt(slot, false, { start: 0, end: text.length });
        return null;
      }
      case "number": {
        // "we are 5, no sorry 7": a number taken back by a later one is no answer.
        const nums = notTakenBack(text, this.numbers(text));
        const pick =
          (slot.monthDay ? uniqueNumber(notTakenBack(text, this.monthDays(text))) : null) ??
          (slot.days ? uniqueNumber(weeks(text)) : null) ??
          summedUp(text, nums) ??
          (slot.people ? partyList(tokenize(text), nums, this.relations) : null) ??
          (slot.people ? peopleSum(text, tokenize(text), nums) : null) ??
          (slot.people ? withSpeaker(text, tokenize(text), nums) : null) ??
          uniqueNumber(nums) ??
          uniqueNumber(nums.filter((n) => n.currency)) ??
          this.unitNumber(slot, text, nums) ??
          (slot.people ? this.peopleCount(text, nums, true) : null) ??
          loneOne(text) ??
          this.unitNumber(slot, text, oneWords(text));
        return pick ? foundAt(slot, pick.value, pick) : null;
      }
      case "date": {
        let dates = notTakenBack(text, findDates(text, this.now(), slot.past));
        if (dates.length === 0) dates = findWeekend(text, this.now(), slot.past);
        // "a fever since sunday": the day a state began is no day to come, unless asked for.
        if (!slot.past) dates = dates.filter((d) => !sinceLed(text, d));
        // "today, it was fine last night": a date said alone before the rest is the answer;
        // what follows tells about it. "monday, tuesday or wednesday" lists several.
        const lead = dates[0];
        if (
          lead &&
          dates.length > 1 &&
          !/\w/.test(text.slice(0, lead.start)) &&
          clauseEnd(text, lead.end) &&
          !onlyListed(text, dates)
        )
          dates = [lead];
        // "the one after, so the 24th", "I'm away tuesday to thursday so saturday": the last
        // day, said after a conclusion word and closing the message, is the one settled on.
        const last = dates.at(-1);
        if (
          last &&
          dates.length > 1 &&
          CONCLUSION_BEFORE.test(fold(text.slice(0, last.start))) &&
          !/\w/.test(text.slice(last.end))
        )
          dates = [last];
        return dates.length === 1 ? foundAt(slot, dates[0]!.value, dates[0]!) : null;
      }
      case "time": {
        // "a las 5 y media", "17:30", "5": the one clock time said; with none, a message with a
        // digit goes to the validator, which says what is wrong with it.
        const times = findClockTimes(text);
        if (times.length === 1) return foundAt(slot, times[0]!.value, times[0]!);
        return times.length === 0 && /\d/.test(text) ? this.text(slot, text) : null;
      }
      case "iban": {
        const ibans = findIbans(text);
        if (ibans.length === 1) return foundAt(slot, ibans[0]!.value, ibans[0]!);
        // Something IBAN-like (one word, or with digits) goes to the validator, which says what
        // is wrong with it; a sentence without digits is not an attempt at an IBAN.
        const t = this.text(slot, text);
        return t && (/\d/.test(String(t.value)) || !/\s/.test(String(t.value))) ? t : null;
      }
      case "list":
        return everyListChoice(slot, text) ?? this.listItems(slot, text);
      case "code": {
        // "it's james.okoye, same as my email": the one token of a marked pattern's shape.
        const marked = slot.marked ? markedToken(slot, text) : null;
        if (marked) return marked;
        const read = withCodePrefix(slot, this.code(slot, text));
        if (!slot.pattern) return read;
        // The code as typed when it is the pattern's, else the pattern's match in the text;
        // else what was read, for the validator to explain.
        const whole = read && slot.wholePattern!.test(String(read.value));
        // "+34611222333": the pattern's match around what was read keeps the signs the
        // pattern allows beside it (the plus of an international number).
        if (whole) {
          const typed = this.patterned(slot, text);
          if (
            typed &&
            typed.start <= read.start &&
            read.end <= typed.end &&
            String(typed.value).length > String(read.value).length &&
            alphanumeric(String(typed.value)) === alphanumeric(String(read.value)) &&
            slot.wholePattern!.test(String(typed.value))
          )
            return typed;
        }
        // Typed in small letters ("pl-1001"), it is written as the pattern's capitals, the
        // same as when typed with a space or no hyphen.
        if (whole && slot.upperPattern) return { ...read, value: String(read.value).toUpperCase() };
        return whole || !slot.distinctive ? read : (this.patterned(slot, text) ?? read);
      }
      default:
        return this.text(slot, text);
    }
  }

  /**
   * "5 nights" asked the guests: the number read as `slot`'s answer is followed by the word
   * naming another number slot of `slots` (its name, label, unit or trigger word), so it is
   * that slot's value, not the answer.
   */
  namesOther(
    slot: SlotInfo,
    slots: readonly SlotInfo[],
    cues: readonly SlotCue[],
    text: string,
    read: Found,
  ): boolean {
    if (slot.kind !== "number") return false;
    const numberSlots = slots.filter((s) => s.kind === "number");
    if (numberSlots.length < 2) return false;
    const n = this.numbers(text).find((x) => x.start === read.start && x.end === read.end);
    if (!n) return false;
    const tokens = tokenize(text);
    const named = this.unitSlot(
      numberSlots,
      cues,
      text,
      tokens,
      this.keysOf(tokens),
      stemsOf(tokens),
      n,
    );
    return named !== null && named !== slot;
  }

  /**
   * "hire the 4 berth boat" in a flow that counts people, not berths: `n` is followed by the
   * word naming a number slot of another flow of the domain (none of `slots`), so it counts
   * that slot's thing and is no value of `slot`.
   */
  countsElsewhere(
    slot: SlotInfo,
    slots: readonly SlotInfo[],
    text: string,
    n: { start: number; end: number },
  ): boolean {
    if (slot.kind !== "number") return false;
    const others = this.domainNumbers.filter((s) => s !== slot && !slots.includes(s));
    if (others.length === 0) return false;
    const number = this.numbers(text).find((x) => x.start === n.start && x.end === n.end);
    if (!number) return false;
    const tokens = tokenize(text);
    const named = this.unitSlot(
      [slot, ...others],
      [],
      text,
      tokens,
      this.keysOf(tokens),
      stemsOf(tokens),
      number,
    );
    return named !== null && named !== slot;
  }

  /** Of several numbers, the one followed by the slot's name: "4 nights" of "2 people, 4 nights". */
  private unitNumber(
    slot: SlotInfo,
    text: string,
    nums: readonly NumberMatch[],
  ): NumberMatch | null {
    const tokens = tokenize(text);
    const stems = stemsOf(tokens);
    const keys = this.keysOf(tokens);
    // "one month", "a month": a count of one, said only by the word after it.
    const ones = tokens
      .filter(
        (t) => SINGULAR.has(t.norm) && !nums.some((n) => n.start <= t.start && t.end <= n.end),
      )
      .map((t) => ({ value: 1, start: t.start, end: t.end, currency: null, words: true }));
    const named = [...nums, ...ones].filter(
      (n) => this.unitSlot([slot], [], text, tokens, keys, stems, n) !== null,
    );
    return uniqueNumber(named);
  }

  /**
   * A number of people the words say without a unit: after a lead ("we are 3", "party of 4");
   * two for the speaker and a relation ("me and my partner") when no number is said; and, as
   * the whole answer (`whole`), one for the speaker alone ("just me").
   */
  private peopleCount(
    text: string,
    nums: readonly NumberMatch[],
    whole: boolean,
  ): NumberMatch | null {
    const tokens = tokenize(text);
    for (const lead of PEOPLE_LEAD_WORDS) {
      for (let i = 0; i + lead.length < tokens.length; i++) {
        if (!lead.every((w, j) => tokens[i + j]!.norm === w)) continue;
        const after = tokens[i + lead.length - 1]!.end;
        const n = nums.find((x) => x.start >= after && /^\s*$/.test(text.slice(after, x.start)));
        if (n && !n.currency) return n;
      }
    }
    const withSelf = withSpeaker(text, tokens, nums);
    if (withSelf) return withSelf;
    const folded = flat(text);
    if (whole && SELF_ONLY.test(folded)) {
      return { value: 1, start: 0, end: text.length, currency: null, words: true };
    }
    // "two days, just me": in a longer message, a clause of its own that is the speaker alone.
    if (!whole) {
      for (const m of text.matchAll(CLAUSE)) {
        if (m[0].length > SELF_CLAUSE_MAX || !SELF_ONLY.test(flat(m[0]))) continue;
        return {
          value: 1,
          start: m.index,
          end: m.index + m[0].length,
          currency: null,
          words: true,
        };
      }
    }
    const pair = nums.length === 0 ? this.pair.exec(folded) : null;
    if (!pair) return null;
    // The phrase's own words, so values said around it ("tomorrow") stay readable.
    const first = folded.slice(0, pair.index).split(" ").length - 1;
    const last = first + pair[0].split(" ").length - 1;
    const [from, to] = [tokens[first], tokens[last]];
    if (!from || !to) return null;
    return { value: 2, start: from.start, end: to.end, currency: null, words: true };
  }

  /** "me and my partner": the packs' pair phrases with this domain's relation words. */
  get pair(): RegExp {
    this.#pair ??= new RegExp(PAIR_SOURCE.replace(/REL/g, [...this.relations].join("|")));
    return this.#pair;
  }
  #pair?: RegExp;

  /** `pair` anywhere in a message as typed, in any case: built once, not per message. */
  get pairInText(): RegExp {
    this.#pairInText ??= new RegExp(this.pair.source, "gi");
    return this.#pairInText;
  }
  #pairInText?: RegExp;

  /** A reference or code typed as the answer ("GAS-2026-0042", "4 8 2 1", "TEL 5521 9930"). */
  private code(slot: SlotInfo, text: string): Found | null {
    // "TEL 5521 9930": one reference typed in groups (IBANs are not references).
    const grouped = findIbans(text).length ? null : groupedCode(text, "end");
    if (grouped && /[A-Z]/.test(grouped.value)) return foundAt(slot, grouped.value, grouped);
    const codes = findCodes(text).filter((c) => /\d/.test(c.value));
    const joined = codes.map((c) => c.value).join("");
    // "4 8 2 1" or "4821": digits typed apart are still one code, up to the slot's longest
    // ("07912 345678" for digits of 9 to 12).
    if (
      codes.length > 1 &&
      codes.every((c) => /^\d+$/.test(c.value)) &&
      joined.length <= longestDigits(slot) &&
      !wrongLength(slot, joined)
    ) {
      const value = slot.def.type === "integer" ? Number(joined) : joined;
      return foundAt(slot, value, { start: codes[0]!.start, end: codes.at(-1)!.end });
    }
    if (codes.length === 1) {
      const c = codes[0]!;
      // "07912-345678" asked a digits slot: the digits, without the dashes between groups.
      const v =
        slot.extract === "digits" && /^\d+(?:-\d+)+$/.test(c.value) ? digitsOnly(c.value) : c.value;
      return foundAt(slot, slot.def.type === "integer" ? Number(v) || v : v, c);
    }
    // No digits: only a message that is one bare token can still be the code ("ABCDEFG").
    const t = this.text(slot, text);
    return t && !/\s/.test(String(t.value)) ? t : null;
  }

  /**
   * The items of a list slot: every choice named ("ham and pineapple"), in order; without
   * choices, the phrase split at commas and "and" ("mushrooms, olives and basil").
   */
  private listItems(slot: SlotInfo, text: string): Found | null {
    if (slot.choices) {
      const every = allBut(slot, text);
      if (every) return every;
      // "breakfast but no parking": the items said after a negation are left out.
      const hits = slot.choices.items(text, ITEM_NEGATORS).kept;
      if (hits.length === 0) return null;
      return listFound(slot, hits);
    }
    const phrase = freeText(text, slot.words);
    if (phrase === null) return null;
    const items = freeItems(phrase);
    if (items.length === 0) return null;
    const start = Math.max(0, text.indexOf(phrase));
    return { slot: slot.name, value: items, start, end: start + phrase.length };
  }

  /**
   * A free list said after its slot's name and a colon or "are" in a longer message ("...
   * Faults: a flat tyre, loose brakes"): its items up to the end of the sentence.
   */
  private keyedList(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    stems: readonly string[],
  ): Found | null {
    for (const [keyStart, j] of keySpans(stems, slot.keys)) {
      if (j >= tokens.length) continue;
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
      // "..., symptoms cough, fever and sore throat": the name opening a detail of a list of
      // details, its items right after it, as after a colon.
      const opens =
        keyStart > 0 &&
        /^\s*,\s*$/.test(text.slice(tokens[keyStart - 1]!.end, tokens[keyStart]!.start)) &&
        /^\s+$/.test(gap) &&
        !STOP_WORDS.has(tokens[j]!.norm) &&
        !/^\d/.test(tokens[j]!.norm);
      const is = /:/.test(gap) || opens ? j : LIST_INTRO_WORDS.has(tokens[j]!.norm) ? j + 1 : -1;
      if (is < 0 || is >= tokens.length) continue;
      const start = tokens[is]!.start;
      const stop = text.slice(start).search(/[.!?;](?:\s|$)/);
      const end = stop < 0 ? text.length : start + stop;
      // "faults: none" declines the list; the flow's question reads that.
      const said = tokenize(text.slice(start, end));
      if (said.every((t) => NEGATORS.has(t.norm) || STOP_WORDS.has(t.norm))) continue;
      // Without a colon, the words after the name may tell of it ("symptoms started monday").
      if (
        opens &&
        !/:/.test(gap) &&
        said.some((t) => /^\d/.test(t.norm) || endsAsParticiple(t.norm))
      )
        continue;
      if (opens && findDates(text.slice(start, end), this.now()).length > 0) continue;
      const items = freeItems(text.slice(start, end));
      if (items.length > 0) return { slot: slot.name, value: items, start, end };
    }
    return null;
  }

  /**
   * A value of a pattern slot: the pattern's match in the text ("HB-222222"), or a match typed
   * with a space or no hyphen ("hb 222222"), written back with the pattern's hyphens and, when
   * the pattern's letters are capitals, upper-cased.
   */
  private patterned(slot: SlotInfo, text: string): Found | null {
    const m = slot.pattern!.exec(text);
    if (m && m[0].trim() !== "") {
      if (!wordBounded(text, m.index, m.index + m[0].length)) return null;
      const value = slot.upperPattern ? m[0].trim().toUpperCase() : m[0].trim();
      return { slot: slot.name, value, start: m.index, end: m.index + m[0].length };
    }
    const loose = slot.loosePattern?.exec(text);
    if (!loose) return this.spacedDigits(slot, text) ?? this.codeInGroups(slot, text);
    const end = loose.index + loose[0].length;
    if (!wordBounded(text, loose.index, end)) return null;
    const joined = loose.slice(1).join(slot.looseJoin ?? "-");
    const value = slot.upperPattern ? joined.toUpperCase() : joined;
    return { slot: slot.name, value, start: loose.index, end };
  }

  /** Where a pattern slot's value is typed with a space or without its hyphen ("hb 222222"). */
  looseCode(slot: SlotInfo, text: string): { start: number; end: number } | null {
    const loose = slot.loosePattern?.exec(text);
    if (!loose) return null;
    const end = loose.index + loose[0].length;
    return wordBounded(text, loose.index, end) ? { start: loose.index, end } : null;
  }

  /**
   * Digits of a slot's declared length right after its name ("member number is 654321",
   * "card no. 123456"): the span of the name (`keyStart`) and of the digits (`start`, `end`).
   */
  namedDigits(
    slot: SlotInfo,
    text: string,
  ): { keyStart: number; start: number; end: number } | null {
    const tokens = tokenize(text);
    const stems = tokens.map((t) => stem(t.norm));
    let best: { keyStart: number; start: number; end: number } | null = null;
    for (const [i, j] of keySpans(stems, slot.keys)) {
      let k = j;
      // Up to two linking words between the name and the digits ("is", "no.").
      while (k < tokens.length && k - j < 2 && VALUE_GAP.has(tokens[k]!.norm)) k++;
      const next = tokens[k];
      if (!next || !/^\d+$/.test(next.norm) || wrongLength(slot, next.norm)) continue;
      // The longest name said: "member number", not its last word "number".
      if (!best || tokens[i]!.start < best.keyStart) {
        best = { keyStart: tokens[i]!.start, start: next.start, end: next.end };
      }
    }
    return best;
  }

  /**
   * Where a name of the slot of two words or more ("club number", not "club") is said right
   * before a value at `start`, up to two linking words between ("club number is CB-..."): the
   * name's start, else -1.
   */
  longNameBefore(slot: SlotInfo, text: string, start: number): number {
    const tokens = tokenize(text);
    const stems = this.analyzer.correctedStems(tokens);
    let best = -1;
    for (const [i, j] of keySpans(stems, slot.keys)) {
      if (j - i < 2) continue;
      let k = j;
      while (k < tokens.length && k - j < 2 && VALUE_GAP.has(tokens[k]!.norm)) k++;
      if (tokens[k]?.start !== start) continue;
      if (best < 0 || tokens[i]!.start < best) best = tokens[i]!.start;
    }
    return best;
  }

  /**
   * A free-text value after the slot's name and a colon, as a form's field is filled
   * ("destination: Oslo", "input: order 5521"): the span of the name (`keyStart`) and of the
   * value, which runs to the end of its clause.
   */
  labelledText(
    slot: SlotInfo,
    text: string,
  ): { keyStart: number; start: number; end: number } | null {
    const tokens = tokenize(text);
    const stems = tokens.map((t) => stem(t.norm));
    for (const [i, j] of keySpans(stems, slot.keys)) {
      if (i === j || j >= tokens.length) continue;
      if (!/^\s*:\s*$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) continue;
      const span = this.phraseAfter(text, tokens, j, () => true, NO_ENDS, true);
      if (span) return { keyStart: tokens[i]!.start, ...span };
    }
    return null;
  }

  /**
   * A code of letters and digits typed in groups ("k7 xq 2p", "Z9-PLK3") when its pattern has no
   * hyphen: consecutive words of two or more letters or digits, one space or hyphen apart, that
   * joined match the whole pattern and hold both letters and digits. One-letter words are left
   * out, so "a 2 day trip" is never a code.
   */
  private codeInGroups(slot: SlotInfo, text: string): Found | null {
    const whole = slot.wholePattern;
    // A pattern with a hyphen of its own has its loose pattern read those.
    if (!whole || slot.hyphened || !slot.digitClass) return null;
    const groups = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
    for (let i = 0; i < groups.length; i++) {
      let joined = groups[i]![0];
      for (let j = i + 1; j < groups.length && joined.length < MAX_GROUPED_CODE; j++) {
        const prev = groups[j - 1]!;
        const gap = text.slice(prev.index + prev[0].length, groups[j]!.index);
        if (!/^[ -]$/.test(gap) || groups[j]![0].length < 2 || prev[0].length < 2) break;
        joined += groups[j]![0];
        if (!whole.test(joined) || !/\p{L}/u.test(joined) || !/\p{N}/u.test(joined)) continue;
        const end = groups[j]!.index + groups[j]![0].length;
        if (!wordBounded(text, groups[i]!.index, end)) continue;
        const value = slot.upperPattern ? joined.toUpperCase() : joined;
        return { slot: slot.name, value, start: groups[i]!.index, end };
      }
    }
    return null;
  }

  /**
   * Digits typed in other groups than the pattern's ("612 34 56 78", "612.345.678"): a run of
   * digits and separators whose digits alone match the pattern is the value, digits only, but
   * for a plus in front that the pattern allows ("+34 655 123 456": an international number).
   */
  private spacedDigits(slot: SlotInfo, text: string): Found | null {
    const whole = slot.wholePattern;
    if (!whole || !slot.digitClass) return null;
    for (const m of text.matchAll(/\d(?:[\s.-]{0,2}\d)+/g)) {
      const digits = m[0].replace(/[\s.-]/g, "");
      if (digits === m[0] || !whole.test(digits)) continue;
      if (!wordBounded(text, m.index, m.index + m[0].length)) continue;
      const end = m.index + m[0].length;
      if (text[m.index - 1] === "+" && whole.test(`+${digits}`))
        return { slot: slot.name, value: `+${digits}`, start: m.index - 1, end };
      return { slot: slot.name, value: digits, start: m.index, end };
    }
    return null;
  }

  private text(slot: SlotInfo, text: string): Found | null {
    let value = freeText(text, slot.words);
    if (value === null) return null;
    let tokens = tokenize(value);
    // Leftover function words ("from", "to the") are never a value.
    if (tokens.every((t) => STOP_WORDS.has(t.norm) || PHRASE_BREAKS.has(t.norm))) return null;
    // "in Seville", "from Madrid": a preposition typed in lower case before a capitalised name
    // only leads to it ("On Chesil Beach", typed capitalised, keeps its "On").
    if (
      tokens.length > 1 &&
      PREPOSITIONS.has(tokens[0]!.norm) &&
      /^\p{Ll}/u.test(tokens[0]!.raw) &&
      capitalised(tokens[1]!)
    ) {
      value = value.slice(tokens[1]!.start);
      tokens = tokenize(value);
    }
    // "at Calle Sol 2, Madrid (since)": prepositions lead to the address or to a value cut out
    // after it; they are no part of it.
    if (slot.address) {
      if (PREPOSITIONS.has(tokens[0]!.norm) && tokens.length > 1)
        value = value.slice(tokens[1]!.start);
      for (let last = tokenize(value).at(-1); last && tokenize(value).length > 1; ) {
        if (!PREPOSITIONS.has(last.norm) && !STOP_WORDS.has(last.norm)) break;
        value = value.slice(0, last.start).replace(/[,\s]+$/, "");
        last = tokenize(value).at(-1);
      }
      tokens = tokenize(value);
      // "wrong number, it's Gran Via 22, Bilbao": the street and town, not the words around.
      if (tokens.length > 0) {
        value = value.slice(addressStart(tokens, value), addressEnd(tokens));
        tokens = tokenize(value);
      }
    }
    if (slot.nameLike) {
      // "es un poco miedoso", "a good boy": lower-case words that open with an article say what
      // it is like, not what it is called.
      const said = tokens.findIndex((t) => !STOP_WORDS.has(t.norm) && !FILLERS.has(t.norm));
      if (
        said > 0 &&
        BARE_ARTICLES.has(tokens[said - 1]!.norm) &&
        tokens.every((t) => !/^\p{Lu}/u.test(t.raw))
      )
        return null;
      // "me, Peter Walsh", "it's me, Ana Ruiz": only function words before a comma and a name
      // after it; the name is the answer. So it is after lower-case words that say the slot's
      // own name ("put it under my wife's name, Ana Ruiz"), when the name is a full one.
      const self = value.indexOf(",");
      if (self > 0) {
        const before = tokenize(value.slice(0, self));
        const after = tokenize(value.slice(self + 1));
        const beforeStems = stemsOf(before);
        const keyed = () =>
          after.length >= 2 &&
          before.every((t) => !/^\p{Lu}/u.test(t.raw)) &&
          before.some((_, k) => slot.keys.some((key) => keyAt(beforeStems, k, key)));
        // "la gata, Luna", "my dog, Rex": a short lower-case description (its article may be
        // gone with the answer's wrapping) set before the name it describes.
        const described = () =>
          before.length <= APPOSITION_WORDS &&
          after.length <= APPOSITION_WORDS &&
          before.every((t) => !/^\p{Lu}/u.test(t.raw));
        if (
          before.length > 0 &&
          after.length > 0 &&
          after.every((t) => /^\p{Lu}/u.test(t.raw)) &&
          (before.every((t) => STOP_WORDS.has(t.norm) || FILLERS.has(t.norm)) ||
            keyed() ||
            described())
        ) {
          value = value.slice(self + 1).trim();
          tokens = tokenize(value);
        }
      }
      // "Hugo Ruiz, he has a fever": the name ends at the comma ("Smith, John" does not).
      const comma = value.indexOf(",");
      if (comma > 0 && tokenize(value.slice(comma)).some((t) => !/^\p{Lu}/u.test(t.raw))) {
        value = value.slice(0, comma).trim();
        tokens = tokenize(value);
      }
      // "at name of Garcia", "under the name: Okafor": the words after the slot's own name
      // (behind a preposition, an article, "of" or "is") are the name, when they end the answer.
      const stems = stemsOf(tokens);
      for (let k = 0; k + 1 < tokens.length && k < 3; k++) {
        const key = slot.keys.find((key) => keyAt(stems, k, key));
        if (!key) {
          if (PREPOSITIONS.has(tokens[k]!.norm) || STOP_WORDS.has(tokens[k]!.norm)) continue;
          break;
        }
        let at = k + key.length;
        while (at < tokens.length - 1 && NAME_KEY_LINKS.has(tokens[at]!.norm)) at++;
        const rest = tokens.slice(at);
        if (rest.length > 0 && rest.length <= 4) {
          if (!rest.some((t) => STOP_WORDS.has(t.norm))) {
            value = value.slice(tokens[at]!.start);
            tokens = tokenize(value);
          }
        }
        break;
      }
      // "under Lopez", "put it under Maria": the name after the preposition of the question.
      const lead = tokens.findIndex(
        (t, i) =>
          i + 1 < tokens.length && PREPOSITIONS.has(t.norm) && !STOP_WORDS.has(tokens[i + 1]!.norm),
      );
      if (lead >= 0) {
        const span = this.nameAfter(value, tokens, lead + 1, () => true);
        if (span && span.end === value.length) {
          value = value.slice(span.start);
          tokens = tokenize(value);
        }
      }
      // "my sister Laura", "my neighbour is Peter Walsh" -> the name: the relation only says
      // who that is.
      const at = COPULAS.has(tokens[2]?.norm ?? "") ? 3 : 2;
      const relation =
        tokens.length > at &&
        POSSESSIVES.has(tokens[0]!.norm) &&
        this.relations.has(tokens[1]!.norm);
      if (relation && /^\p{Lu}/u.test(tokens[at]!.raw)) value = value.slice(tokens[at]!.start);
      value = inDomainLanguage(displayName(value, text, this.relations), this.language);
    }
    // "euros", "in dollars" asked the currency: the code an amount said in it is read as.
    if (slot.currency) {
      const said = tokens.filter((t) => !STOP_WORDS.has(t.norm) && !PREPOSITIONS.has(t.norm));
      const code = said.length === 1 ? currencyCode(said[0]!.raw) : null;
      const at = Math.max(0, text.indexOf(value));
      if (code) return { slot: slot.name, value: code, start: at, end: at + value.length };
    }
    const start = Math.max(0, text.indexOf(value));
    // "Thailand in January" asked the country: the place, not when.
    if (slot.place) return this.textFound(slot, text, { start, end: start + value.length });
    return { slot: slot.name, value, start, end: start + value.length };
  }

  /**
   * Values of `slots` the text states unmistakably: an IBAN, a date, an amount with a currency,
   * a choice word, a code right after the slot's name, or anything in the position a trigger
   * phrase puts that slot. Precision first: when two slots could take a value, neither does.
   */
  mentions(text: string, slots: SlotInfo[], cues: SlotCue[], taken: Span[] = []): Found[] {
    // No local helper closures and no filtered copies of `slots` here: this runs many times a
    // turn, and the TypeScript loader's keepNames makes every named closure cost a
    // defineProperty per call.
    const found = new FoundSet(taken);
    const free = found.free;
    const tokens = tokenize(text);
    const keys = this.keysOf(tokens);
    const stems = stemsOf(tokens);

    const ibans = findIbans(text);
    const ibanSlot = onlyOfKind(slots, "iban");
    if (ibans.length === 1 && ibanSlot)
      found.add({
        slot: ibanSlot.name,
        value: ibans[0]!.value,
        start: ibans[0]!.start,
        end: ibans[0]!.end,
      });
    const dateSlot = onlyOfKind(slots, "date");
    // "a fever since sunday": the day a state began fills only a date slot asking when it began.
    const sinceAsked = slots.some((s) => s.kind === "date" && s.past);
    // Dates only ever fill date slots: with none among `slots` (the free-text slots a ranking
    // view reads), the search and its checks are skipped.
    let dates = slots.some((s) => s.kind === "date")
      ? notTakenBack(
          text,
          findDates(text, this.now(), dateSlot?.past).filter(
            (d) => !givenUp(text, d.start, d.end) && (sinceAsked || !sinceLed(text, d)),
          ),
        )
      : NO_DATES;
    if (dates.length > 0) dates = notPartOfDay(text, slots, dates);
    // "recogida el 25": a day of the month right after the words naming a date slot.
    if (slots.some((s) => s.kind === "date")) {
      const keyed = keyedDays(text, tokens, stems, slots, this.now(), !!dateSlot?.past).filter(
        (d) => !dates.some((x) => x.start < d.end && d.start < x.end),
      );
      if (keyed.length) dates = [...dates, ...keyed].sort((a, b) => a.start - b.start);
    }
    let reread: Map<number, string> | undefined;
    // "my son graduates on the 26th, so I'd fly out on the 25th and back on the 28th": with
    // more dates than the flow asks, one told in a clause of a story is no answer.
    if (dates.length > 1) {
      const told = this.storyDates(text, dates, slots);
      if (told.length > 0) {
        for (const d of told) found.block(d);
        // "she turns 70 on the 12th of December ... a flight on the 11th": a day said alone
        // ran on from the story's date; it is read from today instead.
        reread = new Map();
        for (let i = 1; i < dates.length; i++) {
          const d = dates[i]!;
          if (told.includes(d) || !told.includes(dates[i - 1]!)) continue;
          if (!DAY_ONLY.test(text.slice(d.start, d.end).trim())) continue;
          const alone = findDates(text.slice(d.start, d.end), this.now(), dateSlot?.past);
          if (alone.length === 1 && alone[0]!.value !== d.value)
            reread.set(d.start, alone[0]!.value);
        }
        dates = dates
          .filter((d) => !told.includes(d))
          .map((d) => (reread?.has(d.start) ? { ...d, value: reread.get(d.start)! } : d));
      }
    }
    // "not thursday, friday - a table for 3": beside another date, one right after "not" is
    // the day given up.
    if (dates.length > 1) {
      const kept = dates.filter(
        (d) => !NOT_BEFORE.test(text.slice(Math.max(0, d.start - 12), d.start)),
      );
      if (kept.length > 0) dates = kept;
    }
    // "we land on April 3rd and need a van until the 10th": a day of the month said alone
    // after "until" ends the span the first date starts, so it is that month's 10th (or the
    // next month's), not the next 10th from today.
    if (
      dates.length === 2 &&
      dates[1]!.value < dates[0]!.value &&
      DAY_ONLY.test(text.slice(dates[1]!.start, dates[1]!.end).trim()) &&
      UNTIL_BEFORE.test(text.slice(0, dates[1]!.start))
    )
      dates = [dates[0]!, { ...dates[1]!, value: rangeEnd(dates[0]!.value, dates[1]!.value) }];
    if (dates.length === 1 && dateSlot)
      found.add({
        slot: dateSlot.name,
        value: dates[0]!.value,
        start: dates[0]!.start,
        end: dates[0]!.end,
      });
    // "I need the car until the 12th": of a start and an end to fill, a lone date after
    // "until" is the end.
    else if (dates.length === 1 && UNTIL_BEFORE.test(text.slice(0, dates[0]!.start))) {
      const dateSlots = slots.filter((s) => s.kind === "date");
      if (dateSlots.length === 2) found.add(foundAt(dateSlots[1]!, dates[0]!.value, dates[0]!));
    }
    // "from the 20th to the 23rd": as many dates as date slots, said in time order, fill them
    // in the order the flow asks them (a pick-up before a return, a check-in before a check-out).
    if (dates.length >= 2 && inTimeOrder(dates)) {
      const dateSlots = slots.filter((s) => s.kind === "date");
      if (dates.length === dateSlots.length)
        for (let i = 0; i < dates.length; i++)
          found.add(foundAt(dateSlots[i]!, dates[i]!.value, dates[i]!));
    }
    // "from the 25th to the 28th" with one date slot and one slot counting days: the range
    // is a start and a length (3 days), as said, not two rival dates.
    const daySlot = dates.length === 2 && dateSlot ? onlyDays(slots) : undefined;
    if (daySlot && saidAsRange(text, dates[0]!, dates[1]!)) {
      const days = daysBetween(dates[0]!.value, rangeEnd(dates[0]!.value, dates[1]!.value));
      found.add(foundAt(dateSlot!, dates[0]!.value, dates[0]!));
      if (days > 0) found.add(foundAt(daySlot, days, dates[1]!));
    } else if (daySlot && daysListed(text, tokens, dates[0]!, dates[1]!)) {
      // "thursday and friday nights": two days joined by "and" before a word for days list
      // the days themselves: the first and how many.
      const end = rangeEnd(dates[0]!.value, dates[1]!.value);
      found.add(foundAt(dateSlot!, dates[0]!.value, dates[0]!));
      found.add(foundAt(daySlot, daysBetween(dates[0]!.value, end) + 1, dates[1]!));
    }

    // "el viernes a las 5", "at 17:30": a clock time with its lead word, minutes or half of
    // the day (not a bare number), for the flow's only time slot.
    const timeSlot = onlyOfKind(slots, "time");
    if (timeSlot) {
      const times = findClockTimes(text).filter(
        (t) => !t.bare && !dates.some((d) => overlaps(d, t)),
      );
      if (times.length === 1) found.add(foundAt(timeSlot, times[0]!.value, times[0]!));
    }

    // A value of a domain pattern ("HB-222222") is unmistakable, wherever it is said; a
    // loose pattern (no digit, no fixed part) is not, and is read only after its slot's name,
    // unless its value is one token with a dot or an at sign inside ("priya.shah").
    for (const slot of slots) {
      const f = slot.distinctive
        ? this.patterned(slot, text)
        : slot.marked
          ? markedToken(slot, text)
          : null;
      if (f) found.add(f);
    }
    for (const slot of slots) {
      if (slot.kind !== "code") continue;
      const f = withCodePrefix(slot, this.keyedCode(slot, text, tokens, stems));
      if (f) found.add(f);
    }
    for (const slot of slots) {
      if (slot.kind !== "text") continue;
      const f = this.keyedText(slot, text, tokens, stems, free, slots);
      if (f) found.add(f);
    }
    for (const slot of slots) {
      if (slot.kind !== "text" || slot.kindOf === undefined || found.has(slot.name)) continue;
      const f = this.kindBefore(slot, text, tokens, stems, free);
      if (f) found.add(f);
    }
    for (const slot of slots) {
      if (slot.kind !== "list" || slot.choices) continue;
      const f = this.keyedList(slot, text, tokens, stems);
      if (f) found.add(f);
    }

    let numberSlots: SlotInfo[] | undefined;
    for (const slot of slots) {
      if (slot.kind !== "number") continue;
      numberSlots ??= [];
      numberSlots.push(slot);
    }
    // "two adults and a kid": groups of people said together, for the flow's only people slot.
    const summed = numberSlots && onlyPeople(numberSlots);
    if (summed) {
      const sum = peopleSum(text, tokens, this.numbers(text).filter(free));
      if (sum && found.isFree(sum)) found.add(foundAt(summed, sum.value, sum));
    }
    // "3 nights, 2 guests": a number followed by the word that names one number slot.
    if (numberSlots) {
      // "one night", "a night": an article counts as 1 only before such a word.
      const ones: NumberMatch[] = [];
      for (const t of tokens) {
        if (SINGULAR.has(t.norm))
          ones.push({ value: 1, start: t.start, end: t.end, currency: null, words: true });
      }
      for (const n of [...this.numbers(text), ...ones]) {
        if (isDifference(tokens, n)) continue;
        const slot =
          this.unitSlot(numberSlots, cues, text, tokens, keys, stems, n) ??
          this.unitAfterChoice(numberSlots, slots, cues, text, tokens, keys, stems, n);
        if (slot && found.isFree(n))
          found.add({ slot: slot.name, value: n.value, start: n.start, end: n.end });
      }
    }
    // "change the payment date to the 20th": with no date slot to take it, a day of the month
    // said alone is the flow's only day-of-the-month slot's.
    const monthDaySlot =
      numberSlots && !slots.some((s) => s.kind === "date")
        ? onlyWith(numberSlots, "monthDay")
        : undefined;
    if (monthDaySlot && !found.has(monthDaySlot.name)) {
      const day = uniqueNumber(notTakenBack(text, this.monthDays(text)).filter(free));
      if (day) found.add(foundAt(monthDaySlot, day.value, day));
    }
    // "for a week", "two weeks": seven days a week, for the flow's only slot counting days.
    const daySlots = numberSlots?.filter((s) => s.days);
    if (daySlots?.length === 1 && !found.has(daySlots[0]!.name)) {
      const week = uniqueNumber(weeks(text).filter(free));
      if (week) found.add(foundAt(daySlots[0]!, week.value, week));
    }
    // "we are 3", "me and my partner": the number of people, for the flow's only slot counting them.
    const peopleSlot = numberSlots && onlyPeople(numberSlots);
    if (peopleSlot && !found.has(peopleSlot.name)) {
      // Free numbers only: "me and my wife ... 2 nights" is two people, the 2 counting nights;
      // a number no other slot took may be the count ("me and my wife, 3 of us with the baby").
      const n = this.peopleCount(
        text,
        this.numbers(text).filter(
          (x) => free(x) && !this.countsElsewhere(peopleSlot, slots, text, x),
        ),
        false,
      );
      if (n && found.isFree(n)) found.add(foundAt(peopleSlot, n.value, n));
    }
    // An amount with a currency belongs to the flow's only amount-like slot.
    // The free numbers are read by number and code slots only (an amount, a cued number).
    const numeric = numberSlots !== undefined || slots.some((s) => s.kind === "code");
    const numbers = numeric
      ? this.numbers(text).filter((n) => free(n) && !isDifference(tokens, n))
      : NO_NUMBERS;
    // "4 berths, max £300": beside counts, the flow's only money slot takes it.
    const moneySlots = numberSlots?.filter((s) => s.def.extract === "money");
    const amountSlot =
      numberSlots?.length === 1
        ? countsThings(numberSlots[0]!)
          ? undefined
          : numberSlots[0]
        : moneySlots?.length === 1
          ? moneySlots[0]
          : undefined;
    if (amountSlot) {
      const money = numbers.filter(hasCurrency);
      if (money.length >= 1 && uniqueNumber(money)) {
        found.add({
          slot: amountSlot.name,
          value: money[0]!.value,
          start: money[0]!.start,
          end: money[0]!.end,
        });
      }
    }
    // "send 45 euros": the currency the amount was said in, for the flow's only free-text slot
    // named as a currency. It shares the amount's words.
    const currencySlot = onlyWith(slots, "currency");
    if (currencySlot && !found.has(currencySlot.name)) {
      const priced = this.numbers(text).filter(hasCurrency);
      if (new Set(priced.map((n) => n.currency)).size === 1)
        found.addShared(foundAt(currencySlot, priced[0]!.currency!, priced[0]!));
    }
    for (const cue of cues) {
      const slot = slotNamed(slots, cue.slot);
      if (!slot || found.has(slot.name)) continue;
      const f = this.cued(slot, cue, text, tokens, keys, numbers, free, slots, cues, reread);
      if (f) found.add(f);
    }
    // "a car in Malaga tomorrow", "a room on saturday" with a pick-up and a return date (a
    // check-in and a check-out): a date said with no word for the end of a span fills the first
    // date slot the flow asks that is still empty; a second such date fills the next. Dates
    // said out of time order are left to be asked one by one.
    // "bring the car back earlier, on the 23rd", "returning on sunday": a lone date after a
    // word for the end of a span that is no preposition ("to the 23rd" may be a new start) is
    // the second of two date slots.
    if (dates.length === 1 && !dateSlot && found.isFree(dates[0]!)) {
      const end = endWord(tokens, dates[0]!);
      const dateSlots = end && !PREPOSITIONS.has(end) ? slots.filter((s) => s.kind === "date") : [];
      if (dateSlots.length === 2 && !found.has(dateSlots[1]!.name))
        found.add(foundAt(dateSlots[1]!, dates[0]!.value, dates[0]!));
    }
    if (dates.length > 0 && !dateSlot && inTimeOrder(dates)) {
      let dateSlots: SlotInfo[] | undefined;
      for (const d of dates) {
        if (!found.isFree(d) || endOfSpan(tokens, d)) continue;
        dateSlots ??= slots.filter((s) => s.kind === "date");
        const next = dateSlots.find((s) => !found.has(s.name));
        if (!next) break;
        found.add(foundAt(next, d.value, d));
      }
    }

    // "a visit for Laura Gomez": a full name after a preposition, for the flow's only name slot.
    const nameSlot = onlyWith(slots, "nameLike");
    if (nameSlot && !found.has(nameSlot.name)) {
      const f =
        this.prepositionName(nameSlot, text, tokens, free) ??
        this.relationName(nameSlot, text, tokens, free) ??
        this.kindName(nameSlot, slots, text, tokens, free) ??
        this.ledName(nameSlot, text, tokens, free) ??
        this.selfName(nameSlot, text, tokens, free) ??
        this.bareName(nameSlot, text, tokens, free);
      if (f) found.add(f);
    }

    // "new order for Calle Luna 5, Madrid": a street and number after a preposition, for the
    // flow's only address slot.
    const addressSlot = onlyWith(slots, "address");
    if (addressSlot && !found.has(addressSlot.name)) {
      const f =
        this.prepositionAddress(addressSlot, text, tokens, free) ??
        this.clauseAddress(addressSlot, text, tokens, free);
      if (f) found.add(f);
    }

    // "a hotel in Lisbon", "a trip to Kyoto": a place named after a place preposition, for the
    // flow's only slot that asks for a place and has no cue of its own (two places, an origin
    // and a destination, need their questions' or trigger phrases' prepositions).
    const placeSlot = onlyWith(slots, "place");
    if (placeSlot && !found.has(placeSlot.name) && !cues.some((c) => c.slot === placeSlot.name)) {
      const f = this.prepositionPlace(placeSlot, text, tokens, free);
      if (f) found.add(f);
    }

    // "billete bilbao madrid": two slots taking the same choices (a from and a to).
    const pair = samePair(slots);
    if (pair && !(found.has(pair[0].name) && found.has(pair[1].name))) fillPair(pair, text, found);

    let choiceHits: Map<string, Found[]> | undefined;
    let dateNames: Set<string> | undefined;
    let shared: Found[] | undefined;
    for (const slot of slots) {
      if (slot.kind !== "choice" || found.has(slot.name)) continue;
      const m = choiceIn(slot, text);
      if (!m) continue;
      if (!found.isFree(m)) {
        dateNames ??= new Set(slots.filter((s) => s.kind === "date").map((s) => s.name));
        if (found.sharesDate(m, dateNames)) {
          shared ??= [];
          shared.push(foundAt(slot, m.value, m));
        }
        continue;
      }
      const key = `${m.start}:${m.end}`;
      choiceHits ??= new Map();
      const hits = choiceHits.get(key);
      const hit = { slot: slot.name, value: m.value, start: m.start, end: m.end };
      if (hits) hits.push(hit);
      else choiceHits.set(key, [hit]);
    }
    if (choiceHits)
      for (const hits of choiceHits.values()) if (hits.length === 1) found.add(hits[0]!);
    // One choice slot only: a word two choice slots share is no date's second reading.
    if (shared?.length === 1) found.addShared(shared[0]!);
    // The choices of a list slot, all of them ("with ham and pineapple"), or all but some
    // ("with everything except onions").
    for (const slot of slots) {
      if (slot.kind !== "list" || !slot.choices) continue;
      const every = allBut(slot, text);
      if (every && free(every)) {
        found.add(every);
        continue;
      }
      const listed = slot.choices.items(text, ITEM_NEGATORS).kept.filter(free);
      if (listed.length === 0) continue;
      found.add(listFound(slot, listed));
    }
    return found.out;
  }

  /**
   * Of more dates than `slots` ask, those said in a clause of a story (`clauseWords`): "my
   * daughter graduates in Barcelona on the 26th", "she turns 70 on the 12th", when the others
   * are said in clauses with words of the domain. Never all of them.
   */
  private storyDates<T extends Span>(
    text: string,
    dates: readonly T[],
    slots: readonly SlotInfo[],
  ): T[] {
    let asked = 0;
    for (const s of slots) {
      if (s.kind !== "date") continue;
      // A flow asking since when ("when did it start?") wants the day of the story.
      if (s.past) return [];
      asked++;
    }
    if (asked === 0 || dates.length <= asked) return [];
    const told: T[] = [];
    for (const d of dates) {
      const words = this.clauseWords(text, d, slots, dates);
      if (words.own && !words.domain) told.push(d);
      // The others are said in words of the request ("fly out on the 25th"), not bare.
      else if (!words.domain) return [];
    }
    // Told first, then asked: a story sets the scene before the request.
    const kept = dates.find((d) => !told.includes(d));
    if (!kept || told.some((d) => d.start > kept.start)) return [];
    return told;
  }

  /**
   * What the clause `span` is said in (between commas or full stops) holds, once `span`, the
   * `others` and the choices of `slots` are left out: words of its own (`own`), and whether one
   * of them is a word of the domain (`domain`). A clause with words and none of the domain's
   * tells a story ("my mum turns 70 on the 12th of December").
   */
  private clauseWords(
    text: string,
    span: Span,
    slots: readonly SlotInfo[],
    others: readonly Span[],
  ): { own: boolean; domain: boolean } {
    // A value read with the full stop after it ("the 28th of March.") ends its clause there.
    let last = span.end;
    while (last > span.start && /[\s,;.!?]/.test(text[last - 1]!)) last--;
    const start = lastClauseMark(text.slice(0, span.start)) + 1;
    const rest = text.slice(last).search(/[,;.!?]/);
    const end = rest < 0 ? text.length : last + rest;
    const clause = text.slice(start, end);
    const values: Span[] = [{ start: span.start - start, end: span.end - start }];
    for (const o of others) values.push({ start: o.start - start, end: o.end - start });
    for (const slot of slots) {
      if (!slot.choices) continue;
      for (const m of slot.choices.find(clause)) values.push(m);
    }
    let own = false;
    for (const t of tokenize(clause)) {
      if (overlapsAny(values, t)) continue;
      if (this.domainWord(t)) return { own: true, domain: true };
      // A word of the story's own: "turning", not the "d" of "we'd".
      if (plainWord(t) && t.norm.length > 2) own = true;
    }
    return { own, domain: false };
  }

  /**
   * "a paper lantern": for a slot named for a kind of lantern (`lantern_type`), the lower-case
   * word right before "lantern", when it is no function word, number or word of the domain's own
   * texts (in a shop that sells lanterns, "a shop lantern" says no kind).
   */
  private kindBefore(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    stems: readonly string[],
    free: (s: Span) => boolean,
  ): Found | null {
    for (let i = 1; i < tokens.length; i++) {
      if (stems[i] !== slot.kindOf) continue;
      const prev = tokens[i - 1]!;
      if (
        /^\p{Ll}/u.test(prev.raw) &&
        plainWord(prev) &&
        !STOP_WORDS.has(prev.norm) &&
        !ARTICLES.has(prev.norm) &&
        !NUMBER_WORDS.has(prev.norm) &&
        !this.domainWord(prev) &&
        adjacent(text, prev, tokens[i]!) &&
        free(prev)
      )
        return { slot: slot.name, value: prev.norm, start: prev.start, end: prev.end };
    }
    return null;
  }

  /** A content word (no function word, no number) the domain's texts use. */
  private domainWord(t: Token): boolean {
    return plainWord(t) && this.analyzer.inVocabulary(stem(t.norm));
  }

  /** `analyzer.key` of each token, once per tokenized text (tokenize shares its arrays). */
  private keysOf(tokens: readonly Token[]): readonly string[] {
    let keys = this.tokenKeys.get(tokens);
    if (!keys) {
      keys = Object.freeze(tokens.map((t) => this.analyzer.key(t.norm)));
      this.tokenKeys.set(tokens, keys);
    }
    return keys;
  }

  private readonly tokenKeys = new WeakMap<readonly Token[], readonly string[]>();

  /**
   * The stems of the tokens after the analyzer's typo corrections (remembered there, so not
   * searched again), once per tokenized text. A capitalised word inside the message is a name
   * as typed.
   */
  private correctedStems(tokens: readonly Token[]): readonly string[] {
    let stems = this.tokenFixes.get(tokens);
    if (!stems) {
      stems = Object.freeze(
        tokens.map((t) =>
          stem(/^\p{Lu}/u.test(t.raw) && t.start > 0 ? t.norm : this.analyzer.correct(t.norm)),
        ),
      );
      this.tokenFixes.set(tokens, stems);
    }
    return stems;
  }

  private readonly tokenFixes = new WeakMap<readonly Token[], readonly string[]>();

  /**
   * "one standing ticket", "two balcony seats": a count (no bare article) and the word naming
   * its number slot with one word between that is a choice of another slot of `slots`.
   */
  private unitAfterChoice(
    numberSlots: readonly SlotInfo[],
    slots: readonly SlotInfo[],
    cues: readonly SlotCue[],
    text: string,
    tokens: readonly Token[],
    keys: readonly string[],
    stems: readonly string[],
    n: NumberMatch,
  ): SlotInfo | null {
    if (isArticle(text, n)) return null;
    const i = tokenIndexFrom(tokens, n.end);
    const word = i < 0 ? undefined : tokens[i];
    if (!word || i + 1 >= tokens.length || !/^\s*$/.test(text.slice(n.end, word.start)))
      return null;
    if (STOP_WORDS.has(word.norm) || !adjacent(text, word, tokens[i + 1]!)) return null;
    const choice = slots.some(
      (s) => s.choices && !numberSlots.includes(s) && choiceIn(s, word.raw) !== null,
    );
    if (!choice) return null;
    return this.unitSlot(numberSlots, cues, text, tokens, keys, stems, { ...n, end: word.end });
  }

  /**
   * The one number slot named by the word right after `n`: its name or label ("3 nights",
   * "2 guests"), or the word after its placeholder in a trigger phrase (`{guests} people`).
   */
  private unitSlot(
    numberSlots: readonly SlotInfo[],
    cues: readonly SlotCue[],
    text: string,
    tokens: readonly Token[],
    keys: readonly string[],
    stems: readonly string[],
    n: NumberMatch,
  ): SlotInfo | null {
    const i = tokenIndexFrom(tokens, n.end);
    if (i < 0 || !/^\s*$/.test(text.slice(n.end, tokens[i]!.start))) return null;
    // "pay a fine" names the fine_amount slot's thing; it does not say one of it. "a month"
    // does say one, for a slot that counts months: one named by that word's plural.
    const article = isArticle(text, n);
    if (article && tokens[i]!.norm !== stems[i]) return null;
    // "2 tikets": the slot's own word typed wrong, read with the analyzer's corrections.
    const fixed = this.correctedStems(tokens);
    const named = numberSlots.filter((s) =>
      article
        ? countsUnit(s, stems[i]!)
        : s.keys.some((k) => keyAt(stems, i, k) || keyAt(fixed, i, k)) ||
          cues.some((c) => c.slot === s.name && c.after !== null && c.after === keys[i]),
    );
    return named.length === 1 ? named[0]! : null;
  }

  /**
   * Optional slots the text declines by name: "no toppings", "without extras", "sin bebida".
   * A value named that way ("no onions") declines nothing: only the slot's own words do.
   * `all`: every slot of the flow (a plural that names one of them declines no other).
   * `unnamed`: a clause wanting nothing more may decline the one optional slot of `slots`
   * without naming it; false when another optional question is the one being answered.
   */
  declined(
    text: string,
    slots: readonly SlotInfo[],
    all: readonly SlotInfo[] = slots,
    unnamed = true,
  ): SlotInfo[] {
    const tokens = tokenize(text);
    const stems = tokens.map((t) => stem(t.norm));
    // "no drink", and with one function word between: "nothing to drink", "nada de beber".
    const namesAfter = (i: number, key: readonly string[]) =>
      (keyAt(stems, i + 1, key) && adjacent(text, tokens[i]!, tokens[i + 1]!)) ||
      (i + 2 < tokens.length &&
        STOP_WORDS.has(tokens[i + 1]!.norm) &&
        !NEGATORS.has(tokens[i + 1]!.norm) &&
        keyAt(stems, i + 2, key) &&
        adjacent(text, tokens[i]!, tokens[i + 1]!) &&
        adjacent(text, tokens[i + 1]!, tokens[i + 2]!));
    // "a one-way ticket" where the slot lists "one way" in `declined_by`: the case named.
    const namesCase = (cue: readonly string[]) =>
      stems.some(
        (_, i) =>
          keyAt(stems, i, cue) &&
          cue.every((_, k) => k === 0 || adjacent(text, tokens[i + k - 1]!, tokens[i + k]!)),
      );
    const out = slots.filter(
      (slot) =>
        slot.optional &&
        (slot.keys.some((key) =>
          tokens.some((t, i) => NEGATORS.has(t.norm) && namesAfter(i, key)),
        ) ||
          (slot.noValueCues?.some(namesCase) ?? false)),
    );
    // "that one, nothing extra": a clause that wants nothing more added declines the one
    // optional slot, by whatever name the domain gave it.
    const optional = slots.filter((s) => s.optional);
    if (unnamed && optional.length === 1 && out.length === 0 && saysNothingMore(text))
      out.push(optional[0]!);
    // "without extras" for a list named otherwise: the one optional list, by the plural noun.
    const lists = all.filter((s) => s.optional && s.kind === "list");
    const list = lists.length === 1 && slots.includes(lists[0]!) ? lists[0]! : null;
    if (out.length === 0 && list && this.declinedNoun(text, list, all)) {
      out.push(lists[0]!);
    }
    return out;
  }

  /**
   * The plural noun an optional list slot is declined by when the customer calls its items
   * by another name than the domain's ("no extras", "without add-ons", "sin complementos"): a
   * negator right before a plural word that is no value of `slots` and no name of another of
   * them. A list holds things, and a plural after "no" says none of them. The word, else null.
   */
  declinedNoun(text: string, slot: SlotInfo, slots: readonly SlotInfo[]): string | null {
    if (slot.kind !== "list" || !slot.optional) return null;
    const tokens = tokenize(text);
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!NEGATORS.has(tokens[i]!.norm)) continue;
      // "without extras", and with one function word between: "without any extras".
      const j =
        STOP_WORDS.has(tokens[i + 1]!.norm) && !NEGATORS.has(tokens[i + 1]!.norm) ? i + 2 : i + 1;
      const noun = tokens[j];
      if (
        !noun ||
        !adjacent(text, tokens[j - 1]!, noun) ||
        (j > i + 1 && !adjacent(text, tokens[i]!, tokens[i + 1]!))
      )
        continue;
      const w = noun.norm;
      if (w.length < 4 || !w.endsWith("s") || stem(w) === w || PHRASE_WORDS.has(w)) continue;
      // A domain word follows: "no calls abroad" may name a value, not the list.
      const next = tokens[j + 1];
      if (
        next &&
        adjacent(text, noun, next) &&
        this.analyzer.knows(next.norm) &&
        !PHRASE_WORDS.has(next.norm)
      )
        continue;
      const stemmed = stem(w);
      const named = slots.some(
        (s) =>
          (s !== slot && s.keys.some((k) => k.length === 1 && k[0] === stemmed)) ||
          (s.choices?.find(noun.raw).length ?? 0) > 0,
      );
      if (!named) return w;
    }
    return null;
  }

  /**
   * Two or more capitalised words no vocabulary knows, after a preposition and not before a
   * number (that is an address: "to Calle Mayor 12"): a person's full name.
   */
  private prepositionName(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (!PREPOSITIONS.has(tokens[i]!.norm)) continue;
      // "for Mr. Thomas Becker": the title is said before the name, not part of it.
      const at = TITLES.has(tokens[i + 1]!.norm) ? i + 2 : i + 1;
      if (!tokens[at] || !/^\p{Lu}/u.test(tokens[at]!.raw)) continue;
      const span = this.nameAfter(text, tokens, at, free);
      if (!span) continue;
      const { inside: words, next } = tokensOf(tokens, span);
      const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.raw));
      // A number right after is a street's ("to Calle Mayor 12"); after a comma, another value's.
      const street = streetNumber(next, free) && /^\s*$/.test(text.slice(span.end, next!.start));
      if (capitalised.length < 2 || street) continue;
      return this.textFound(slot, text, span);
    }
    return null;
  }

  /** A place named after a place preposition ("in Lisbon"), read for `slot`, anywhere in `text`. */
  placeSaid(slot: SlotInfo, text: string): Found | null {
    return this.prepositionPlace(slot, text, tokenize(text), () => true);
  }

  /**
   * Capitalised words no vocabulary knows right after a place preposition ("in Lisbon", "to
   * Cape Town"), that are no date ("in March"): the place.
   */
  private prepositionPlace(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    let dates: readonly Span[] | undefined;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!PLACE_PREPOSITIONS.has(tokens[i]!.norm) || !capitalised(tokens[i + 1]!)) continue;
      const span =
        this.nameAfter(text, tokens, i + 1, free) ?? this.placeAsTyped(tokens, i + 1, free);
      if (!span) continue;
      dates ??= findDates(text, this.now());
      if (overlapsAny(dates, span)) continue;
      if (tokensOf(tokens, span).inside.some((t) => isMonthName(t.norm))) continue;
      return this.textFound(slot, text, span);
    }
    return null;
  }

  /**
   * "a hotel room in Nice", "flights to Reading": capitalised words mid-message that the
   * language packs know as ordinary words ("nice") but the domain does not: a place as typed.
   */
  private placeAsTyped(
    tokens: readonly Token[],
    from: number,
    free: (s: Span) => boolean,
  ): Span | null {
    let end = from;
    while (end < tokens.length && end - from < MAX_NAME_WORDS) {
      const t = tokens[end]!;
      if (
        !capitalised(t) ||
        !/^\p{L}/u.test(t.raw) ||
        STOP_WORDS.has(t.norm) ||
        NUMBER_WORDS.has(t.norm) ||
        this.analyzer.ownsWord(t.norm) ||
        !free(t)
      )
        break;
      end++;
    }
    return end === from ? null : { start: tokens[from]!.start, end: tokens[end - 1]!.end };
  }

  /**
   * A full name said bare: right after a task verb ("book Ana Torres with the dermatologist")
   * or as a clause of its own in a list of details ("gp, 12 march, morning, Marta Gil"). Two or
   * more capitalised words no vocabulary knows, not before a number (an address).
   */
  private bareName(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    const full = (span: Span | null, i: number) => {
      if (!span) return false;
      const { inside: words, next } = tokensOf(tokens, span);
      return (
        i > 0 &&
        words.length >= 2 &&
        words.every((t) => /^\p{Lu}/u.test(t.raw)) &&
        !streetNumber(next, free)
      );
    };
    for (let i = 1; i + 1 < tokens.length; i++) {
      if (!/^\p{Lu}/u.test(tokens[i]!.raw)) continue;
      const before = tokens[i - 1]!;
      const gap = text.slice(before.end, tokens[i]!.start);
      const afterVerb = TASK_VERBS.has(before.norm) && /^\s+$/.test(gap);
      const clauseStart = /^\s*,\s*$/.test(gap);
      if (!afterVerb && !clauseStart) continue;
      const span = this.nameAfter(text, tokens, i, free);
      if (!span || !full(span, i)) continue;
      // As a clause of its own, the name is the whole clause: "..., Marta Gil" or "..., Marta Gil, ...".
      if (!afterVerb && !/^\s*(?:[,.;!?]|$)/.test(text.slice(span.end))) continue;
      return this.textFound(slot, text, span);
    }
    return null;
  }

  /**
   * A clause of its own that is a street and its number ("..., 12 Rue Neuve, Lille", "it broke.
   * Calle Olmo 4, Burgos"), with no preposition before it: the address, and the town after it.
   */
  private clauseAddress(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    // An address has a number (addressAfter): a text without a digit holds none.
    if (lastDigit(text) < 0) return null;
    for (const m of text.matchAll(CLAUSE)) {
      let clause = m[0].trim();
      if (clause.length > ADDRESS_CLAUSE_MAX) continue;
      // "..., deliver 77 Harbour Road": one lower-case word (a verb) may lead a street said
      // number first, when the domain knows none of the street's words.
      const led = VERB_LED_STREET.exec(clause);
      if (led && this.numberFirstStreet(led[1]!)) clause = led[1]!;
      else if (!STREET_CLAUSE.test(clause)) continue;
      const start = m.index + m[0].indexOf(clause);
      if (!free({ start, end: start + clause.length })) continue;
      const span = addressAfter(text, tokens, start, free);
      if (span) return this.textFound(slot, text, span);
    }
    return null;
  }

  /**
   * Capitalised words and a house number after a preposition ("for Calle Luna 5, Madrid"): the
   * number ends the street's words and is followed by a comma or the end of the sentence, so
   * "to Ana 50 euros" is no address. The number may come first, before two or more capitalised
   * words ("for 14 Mill Lane").
   */
  private prepositionAddress(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    if (lastDigit(text) < 0) return null;
    for (let i = 0; i + 2 < tokens.length; i++) {
      // A place preposition leads to a street too ("cámbiala a Calle Sol 3"): the street's shape
      // below tells it from the time or person it also leads to.
      const lead = tokens[i]!.norm;
      if (!PREPOSITIONS.has(lead) && !PLACE_PREPOSITIONS.has(lead)) continue;
      const rest = text.slice(tokens[i + 1]!.start);
      if (!STREET.test(rest) && !this.numberFirstStreet(rest)) continue;
      const span = addressAfter(text, tokens, tokens[i]!.end, free);
      if (span) return this.textFound(slot, text, span);
    }
    return null;
  }

  /**
   * "14 Mill Lane": a house number, then capitalised words none of which the domain knows ("2
   * Large Pizzas" names a size).
   */
  private numberFirstStreet(rest: string): boolean {
    const m = NUMBER_FIRST_STREET.exec(rest);
    return (
      m !== null && tokenize(m[0]).every((t) => /\d/.test(t.raw) || !this.analyzer.knows(t.norm))
    );
  }

  /**
   * "for my daughter Lucia": a relation followed by a capitalised name is that person's name
   * (the relation alone, "my daughter", states no name here).
   */
  private relationName(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (!POSSESSIVES.has(tokens[i]!.norm)) continue;
      // "my elderly father": one word describing the relation may stand before it.
      const described =
        !this.relations.has(tokens[i + 1]!.norm) &&
        !STOP_WORDS.has(tokens[i + 1]!.norm) &&
        this.relations.has(tokens[i + 2]?.norm ?? "");
      const r = described ? i + 2 : i + 1;
      if (!this.relations.has(tokens[r]!.norm) || r + 1 >= tokens.length) continue;
      const name = tokens[r + 1]!;
      // "my father Antonio", or set off by a comma: "my father, Antonio Castillo, ...".
      const gap = text.slice(tokens[r]!.end, name.start);
      const apposition = /^\s*,\s*$/.test(gap);
      if (!/^\p{Lu}/u.test(name.raw) || !(adjacent(text, tokens[r]!, name) || apposition)) continue;
      const span = this.nameAfter(text, tokens, r + 1, free);
      // Set off by a comma, the name is a full one ("my son, Ana" may be talking to Ana).
      if (span && (!apposition || tokenize(text.slice(span.start, span.end)).length > 1))
        return this.textFound(slot, text, span);
    }
    return this.introducedName(slot, text, tokens, free);
  }

  /**
   * "my wife's account, she's Maeve Quinn": a person named by a relation after a possessive,
   * then, after a comma, "she's" and a full capitalised name ending the clause.
   */
  private introducedName(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    // "wife's" is folded to "wifes": the relation with its possessive s.
    const related = (t: Token) =>
      this.relations.has(t.norm) ||
      (t.norm.endsWith("s") && this.relations.has(t.norm.slice(0, -1)));
    const r = tokens.findIndex(
      (t, i) => i > 0 && POSSESSIVES.has(tokens[i - 1]!.norm) && related(t),
    );
    if (r < 0) return null;
    for (let i = r + 1; i < tokens.length; i++) {
      const intro = OTHER_INTRO.find((w) => w.every((x, k) => tokens[i + k]?.norm === x));
      if (!intro || !/,\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) continue;
      const at = i + intro.length;
      if (!tokens[at] || !/^\p{Lu}/u.test(tokens[at]!.raw)) continue;
      const span = this.nameAfter(text, tokens, at, free);
      if (!span || tokenize(text.slice(span.start, span.end)).length < 2) continue;
      if (/^\s*(?:[,.;!?]|$)/.test(text.slice(span.end))) return this.textFound(slot, text, span);
    }
    return null;
  }

  /**
   * "my dog Rex", "mi perra Lola": a possessive, a choice of another slot of the flow saying
   * what the one named is, then a capitalised name right after it, as after a relation.
   */
  private kindName(
    slot: SlotInfo,
    slots: readonly SlotInfo[],
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    for (const kind of slots) {
      if (kind.kind !== "choice" || kind === slot) continue;
      const m = choiceIn(kind, text);
      if (!m) continue;
      const first = tokens.findIndex((t) => t.start >= m.start);
      const owned =
        (first >= 0 && POSSESSIVES.has(tokens[first]!.norm)) ||
        (first > 0 && POSSESSIVES.has(tokens[first - 1]!.norm));
      let at = tokens.findIndex((t) => t.start >= m.end);
      if (at <= 0) continue;
      if (
        owned &&
        /^\p{Lu}/u.test(tokens[at]!.raw) &&
        adjacent(text, tokens[at - 1]!, tokens[at]!)
      ) {
        const span = this.nameAfter(text, tokens, at, free);
        if (span) return this.textFound(slot, text, span);
        continue;
      }
      // "tengo un caballo mayor, Trueno, que ...": a name set off by commas right after the kind
      // (and one word saying more of it), owned or led by an article.
      const led =
        owned ||
        (first >= 0 && BARE_ARTICLES.has(tokens[first]!.norm)) ||
        (first > 0 && BARE_ARTICLES.has(tokens[first - 1]!.norm));
      if (!led) continue;
      if (/^\p{Ll}/u.test(tokens[at]!.raw) && adjacent(text, tokens[at - 1]!, tokens[at]!)) at++;
      const name = tokens[at];
      if (!name || !/^\s*,\s*$/.test(text.slice(tokens[at - 1]!.end, name.start))) continue;
      if (!/^\p{Lu}/u.test(name.raw)) continue;
      const span = this.nameAfter(text, tokens, at, free);
      if (span && /^\s*(?:[,.;]|$)/.test(text.slice(span.end)))
        return this.textFound(slot, text, span);
    }
    return null;
  }

  /**
   * "traer a Trueno", "el herrado de Irene": capitalised words no vocabulary knows right after a
   * word that leads a name (pack `nameLeads`, `ownerLeads`), for a name the trigger phrases say
   * and no flow asks beside a place ("a Sevilla", "de Madrid"). No month or weekday.
   */
  private ledName(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    if (!slot.leadable) return null;
    const names = NAME_LEADS.get(this.language);
    const owners = OWNER_LEADS.get(this.language);
    if (!names?.size && !owners?.size) return null;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const lead = tokens[i]!.norm;
      const next = tokens[i + 1]!;
      if (!(names?.has(lead) || owners?.has(lead)) || !/^\p{Lu}/u.test(next.raw)) continue;
      if (!adjacent(text, tokens[i]!, next)) continue;
      const span = this.nameAfter(text, tokens, i + 1, free);
      if (!span) continue;
      const inside = tokensOf(tokens, span).inside;
      if (inside.some((t) => isMonthName(t.norm) || WEEKDAYS[t.norm] !== undefined)) continue;
      return { ...this.textFound(slot, text, span), led: true };
    }
    return null;
  }

  /** A code right after its slot's name: "card ending in 1234", "reference ABC12345". */
  private keyedCode(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    stems: readonly string[],
  ): Found | null {
    for (const [, end] of keySpans(stems, slot.keys)) {
      let j = end;
      // "last digits on the card are 0417": function words and the slot's own words, within
      // the clause, may stand between its name and the code.
      const own = new Set(slot.keys.flat());
      // "my member number, it's 04512": a comma right after the name may set the code off.
      const gap = (k: number) => text.slice(tokens[k - 1]!.end, tokens[k]!.start);
      const parted = (k: number, marks: RegExp) =>
        marks.test(k === end ? gap(k).replace(/^\s*,\s*$/, " ") : gap(k));
      while (
        j < tokens.length &&
        j - end < MAX_CODE_GAP &&
        !/\d/.test(tokens[j]!.norm) &&
        (VALUE_GAP.has(tokens[j]!.norm) || STOP_WORDS.has(tokens[j]!.norm) || own.has(stems[j]!)) &&
        !parted(j, /[,.;:!?]/)
      )
        j++;
      const next = tokens[j];
      if (!next || parted(j, /[,.;!?]/)) continue;
      // "username is priya.shah": a pattern with no digits or capitals, matched whole there.
      const lead = this.leading(slot, text, next.start);
      if (lead) return lead;
      // "ending in 4 8 2 1", "ref TEL 5521 9930": groups right after the name are one code.
      const grouped = groupedCode(text.slice(next.start), "start");
      if (grouped && !wrongLength(slot, grouped.value)) {
        const value = slot.def.type === "integer" ? Number(grouped.value) : grouped.value;
        return { slot: slot.name, value, start: next.start, end: next.start + grouped.end };
      }
      const code = findCodes(text.slice(next.start)).find((c) => c.start === 0);
      if (
        code &&
        /\d/.test(code.value) &&
        digitCount(code.value) * 2 >= patternDigits(slot) &&
        !wrongLength(slot, code.value) &&
        // "the car I reserved on the 21st": an ordinal is a day, no code.
        !ORDINAL_DAY.test(code.value)
      ) {
        const value = slot.def.type === "integer" ? Number(code.value) : code.value;
        return { slot: slot.name, value, start: next.start, end: next.start + code.end };
      }
    }
    return null;
  }

  /**
   * A value of a loose pattern (no digit class, no fixed capitals: "[a-z]+\\.[a-z]+") is read
   * only where its slot's name or trigger place puts it, and only when the pattern matches the
   * text there whole, up to where a word ends ("priya.shah", not "priya.shah@example.org"), as
   * one token with a mark inside it (a dot, an underscore, a hyphen, an at sign).
   */
  private leading(slot: SlotInfo, text: string, at: number): Found | null {
    if (slot.distinctive || !slot.leadingPattern) return null;
    const m = slot.leadingPattern.exec(text.slice(at));
    // One token with a mark inside ("priya.shah", "ana_ruiz"): a plain word ("savings") that a
    // loose pattern happens to match is prose, maybe another slot's value.
    if (!m || /\s/.test(m[0]) || !/[^\p{L}\p{N}]/u.test(m[0])) return null;
    return { slot: slot.name, value: m[0], start: at, end: at + m[0].length };
  }

  /** A word of the domain's own, no function word, between offsets `from` and `to`. */
  private ownWordBetween(tokens: readonly Token[], from: number, to: number): boolean {
    return tokens.some(
      (t) =>
        t.start >= from &&
        t.end <= to &&
        !STOP_WORDS.has(t.norm) &&
        this.analyzer.ownsWord(this.analyzer.correct(t.norm)),
    );
  }

  /** The value in the position a trigger phrase gives the slot. */
  private cued(
    slot: SlotInfo,
    cue: SlotCue,
    text: string,
    tokens: readonly Token[],
    keys: readonly string[],
    numbers: readonly NumberMatch[],
    free: (s: Span) => boolean,
    slots: readonly SlotInfo[],
    cues: readonly SlotCue[],
    reread?: ReadonlyMap<number, string>,
  ): Found | null {
    // The loop below reads only at the cue's word (or a Spanish "a" for "to", `spanishTo`):
    // a message without one gives the cue nothing. Most cues of a flow are not said.
    const spanish = cue.before === "to";
    const after = cue.after !== null && (slot.kind === "number" || slot.kind === "code");
    if (
      !(cue.before && (keys.includes(cue.before) || (spanish && someTo(tokens)))) &&
      !(after && keys.includes(cue.after!))
    ) {
      return null;
    }
    let ends: PhraseEnds | undefined;
    for (let i = 0; i < tokens.length; i++) {
      if (
        cue.before &&
        (keys[i] === cue.before ||
          (spanish && TO_WORDS.has(tokens[i]!.norm) && this.spanishTo(cue, text, tokens, i)))
      ) {
        const from = tokens[i]!.end;
        const reach = tokens[i + CUE_REACH + 1]?.start ?? text.length;
        if (slot.kind === "number" || slot.kind === "code") {
          // "call me on 087 123 4567": digits typed in groups right after the cue are one code
          // (read as a number, "087 123" would be 87123).
          const first = tokens[i + 1];
          if (slot.kind === "code" && first && free(first) && /^\d/.test(first.norm)) {
            const grouped = groupedCode(text.slice(first.start), "start");
            if (grouped && !wrongLength(slot, grouped.value)) {
              const value = slot.def.type === "integer" ? Number(grouped.value) : grouped.value;
              return { slot: slot.name, value, start: first.start, end: first.start + grouped.end };
            }
          }
          // "a car for 3 people": a head count is no count of days.
          const n = numbers.find(
            (x) =>
              x.start >= from &&
              x.start <= reach &&
              free(x) &&
              !(slot.days && countsPeople(text, x)),
          );
          if (n)
            return {
              slot: slot.name,
              value: cuedNumber(slot, text, n),
              start: n.start,
              end: n.end,
            };
          // "reset the password for james.okoye": a loose pattern's value right after the cue.
          const next = tokens[i + 1];
          const lead = next && free(next) ? this.leading(slot, text, next.start) : null;
          if (lead) return lead;
        } else if (slot.kind === "date") {
          // In the cue's own clause: "on monday, back on thursday" gives "on" no thursday.
          const d = findDates(text, this.now(), slot.past).find(
            (x) =>
              x.start >= from &&
              x.start <= reach &&
              free(x) &&
              !/[,.;!?]/.test(text.slice(from, x.start)),
          );
          const value = d && (reread?.get(d.start) ?? d.value);
          if (d) return { slot: slot.name, value: value!, start: d.start, end: d.end };
        } else if (slot.kind === "choice") {
          const all = notTakenBack(text, notOwned(text, slot.choices!.find(text)));
          // "with the GP, who told me to see a heart doctor": the one who told is no value, nor
          // is one a reason tells ("as I work in the mornings").
          const others = all.some((x) => !toldBy(text, x));
          const unreasoned = all.some((x) => !inReason(text, x));
          const unconditioned = all.some((x) => !inCondition(text, x));
          const m = all.find(
            (x) =>
              x.start >= from &&
              x.start <= reach &&
              free(x) &&
              !givenUp(text, x.start) &&
              !(!slot.sharedChoices && movedFrom(text, x, all)) &&
              !suitsBadly(text, x) &&
              !(others && toldBy(text, x)) &&
              !(unreasoned && inReason(text, x)) &&
              !(unconditioned && inCondition(text, x)),
          );
          // "how much to fly barcelona to rome": a word of the domain's own between the cue and
          // the value ("fly") makes the cue another word's ("to fly"), no place of the value.
          if (m && this.ownWordBetween(tokens, from, m.start)) continue;
          // "... for a large, just a medium": a later value settled on with "just" wins.
          if (m && all.some((x) => x.start > m.end && x.value !== m.value && onlyLed(text, x)))
            continue;
          // "no tv no wifi": the cue's place lists several values, so it gives none.
          if (m && all.some((x) => x.value !== m.value && listedWith(text, m, x))) return null;
          // "billetes de ida para Valencia": "para" is nearer Valencia than "de"; the nearest
          // cue wins.
          if (m && this.nearerCue(slot, cues, slots, text, tokens, keys, i, m.start)) continue;
          if (m) return { slot: slot.name, value: m.value, start: m.start, end: m.end };
        } else if (slot.kind === "text") {
          // A name placeholder's lead word ("the reading for {name}") may be left out: the name
          // is also read after another word of that phrase, and a capitalised word after one of
          // the domain language's name leads (Spanish "a": "le toca a Nora") is a name whatever
          // word comes before it.
          if (cue.lead && keys[i - 1] !== cue.lead) {
            const word = keys[i - 1];
            const afterNameLead =
              slot.nameLike &&
              (NAME_LEADS.get(this.language)?.has(tokens[i]!.norm) ?? false) &&
              /^\p{Lu}/u.test(tokens[i + 1]?.raw ?? "");
            const afterPhraseWord = slot.nameLike && !!word && !!cue.phraseWords?.includes(word);
            if (!afterNameLead && !afterPhraseWord) continue;
          }
          // "para bañar a Rocky": a verb in small letters after the cue, with more words after
          // it, is no name; the name may still follow ("a Rocky").
          const first = tokens[i + 1];
          if (
            slot.nameLike &&
            first &&
            tokens[i + 2] &&
            /^\p{Ll}/u.test(first.raw) &&
            INFINITIVE.test(first.norm)
          ) {
            const after = tokens[i + 3];
            const led =
              after &&
              (NAME_LEADS.get(this.language)?.has(tokens[i + 2]!.norm) ?? false) &&
              /^\p{Lu}/u.test(after.raw)
                ? this.nameAfter(text, tokens, i + 3, free)
                : null;
            if (led) return this.textFound(slot, text, led);
            continue;
          }
          // "I have to catch a flight", "I need to book flights to Oslo": a cue word that
          // leads a verb (a task word, or a lower-case word followed by an article or a
          // possessive: a verb and its object) leads to no value; a later one may.
          if (!slot.address && leadsVerb(tokens, i)) continue;
          if (!slot.address && !slot.nameLike) ends ??= phraseEnds(slot, slots, cues, text);
          const span = slot.address
            ? addressAfter(text, tokens, tokens[i]!.end, free, this.lowerValueStarts(text, slots))
            : slot.nameLike
              ? this.nameAfter(text, tokens, i + 1, free)
              : this.phraseAfter(text, tokens, i + 1, free, ends);
          // "pasen a recoger un paquete por Calle Luna 3": "por", the pickup's cue, is nearer
          // the address than the destination's "a"; the nearest cue wins, as for choices.
          if (
            span &&
            slot.address &&
            this.nearerCue(slot, cues, slots, text, tokens, keys, i, span.start)
          )
            continue;
          if (span) return this.textFound(slot, text, span);
        }
      }
      if (after && keys[i] === cue.after) {
        const n = numbers.find(
          (x) =>
            x.end <= tokens[i]!.start &&
            /^\s*$/.test(text.slice(x.end, tokens[i]!.start)) &&
            free(x),
        );
        if (n) return { slot: slot.name, value: n.value, start: n.start, end: n.end };
      }
    }
    return null;
  }

  /**
   * Between the cue word at `i` and a value at `start` stands the cue word of another slot of
   * the same kind ("billetes de ida para Valencia": "para", the destination's, after "de", the
   * origin's): the value is that nearer cue's.
   */
  private nearerCue(
    slot: SlotInfo,
    cues: readonly SlotCue[],
    slots: readonly SlotInfo[],
    text: string,
    tokens: readonly Token[],
    keys: readonly string[],
    i: number,
    start: number,
  ): boolean {
    for (let j = i + 1; j < tokens.length && tokens[j]!.start < start; j++) {
      for (const c of cues) {
        if (c.slot === slot.name || !c.before) continue;
        const cues =
          keys[j] === c.before ||
          (TO_WORDS.has(tokens[j]!.norm) && this.spanishTo(c, text, tokens, j));
        if (cues && slotNamed(slots, c.slot)?.kind === slot.kind) return true;
      }
    }
    return false;
  }

  /**
   * The Spanish "a" plays the English "to" of a trigger phrase ("enviar 50 euros a Carlos").
   * In English "a" is an article, so it only counts before a capitalised word, or always in a
   * Spanish domain.
   */
  private spanishTo(cue: SlotCue, text: string, tokens: readonly Token[], i: number): boolean {
    const next = tokens[i + 1];
    if (cue.before !== "to" || !TO_WORDS.has(tokens[i]!.norm) || !next) return false;
    if (!adjacent(text, tokens[i]!, next)) return false;
    // "a mi hermano Pablo": a possessive and a relation say a person follows.
    const relation = POSSESSIVES.has(next.norm) && this.relations.has(tokens[i + 2]?.norm ?? "");
    return packOf(this.language).aIsTo || relation || /^\p{Lu}/u.test(next.raw);
  }

  /** A free-text value said right after the slot's name: "her name is Sofia", "concept: rent". */
  private keyedText(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    stems: readonly string[],
    free: (s: Span) => boolean,
    slots: readonly SlotInfo[],
  ) {
    for (const [i, j] of keySpans(stems, slot.keys)) {
      if (j >= tokens.length) continue;
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
      // Only "is"/"es" or a colon, so "the name of the shop" is not read as a value; in a
      // comma-separated list ("..., concept gift, ...") the slot's name is its label.
      const before = i === 0 ? "" : text.slice(tokens[i - 1]!.end, tokens[i]!.start);
      // "under the name Okafor", "in the name of Okafor": a capitalised word right after a
      // name's key, or after its link word ("of"), is the name.
      const linked =
        slot.nameLike &&
        NAME_KEY_LINKS.has(tokens[j]!.norm) &&
        !COPULAS.has(tokens[j]!.norm) &&
        j + 1 < tokens.length &&
        adjacent(text, tokens[j]!, tokens[j + 1]!)
          ? j + 1
          : j;
      const named =
        slot.nameLike &&
        /^\p{Lu}/u.test(tokens[linked]!.raw) &&
        adjacent(text, tokens[linked - 1]!, tokens[linked]!);
      const is = COPULAS.has(tokens[j]!.norm)
        ? j + 1
        : named
          ? linked
          : /:/.test(gap) || /,/.test(before)
            ? j
            : -1;
      if (is < 0 || is >= tokens.length) continue;
      // "Address is Avenida Diagonal 200, Barcelona": an address runs on past its number.
      const span = slot.address
        ? addressAfter(text, tokens, tokens[is]!.start, free, this.lowerValueStarts(text, slots))
        : slot.nameLike
          ? this.nameAfter(text, tokens, is, free)
          : this.phraseAfter(text, tokens, is, free, NO_ENDS, is === j && /:/.test(gap));
      if (span) return this.textFound(slot, text, span);
    }
    return null;
  }

  /**
   * Where the choices of `slots` typed in small letters start in `text` ("... 30 hay un bache"):
   * an address said before one ends there (`addressAfter`). A capitalised one may be the town.
   */
  private lowerValueStarts(text: string, slots: readonly SlotInfo[]): readonly number[] {
    const last = this.valueStartsOf;
    if (last?.text === text && last.slots === slots) return last.starts;
    const starts: number[] = [];
    for (const s of slots) {
      if (!s.choices || (s.kind !== "choice" && s.kind !== "list")) continue;
      for (const m of s.choices.find(text))
        if (/^\p{Ll}/u.test(text.slice(m.start))) starts.push(m.start);
    }
    starts.sort((a, b) => a - b);
    this.valueStartsOf = { text, slots, starts };
    return starts;
  }
  private valueStartsOf: { text: string; slots: readonly SlotInfo[]; starts: number[] } | undefined;

  private textFound(slot: SlotInfo, text: string, found: Span): Found {
    const span = slot.place ? this.placeBeforeWhen(text, found) : found;
    const raw = text.slice(span.start, span.end);
    const value = slot.nameLike
      ? inDomainLanguage(displayName(raw, text, this.relations), this.language)
      : raw;
    return { slot: slot.name, value, ...span };
  }

  /**
   * "Thailand in January", "Lisbon on Friday the 3rd": a place runs up to when, not into it.
   * The span ends before the first month, weekday or date after its first word, and before the
   * prepositions that lead to it. A place typed capitalised mid-sentence ends with its
   * capitalised words ("to Athens leaving from Milan": "Athens"); a lower-case word between two
   * of them joins them ("Stratford upon Avon").
   */
  private placeBeforeWhen(text: string, span: Span): Span {
    const tokens = tokenize(text.slice(span.start, span.end));
    const dates = findDates(text, this.now());
    // Capitalised mid-sentence, as a name is typed (a message's first word is capitalised anyway).
    const typedCapitalised =
      tokens.length > 0 &&
      capitalised(tokens[0]!) &&
      /\p{L}[\s,]*$/u.test(text.slice(0, span.start + tokens[0]!.start));
    let cut = tokens.findIndex(
      (t, k) =>
        k > 0 &&
        (isMonthName(t.norm) ||
          WEEKDAYS[t.norm] !== undefined ||
          dates.some((d) => d.start === span.start + t.start) ||
          (typedCapitalised && /^\p{Ll}/u.test(t.raw) && !tokens.slice(k + 1).some(capitalised))),
    );
    if (cut < 0) return span;
    while (
      cut > 1 &&
      (PREPOSITIONS.has(tokens[cut - 1]!.norm) || STOP_WORDS.has(tokens[cut - 1]!.norm))
    )
      cut--;
    return { start: span.start, end: span.start + tokens[cut - 1]!.end };
  }

  /**
   * The speaker's own name as a clause of its own ("this is Maria Lopez, ...", "Carlos Ruiz
   * here, ...", "soy Maria Lopez"; pack `selfIntroBefore`/`selfIntroAfter`): capitalised name
   * words only, so "this is urgent" or "the car here" names nobody.
   */
  private selfName(
    slot: SlotInfo,
    text: string,
    tokens: readonly Token[],
    free: (s: Span) => boolean,
  ): Found | null {
    // Every introduction has a word of its cue phrase: without one, nobody is named.
    let cued = false;
    for (const t of tokens) {
      if (SELF_INTRO_FIRST.has(t.norm)) {
        cued = true;
        break;
      }
    }
    if (!cued) return null;
    const phraseAt = (i: number, phrase: readonly string[]) =>
      phrase.every((w, k) => tokens[i + k]?.norm === w);
    const capitalisedName = (span: Span) =>
      tokens.every((t) => t.end <= span.start || t.start >= span.end || /^\p{Lu}/u.test(t.raw));
    for (let i = 0; i < tokens.length; i++) {
      if (!clauseStart(text, tokens, i)) continue;
      for (const phrase of SELF_INTRO_LEADS) {
        const at = i + phrase.length;
        if (!phraseAt(i, phrase) || !/^\p{Lu}/u.test(tokens[at]?.raw ?? "")) continue;
        const span = this.nameAfter(text, tokens, at, free);
        if (!span || !capitalisedName(span) || !clauseEnd(text, span.end)) continue;
        // "I'm Tomas Berg", not "I'm British": a full name after a cue that takes only one.
        if (SELF_INTRO_FULL.includes(phrase) && !/\s/.test(text.slice(span.start, span.end).trim()))
          continue;
        return this.textFound(slot, text, span);
      }
      // "Carlos Ruiz here": capitalised name words from the clause's start up to the cue.
      let j = i;
      while (j < tokens.length && j - i < MAX_NAME_WORDS && /^\p{Lu}/u.test(tokens[j]!.raw)) {
        if (
          !this.nameWord(tokens[j]!, free) ||
          (j > i && !adjacent(text, tokens[j - 1]!, tokens[j]!))
        )
          break;
        j++;
      }
      if (j === i) continue;
      for (const phrase of SELF_INTRO_AFTER) {
        const last = tokens[j + phrase.length - 1];
        if (!phraseAt(j, phrase) || !last || !clauseEnd(text, last.end)) continue;
        if (!adjacent(text, tokens[j - 1]!, tokens[j]!)) continue;
        return this.textFound(slot, text, { start: tokens[i]!.start, end: tokens[j - 1]!.end });
      }
    }
    return null;
  }

  /** "my sister Laura" anywhere in `text`, as a value of the name slot `slot`; else null. */
  relation(slot: SlotInfo, text: string): Found | null {
    const tokens = tokenize(text);
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!POSSESSIVES.has(tokens[i]!.norm) || !this.relations.has(tokens[i + 1]!.norm)) continue;
      const span = this.nameAfter(text, tokens, i, () => true);
      if (span) return this.textFound(slot, text, span);
    }
    return null;
  }

  /**
   * A name: words that are not stop words, the domain's own vocabulary or numbers, up to
   * punctuation. After a capitalised word only capitalised words (and particles such as "de")
   * continue it, so "to Ana asap" is "Ana". "my sister Laura" is "Laura"; a relation without a
   * name ("my neighbour") is the value itself.
   */
  private nameAfter(
    text: string,
    tokens: readonly Token[],
    from: number,
    free: (s: Span) => boolean,
  ): Span | null {
    const first = tokens[from];
    const second = tokens[from + 1];
    if (first && second && POSSESSIVES.has(first.norm) && this.relations.has(second.norm)) {
      const third = tokens[from + 2];
      if (third && /^\p{Lu}/u.test(third.raw) && adjacent(text, second, third)) {
        const name = this.nameAfter(text, tokens, from + 2, free);
        if (name) return name;
      }
      return free(first) && free(second) ? { start: first.start, end: second.end } : null;
    }
    if (!first || !this.nameWord(first, free)) return null;
    const capitalised = /^\p{Lu}/u.test(first.raw);
    let end = from + 1;
    while (end < tokens.length && end - from < MAX_NAME_WORDS) {
      const t = tokens[end]!;
      if (!adjacent(text, tokens[end - 1]!, t)) break;
      if (capitalised && NAME_PARTICLES.has(t.norm)) {
        const after = tokens[end + 1];
        if (
          after &&
          /^\p{Lu}/u.test(after.raw) &&
          adjacent(text, t, after) &&
          this.nameWord(after, free)
        ) {
          end += 2;
          continue;
        }
        break;
      }
      // "Tom Harbour": after a capitalised name, a capitalised word of the domain ("harbour")
      // is a surname as typed.
      const surname = capitalised && /^\p{Lu}/u.test(t.raw);
      if (!this.nameWord(t, free, surname) || (capitalised && !surname)) break;
      end++;
    }
    return { start: first.start, end: tokens[end - 1]!.end };
  }

  /** A word that can be part of a name (see nameAfter). */
  private nameWord(t: Token, free: (s: Span) => boolean, surname = false): boolean {
    return (
      /^\p{L}/u.test(t.raw) &&
      !STOP_WORDS.has(t.norm) &&
      !NUMBER_WORDS.has(t.norm) &&
      // A capitalised word mid-message is a name as typed: "Greta" is no typo of "great".
      (surname ||
        !this.analyzer.knows(
          /^\p{Lu}/u.test(t.raw) && t.start > 0 ? t.norm : this.analyzer.correct(t.norm),
        )) &&
      free(t)
    );
  }

  /**
   * A short free-text value ("for rent March"): the words up to punctuation, a preposition that
   * starts another value ("from savings", "to Ana"), a value already taken or another slot's
   * choice ("the ebook of ..."), a clause about who it is for ("... for me to pick up") or a
   * word the trigger phrase says after the value ("is {title} available"). Words joining
   * capitalised words belong to the name as typed ("Pride and Prejudice").
   */
  private phraseAfter(
    text: string,
    tokens: readonly Token[],
    from: number,
    free: (s: Span) => boolean,
    ends: PhraseEnds = NO_ENDS,
    labelled = false,
  ): Span | null {
    const keys = this.keysOf(tokens);
    let start = from;
    // "on The Midnight Library": the title's article stays; any other leading article is no
    // part of the value. After a label ("note: the van is ..."), the whole clause is.
    // An article hyphened to what follows ("EL-230991") is the start of a code, not an article.
    while (
      !labelled &&
      start < tokens.length &&
      ARTICLES.has(tokens[start]!.norm) &&
      !opensTitle(tokens[start]!.raw, tokens[start + 1]?.raw) &&
      !(
        start + 1 < tokens.length &&
        text.slice(tokens[start]!.end, tokens[start + 1]!.start) === "-"
      )
    )
      start++;
    // "reserve the ebook of ...", "on card RB-100002": another slot's value or name where this
    // one would start is not it.
    if (start >= tokens.length || overlapsAny(ends.values, tokens[start]!)) return null;
    if (!capitalised(tokens[start]!)) {
      const stems = stemsOf(tokens);
      if (ends.names.some((key) => keyAt(stems, start, key))) return null;
    }
    let end = start;
    const most = labelled ? MAX_LABELLED_WORDS : MAX_PHRASE_WORDS;
    while (end < tokens.length && end - start < most) {
      const t = tokens[end]!;
      const prev = end > start ? tokens[end - 1] : undefined;
      const next = tokens[end + 1];
      if (prev && !adjacent(text, prev, t)) break;
      // "GAS-55102": digits hyphened to the word before are one code with it, not a new value.
      const glued = prev && text.slice(prev.end, t.start) === "-";
      if (!free(t)) break;
      // "input: order 5521": after a label and its colon the value runs to the clause's end.
      if (labelled) {
        end++;
        continue;
      }
      if (/^\d/.test(t.norm) && !glued) break;
      // "Pride and Prejudice" joins its capitalised words; "Madrid to London" does not when
      // "to" starts another slot's value in this flow ("fly from {origin} to {destination}").
      const joins =
        prev &&
        next &&
        capitalised(prev) &&
        capitalised(next) &&
        !capitalised(t) &&
        !ends.starts.has(keys[end]!);
      if (PHRASE_BREAKS.has(t.norm) && !joins) break;
      if (overlapsAny(ends.values, t) && !(prev && capitalised(prev) && capitalised(t))) break;
      if (prev && !capitalised(t)) {
        // "Circe for me to pick up at ...": who it is for starts a clause of its own.
        if (PREPOSITIONS.has(t.norm) && next && OBJECT_PRONOUNS.has(next.norm)) break;
        // "the waitlist for Wolf Hall": the trigger phrase's word before the value, said again
        // after lower-case request words, is where the value starts ("The Dark Side of the
        // Moon" keeps its "of").
        if (ends.before.has(keys[end]!) && !joins && !tokens.slice(start, end).some(capitalised)) {
          const later = this.phraseAfter(text, tokens, end + 1, free, ends);
          if (later) return later;
          break;
        }
        if (ends.after.has(keys[end]!)) break;
      }
      end++;
    }
    // "Circe at" before "Eastgate": words that lead to the next value are no part of this one.
    while (end > start) {
      const last = tokens[end - 1]!;
      if (capitalised(last)) break;
      if (
        !PHRASE_BREAKS.has(last.norm) &&
        !PREPOSITIONS.has(last.norm) &&
        !STOP_WORDS.has(last.norm)
      )
        break;
      end--;
    }
    if (end === start) return null;
    const words = tokens.slice(start, end);
    if (words.every((t) => STOP_WORDS.has(t.norm))) return null;
    return { start: tokens[start]!.start, end: tokens[end - 1]!.end };
  }
}

/**
 * What ends a free-text value read after its cue: where other slots' choices are said, the
 * other slots' names, and the trigger phrases' words right before and right after the slot
 * (analyzer keys).
 */
interface PhraseEnds {
  values: readonly Span[];
  /** The other slots' names (stems), which start no value of this one. */
  names: readonly (readonly string[])[];
  before: ReadonlySet<string>;
  after: ReadonlySet<string>;
  /** The words other slots' values follow in this flow's phrases and questions ("to"). */
  starts: ReadonlySet<string>;
}

const NO_ENDS: PhraseEnds = {
  values: [],
  names: [],
  before: new Set(),
  after: new Set(),
  starts: new Set(),
};

/** The ends of `slot`'s free-text value in `text`, among the flow's `slots` and `cues`. */
function phraseEnds(
  slot: SlotInfo,
  slots: readonly SlotInfo[],
  cues: readonly SlotCue[],
  text: string,
): PhraseEnds {
  const values: Span[] = [];
  const names: (readonly string[])[] = [];
  for (const s of slots) {
    if (s === slot) continue;
    if (s.choices) values.push(...s.choices.find(text));
    names.push(...s.keys);
  }
  const before = new Set<string>();
  const after = new Set<string>();
  const starts = new Set<string>();
  for (const c of cues) {
    if (c.slot !== slot.name) {
      if (c.before) starts.add(c.before);
      continue;
    }
    if (c.prompt) continue;
    if (c.before) before.add(c.before);
    if (c.after) after.add(c.after);
  }
  // A word that also leads to this slot's own value is no sign of another one.
  for (const c of cues) if (c.slot === slot.name && c.before) starts.delete(c.before);
  return { values, names, before, after, starts };
}

/**
 * "recogida el 25", "pickup the 14": a date slot's words, a day article of the packs and a day
 * number ending the clause (the text's end or a mark after it): that day of the month.
 */
function keyedDays(
  text: string,
  tokens: readonly Token[],
  stems: readonly string[],
  slots: readonly SlotInfo[],
  now: Date,
  past: boolean,
): DateMatch[] {
  const out: DateMatch[] = [];
  for (const slot of slots) {
    if (slot.kind !== "date") continue;
    for (const [, j] of keySpans(stems, slot.keys)) {
      const [article, day, after] = [tokens[j], tokens[j + 1], tokens[j + 2]];
      if (!article || !day || !DAY_ARTICLES.has(article.norm) || !/^\d{1,2}$/.test(day.norm))
        continue;
      if (after && !/[,.;:!?]/.test(text.slice(day.end, after.start))) continue;
      const value = nextDayOfMonth(now, Number(day.norm), past);
      if (value && !out.some((d) => d.start === article.start))
        out.push({ value, start: article.start, end: day.end });
    }
  }
  return out;
}

/**
 * "... delivered to 12 High Street, Oxford please": the rest of the sentence after `from`, up
 * to its end, a closing "please"/"thanks" or a value already read ("... Madrid since monday").
 * It needs a number and a word to be an address.
 */
function addressAfter(
  text: string,
  tokens: readonly Token[],
  from: number,
  free: (s: Span) => boolean,
  valueStarts: readonly number[] = [],
): Span | null {
  // An address has a number: with no digit after `from`, the scan below would find none (a
  // long message says "to" and "for" many times).
  if (lastDigit(text) < from) return null;
  const taken = tokens.find((t) => t.start >= from && !free(t));
  const rest = text.slice(from, taken?.start ?? text.length);
  const stop = addressStop(rest);
  let raw = stop < 0 ? rest : rest.slice(0, stop);
  // "en la avenida del Río 30 hay un bache enorme": after its number, an address ends where a
  // value of another slot typed in small letters starts; the words leading to it go below.
  const number = raw.search(/\d/);
  const next = number < 0 ? undefined : valueStarts.find((at) => at > from + number);
  if (next !== undefined && next < from + raw.length) raw = raw.slice(0, next - from);
  // An address has a number (checked below on a part of `raw`): none here, no trimming to do.
  if (!/\d/.test(raw)) return null;
  // Words that lead to the value cut off ("..., Madrid from" before "from monday").
  let value = raw.trim().replace(/[,\s]+$/, "");
  for (;;) {
    const last = tokenize(value).at(-1);
    if (!last || !(PHRASE_BREAKS.has(last.norm) || STOP_WORDS.has(last.norm))) break;
    value = value.slice(0, last.start).replace(/[,\s]+$/, "");
  }
  // "ship to 7 Rue de Rivoli": the preposition leads to the address; it is no part of it.
  for (let words = tokenize(value); words.length > 1 && PREPOSITIONS.has(words[0]!.norm); ) {
    value = value.slice(words[0]!.end).trimStart();
    words = tokenize(value);
  }
  // "en mi casa: Calle Mayor 12": words with no number before a colon label the address.
  const colon = value.indexOf(":");
  if (colon > 0 && !/\d/.test(value.slice(0, colon))) value = value.slice(colon + 1).trimStart();
  if (!/\d/.test(value) || !/\p{L}{2}/u.test(value)) return null;
  // "no llega a 2 kilos", "up to 30 kg": a number and its unit is a measure, no address.
  if (tokenize(value).every((t) => /^\d+(?:[.,]\d+)?$/.test(t.norm) || UNIT_OF.has(t.norm))) {
    return null;
  }
  const start = from + raw.indexOf(value);
  const words = tokenize(value);
  const [lead, end] = [addressStart(words, value), addressEnd(words)];
  if (lead >= end) return { start, end: start + value.length };
  // "recogida el 25": once the words leading to it are cut, a number alone is no address.
  if (!/\p{L}{2}/u.test(value.slice(lead, end))) return null;
  return { start: start + lead, end: start + end };
}

/**
 * Where the words after the word opening an address stop being it (ADDRESS_END), but for the
 * full stop of a short capitalised abbreviation before a capitalised word ("St. Albans").
 */
function addressStop(rest: string): number {
  let from = 0;
  for (;;) {
    const m = ADDRESS_END.exec(rest.slice(from));
    if (!m) return -1;
    const at = from + m.index;
    // "Avda. de la Paz 4": nor is the full stop of a word naming a kind of street.
    const abbreviation =
      m[0].startsWith(".") &&
      ((/\b\p{Lu}\p{Ll}{0,2}$/u.test(rest.slice(0, at)) &&
        /^\s+\p{Lu}/u.test(rest.slice(at + 1))) ||
        STREET_WORDS.has(fold(/[\p{L}º]+$/u.exec(rest.slice(0, at))?.[0] ?? "")));
    if (!abbreviation) return at;
    from = at + 1;
  }
}

/** The last text asked about and the index of its last digit (-1: none). */
let lastDigitOf = { text: "", at: -1 };

/** Index of the last ASCII digit (`\d`) of `text`, -1 when it has none. */
function lastDigit(text: string): number {
  if (lastDigitOf.text !== text) {
    let at = text.length - 1;
    while (at >= 0) {
      const c = text.charCodeAt(at);
      if (c >= 48 && c <= 57) break;
      at--;
    }
    lastDigitOf = { text, at };
  }
  return lastDigitOf.at;
}

const capitalised = (t: Token) => /^\p{Lu}/u.test(t.raw);

/** "flat 2", "apt 4b": a word that is no function word, then a number ending the address or before a name. */
function unitOfAddress(words: readonly Token[], i: number): boolean {
  const [word, number, after] = [words[i]!, words[i + 1], words[i + 2]];
  const plain = (t: Token) =>
    !STOP_WORDS.has(t.norm) && !PREPOSITIONS.has(t.norm) && !PHRASE_BREAKS.has(t.norm);
  return (
    !hasDigit(word) &&
    plain(word) &&
    number !== undefined &&
    hasDigit(number) &&
    (after === undefined || capitalised(after))
  );
}
const hasDigit = (t: Token) => /\d/.test(t.raw);

/**
 * Where an address starts in what follows its cue: "(at) all at Calle Mayor 12" -> "Calle
 * Mayor 12", "wrong number, it's Gran Via 22" -> "Gran Via 22". Lower-case words before a
 * preposition or function word that leads to a capitalised street or a number are no part of
 * it ("Avenida de la Paz 45" keeps its own "de").
 */
function addressStart(words: readonly Token[], text: string): number {
  let at = 0;
  // "my place, Paseo de Gracia 101": lower-case words opening with a function word, then a
  // comma, name where the address is ("my place", "the office"); the street starts after it.
  const named = words.length > 0 && STOP_WORDS.has(words[0]!.norm);
  let described = false;
  for (let i = 0; i + 1 < words.length && !hasDigit(words[i]!); i++) {
    const t = words[i]!;
    // "hard shoulder of the A6": lower-case words naming a part of the place, joined to it by
    // "of", are the address too; "of" and its article open nothing.
    if (described && PART_OF_WORDS.has(t.norm)) {
      if (ARTICLES.has(words[i + 1]!.norm)) i++;
      continue;
    }
    // "en la calle Cervantes 12", "en el portal, c/ Luna 3": a word naming a kind of street
    // before its name or number starts the address; the article and words before it do not.
    const next = words[i + 1]!;
    if (
      STREET_WORDS.has(t.norm) &&
      (capitalised(next) || hasDigit(next) || NAME_PARTICLES.has(next.norm))
    ) {
      at = t.start;
      break;
    }
    // "I live in Calle Alcalá 100": the speaker's capital "I" starts no street.
    if (capitalised(t) && !CAPITAL_SELF.has(t.norm)) {
      // "en mi trabajo, Paseo de Gracia 20": lower-case words set off by a comma before the
      // street say which place it is; the address starts at the street.
      if (i > 0 && text.slice(words[i - 1]!.end, t.start).includes(",")) at = t.start;
      break;
    }
    // "my sister's, 8 Oak Close": so may the house number.
    // "en mi casa, calle Alcalá 12", "at home, c/ Mayor 3": or a street word in lower case.
    if (named && text.slice(t.end, next.start).includes(",")) {
      at = next.start;
      continue;
    }
    // "..., for the address Via Roma 5": the word naming an address leads to it too.
    const leads = PREPOSITIONS.has(t.norm) || STOP_WORDS.has(t.norm) || ADDRESS_WORDS.has(t.norm);
    if (leads && !NAME_PARTICLES.has(t.norm)) {
      if (capitalised(next) || hasDigit(next)) at = next.start;
    }
    described = !leads && !capitalised(t);
  }
  return at;
}

/**
 * Where an address ends: "Calle Sol 4, Sevilla has been silent" -> "Calle Sol 4, Sevilla".
 * After its number, once a capitalised town or street word is read, the first lower-case word
 * (not a particle of a name: "Alcalá de Henares") is the sentence going on, unless it names a
 * unit with its number, at the end or before the town ("High Street 4, flat 2").
 */
function addressEnd(words: readonly Token[]): number {
  const number = words.findIndex(hasDigit);
  const last = words.at(-1)!.end;
  if (number < 0) return last;
  let named = false;
  for (let i = number + 1; i < words.length; i++) {
    const t = words[i]!;
    if (capitalised(t)) named = true;
    else if (unitOfAddress(words, i)) i++;
    else if (!hasDigit(t) && !NAME_PARTICLES.has(t.norm) && named) {
      return words[i - 1]!.end;
    }
  }
  return last;
}

/**
 * How a name reads back: "JOHN SMITH" in an all-caps message and "maria lopez" typed in lower
 * case both become "Maria Lopez"; "my neighbour" and names typed with capitals stay as typed.
 */
function displayName(value: string, message: string, relations: ReadonlySet<string>): string {
  const shouted = isShouted(message);
  const lower = value === value.toLowerCase();
  const first = tokenize(value)[0]?.norm ?? "";
  if (!shouted && (!lower || POSSESSIVES.has(first) || relations.has(first))) return value;
  return value
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L}+)/gu, (_m, sep: string, word: string) =>
      NAME_PARTICLES.has(word) && sep !== ""
        ? sep + word
        : sep + word[0]!.toUpperCase() + word.slice(1),
    );
}

/** The last message checked for capitals: each name found in it asks again. */
let lastShout: { message: string; shouted: boolean } | undefined;

/** The message's letters are all capitals, at least four of them ("JOHN SMITH"). */
function isShouted(message: string): boolean {
  if (lastShout?.message !== message) {
    const letters = message.replace(/[^\p{L}]/gu, "");
    lastShout = { message, shouted: letters.length >= 4 && letters === letters.toUpperCase() };
  }
  return lastShout.shouted;
}

/**
 * "mi madre" in an English domain is stored as "my mother", so the assistant reads it back as
 * "your mother" instead of mixing languages ("What is mi madre's IBAN?").
 */
function inDomainLanguage(value: string, language: "en" | "es"): string {
  const owner = packOf(language).relationOwner;
  if (owner === null) return value;
  const tokens = tokenize(value);
  const relation = RELATIONS_EN[tokens[1]?.norm ?? ""];
  if (tokens.length !== 2 || !relation || !RELATION_POSSESSIVES.has(tokens[0]!.norm)) return value;
  return `${owner} ${relation}`;
}

/** "4821" read for an "XY-\\d{4}" code is "XY-4821": the pattern's fixed letters are implied. */
function withCodePrefix(slot: SlotInfo, found: Found | null): Found | null {
  if (!found || !slot.codePrefix || !/^\d+$/.test(String(found.value))) return found;
  const value = slot.codePrefix + String(found.value);
  return slot.wholePattern?.test(value) ? { ...found, value } : found;
}

/** A free list's items: split at commas and "and", without "with", who has them or articles. */
function freeItems(phrase: string): string[] {
  return (
    phrase
      .replace(ITEMS_WITH, "")
      .split(LIST_SEPARATOR)
      // "fever and a sore throat": the article is no part of the item.
      .map((i) => dropLeadingArticle(withoutHaving(i.trim())))
      .filter((i) => i && !tokenize(i).every((t) => STOP_WORDS.has(t.norm)))
  );
}

function dropLeadingArticle(item: string): string {
  // "fever and a sore throat": an article of the packs is dropped from the front of an item.
  const first = tokenize(item)[0];
  return first && ARTICLES.has(first.norm) && tokenize(item).length > 1
    ? item.slice(first.end).trim()
    : item;
}

/** "one", "just one, please" asked a number: the word alone is the answer 1. */
/**
 * Whether `slot` counts the thing `unit` (a stem) names: one of its words is that thing's
 * plural ("months" of freeze_months, "meses"), so "a month" or "un mes" says one of them.
 */
function countsUnit(slot: SlotInfo, unit: string): boolean {
  return slot.words.some((w) => {
    const p = fold(w);
    return /^\p{L}+$/u.test(p) && p !== stem(p) && stem(p) === unit && p.endsWith("s");
  });
}

function loneOne(text: string): NumberMatch | null {
  const tokens = tokenize(text);
  const one = tokens.filter((t) => ONE_WORDS.has(t.norm));
  if (one.length !== 1) return null;
  const rest = tokens.filter(
    // "only one, me": "only" leaves it one.
    (t) =>
      t !== one[0] && !STOP_WORDS.has(t.norm) && !FILLERS.has(t.norm) && !ONLY_WORDS.has(t.norm),
  );
  return rest.length === 0
    ? { value: 1, start: one[0]!.start, end: one[0]!.end, currency: null, words: true }
    : null;
}

/**
 * "one night" asked the nights: "one" is read as an article elsewhere ("the blue one"), but
 * followed by the asked slot's own word it counts one of it (checked by `unitNumber`).
 */
function oneWords(text: string): NumberMatch[] {
  return tokenize(text)
    .filter((t) => ONE_WORDS.has(t.norm))
    .map((t) => ({ value: 1, start: t.start, end: t.end, currency: null, words: true }));
}

/** Not inside a longer word or number: "HB-2222221" holds no HB-dddddd code. */
function wordBounded(text: string, start: number, end: number): boolean {
  return !/[\p{L}\d]/u.test(text[start - 1] ?? "") && !/[\p{L}\d]/u.test(text[end] ?? "");
}

/** Only spaces (or a hyphen, "Ana-María") between two tokens: punctuation ends a value. */
/** Token `i` opens a clause: the text's start, after punctuation or after a greeting word. */
/** The first word of each self-introduction cue ("this" of "this is", "here"). */
const SELF_INTRO_FIRST: ReadonlySet<string> = new Set(
  [...SELF_INTRO_BEFORE, ...SELF_INTRO_AFTER, ...SELF_INTRO_FULL].map((phrase) => phrase[0]!),
);
/** The cues a name follows ("my name is", "this is"), tried at every clause start. */
const SELF_INTRO_LEADS = [...SELF_INTRO_BEFORE, ...SELF_INTRO_FULL];

function clauseStart(text: string, tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  if (/[,.;:!?]/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return true;
  // Only greeting words before it ("hi, ..."): checked in place, no copy of the words per word.
  for (let k = 0; k < i; k++) if (!GREETING_WORDS.has(tokens[k]!.norm)) return false;
  return true;
}

/** Some token is a word that may stand for "to" (`spanishTo`). A loop: no closure per cue. */
function someTo(tokens: readonly Token[]): boolean {
  for (const t of tokens) if (TO_WORDS.has(t.norm)) return true;
  return false;
}

/** Offset `end` closes a clause: the text ends or punctuation follows. */
function clauseEnd(text: string, end: number): boolean {
  return /^\s*(?:[,.;:!?]|$)/.test(text.slice(end));
}

function adjacent(text: string, a: Token, b: Token): boolean {
  return /^[\s-]*$/.test(text.slice(a.end, b.start)) && text.slice(a.end, b.start).length > 0;
}

/** The longest code read from groups typed apart ("k7 xq 2p"). */
const MAX_GROUPED_CODE = 24;

/** The number the text states, when all the numbers it has agree. */
function uniqueNumber(nums: readonly NumberMatch[]): NumberMatch | null {
  if (nums.length === 0) return null;
  return nums.every((n) => n.value === nums[0]!.value) ? nums[0]! : null;
}

/** Dates said in the order they happen ("friday until sunday"), none the same day. */
/**
 * A date said right after a word for the end of a span ("until the 18th", "returning on
 * sunday"), a function word or two between.
 */
function endOfSpan(tokens: readonly Token[], date: Span): boolean {
  return endWord(tokens, date) !== undefined;
}

/**
 * The word for the end of a span said right before a date, a function word or two between
 * ("until the 18th"), or a word for earlier or later too ("back earlier, on the 23rd").
 */
function endWord(tokens: readonly Token[], date: Span): string | undefined {
  const at = tokenIndexFrom(tokens, date.start);
  for (let i = (at < 0 ? tokens.length : at) - 1, skipped = 0; i >= 0; i--) {
    const t = tokens[i]!;
    if (DATE_END.has(t.norm)) return t.norm;
    const shift = DIFFERENCE_AFTER.has(t.norm) && !COMPARATIVES.has(t.norm);
    if (!(STOP_WORDS.has(t.norm) || shift) || ++skipped > 2) return undefined;
  }
  return undefined;
}

function inTimeOrder(dates: readonly { value: string }[]): boolean {
  for (let i = 1; i < dates.length; i++) if (dates[i - 1]!.value >= dates[i]!.value) return false;
  return true;
}

/** Words of the packs' set phrases: "no thanks", "no worries" decline no list by a noun. */
const PHRASE_WORDS = new Set([
  ...STOP_WORDS,
  ...FILLERS,
  ...[...THANKS, ...DENY, ...NONE, ...SMALL_TALK].flatMap((p) => p.split(" ")),
]);
/**
 * A code of digits whose count the slot declares otherwise: "the last 4 digits are 2290" gives
 * no "4" to a slot of `length: 4`.
 */
function wrongLength(slot: SlotInfo, value: string): boolean {
  if (!/^\d+$/.test(value)) return false;
  const { length, min_length: min, max_length: max } = slot.def;
  if (length !== undefined) return value.length !== length;
  return (min !== undefined && value.length < min) || (max !== undefined && value.length > max);
}

/** Digits typed in groups are joined up to this many: the slot's declared length, else 8. */
function longestDigits(slot: SlotInfo): number {
  return slot.def.length ?? slot.def.max_length ?? 8;
}

const digitsOnly = (value: string) => value.replace(/-/g, "");

/** How many characters after a choice "has told me" is looked for. */
const TELLER_REACH = 30;
/** How many characters before a value "I can't make it on" or "instead of" is looked for. */
const GIVEN_UP_REACH = 80;
const ENDING_ARTICLE = new RegExp(`\\s+(?:${[...ARTICLES].join("|")})$`);

/**
 * A date or choice the text gives up rather than asks for: "I can't make it on thursday"; with
 * `end`, for dates, also "tomorrow won't work" (a choice that "doesn't work" is what is broken).
 */
/** "el de tarde me viene fatal": the choice said is the one had and left (`suitsBadlyAfter`). */
function suitsBadly(text: string, m: Span): boolean {
  return SUITS_BADLY_AFTER.test(flat(text.slice(m.end, m.end + GIVEN_UP_REACH)));
}

function givenUp(text: string, start: number, end?: number): boolean {
  if (end !== undefined && GIVEN_UP_AFTER.test(flat(text.slice(end, end + GIVEN_UP_REACH))))
    return true;
  const clause = clauseBefore(text, start);
  // "I can't make calls since monday": a date after "since" is when a fault began, kept.
  if (end !== undefined && sinceLed(text, { start, end }, clause)) return false;
  // "instead of the morning": an article between the lead and the value.
  return GIVEN_UP.test(clause.replace(ENDING_ARTICLE, ""));
}

/**
 * The words of the clause before offset `start`, folded. The few words before a value are
 * enough, and a long message is not rescanned per value.
 */
function clauseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - GIVEN_UP_REACH), start);
  return flat(before.slice(before.search(/[^,.;!?]*$/)));
}

/**
 * The items of a list slot named by `hits`, in the order first said. An item said again later
 * stands where it is said last ("I travel a lot, the plus plan with roaming": the reason names
 * roaming too), so the list's span does not swallow the values said between.
 */
function listFound(slot: SlotInfo, hits: readonly ChoiceMatch[]): Found {
  const items = [...new Set(hits.map((h) => String(h.value)))];
  const last = hits.filter((h, i) => !hits.slice(i + 1).some((o) => o.value === h.value));
  return { slot: slot.name, value: items, start: last[0]!.start, end: last.at(-1)!.end };
}

/** A verb of doing right before the value, the lead's last word ("can't make"). */
const DO_VERB_END = new RegExp(`\\b(?:${[...DO_VERBS].join("|")})$`);

/**
 * "I can't make calls", "no puedo hacer llamadas": a bare plural right after a verb of doing
 * (pack `doVerbs`) is an activity that fails, not an occasion given up.
 */
function activityDone(text: string, m: Span): boolean {
  return /s$/i.test(text.slice(m.start, m.end)) && DO_VERB_END.test(flat(text.slice(0, m.start)));
}

/** The date is said after "since" ("since sunday", "desde el lunes"): the day a state began. */
function sinceLed(text: string, d: Span, clause = clauseBefore(text, d.start)): boolean {
  return SINCE_END.test(clause) || SINCE_START.test(flat(text.slice(d.start, d.end)));
}

/**
 * "not the morning" to "morning or afternoon?": of a slot's two choices, the one left when the
 * answer names only the other, negated.
 */
function otherOfTwo(slot: SlotInfo, text: string): ChoiceMatch | null {
  const choices = slot.def.choices ?? [];
  if (choices.length !== 2 || slot.choices!.find(text).length > 0) return null;
  const negated = slot.choices!.negated(text);
  const said = negated[0];
  if (!said || negated.some((m) => m.value !== said.value)) return null;
  const other = choices.find((c) => c !== said.value);
  return other === undefined ? null : { ...said, value: other };
}

/** The value is the one who told: "my GP told me ...", "the dermatologist recommended ...". */
function toldBy(text: string, m: Span): boolean {
  return TELLER_AFTER.test(flat(text.slice(m.end, m.end + TELLER_REACH)));
}

/** How far after a value the words saying it is preferred may run ("is much better"). */
const PREFERRED_REACH = 24;

/** The value is said to be the better one: "morning is better", "la tarde me va mejor". */
function preferredBy(text: string, m: Span): boolean {
  return PREFERRED_AFTER.test(flat(text.slice(m.end, m.end + PREFERRED_REACH)));
}

/** Right after "just" or "only", an article between ("just a medium"). */
function onlyLed(text: string, m: Span): boolean {
  const before = flat(text.slice(Math.max(0, m.start - 16), m.start)).split(" ");
  let k = before.length - 1;
  if (k > 0 && ARTICLES.has(before[k]!)) k--;
  return ONLY_WORDS.has(before[k] ?? "");
}

/**
 * "me, my husband and our two kids so 4", "two rooms, 3 in total": of several numbers said as
 * the answer, the last one right after words that sum up the others (pack `totalLeads`).
 */
function summedUp(text: string, nums: readonly NumberMatch[]): NumberMatch | null {
  const last = nums.at(-1);
  if (!last || nums.length < 2) return null;
  const before = flat(text.slice(0, last.start)).split(" ");
  const lead = TOTAL_LEADS.find((l) =>
    l.every((w, j) => before[before.length - l.length + j] === w),
  );
  // "2 adults and 1 kid, 3 in total": the words may follow the total instead.
  const after = flat(text.slice(last.end)).split(" ");
  const trailing = TOTAL_LEADS.some((l) => l.length > 1 && l.every((w, j) => after[j] === w));
  return lead || trailing ? last : null;
}

/** A content word: no function word, preposition or number. */
function plainWord(t: Token): boolean {
  return !STOP_WORDS.has(t.norm) && !PREPOSITIONS.has(t.norm) && !/\d/.test(t.norm);
}

/** Where the last clause mark (comma, full stop, ...) of `text` is, or -1. */
function lastClauseMark(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (",;.!?".includes(text[i]!)) return i;
  return -1;
}

/** The value's clause, up to it, holds one of the leads (each a list of words). */
function inClauseLedBy(text: string, m: Span, leads: readonly (readonly string[])[]): boolean {
  // Loops over the clause's tokens, no split copies or closures: this runs for every choice
  // found, on every reading of the message.
  let mark = m.start - 1;
  while (mark >= 0 && !CLAUSE_MARKS.includes(text[mark]!)) mark--;
  const before = tokenize(text.slice(mark + 1, m.start));
  for (let i = 0; i < before.length; i++) {
    for (const lead of leads) {
      let j = 0;
      while (j < lead.length && before[i + j]?.norm === lead[j]) j++;
      if (j === lead.length) return true;
    }
  }
  return false;
}

const CLAUSE_MARKS = ",;.!?";

/**
 * The value's clause tells what the speaker did ("I typed the code wrong": the packs'
 * `pastNarrative`, a plain past, not "I need") or knows ("I know the combination": `speakerKnows`).
 */
function toldBySpeaker(text: string, m: Span): boolean {
  const clause = flat(
    text
      .slice(0, m.start)
      .split(/[,;.!?]/)
      .at(-1) ?? "",
  );
  if (SPEAKER_KNOWS.test(clause)) return true;
  const past = PAST_NARRATIVE.exec(clause);
  return past !== null && !past[0].endsWith("eed");
}

/** The value is said in a reason given beside the request: "as I work in the mornings". */
function inReason(text: string, m: Span): boolean {
  return inClauseLedBy(text, m, REASON_LEADS);
}

/** The value's clause follows a comma and opens with a pack `commaReasonOpeners` word. */
function afterCommaReason(text: string, m: Span): boolean {
  const clauses = text.slice(0, m.start).split(/[,;]/);
  if (clauses.length < 2) return false;
  return COMMA_REASON_OPENERS.has(flat(clauses.at(-1) ?? "").split(" ")[0] ?? "");
}

/**
 * The value is said in a clause that sets the scene of the request (pack `conditionLeads`):
 * "teams crashes when I share my screen" names the screen only as what is being done then.
 */
function inCondition(text: string, m: Span): boolean {
  return inClauseLedBy(text, m, CONDITION_LEADS);
}

/** How far apart two values of one slot may be for the words between to take the first back. */
const TAKE_BACK_REACH = 40;

/**
 * The values of one slot `text` names, less those a later one takes back: "a car in Valencia,
 * sorry I mean Seville", "a compact, no wait, an SUV" (pack `takeBack` between the two), and
 * less a fallback after the one asked for: "monday if you can, otherwise tuesday" (`fallback`).
 */
/**
 * "francés de mañana en Valencia": a date inside a longer phrase of a choice naming a part of
 * the day (of a slot offering a morning and an afternoon) is that part, not a day. The bare
 * word stays a day ("mañana" is tomorrow).
 */
function notPartOfDay<T extends Span>(text: string, slots: SlotInfo[], dates: readonly T[]): T[] {
  const parts: ChoiceMatch[] = [];
  for (const s of slots) if (s.choices) parts.push(...s.choices.dayPartsSaid(text));
  if (parts.length === 0) return [...dates];
  return dates.filter(
    (d) =>
      !parts.some((p) => p.start <= d.start && d.end <= p.end && p.end - p.start > d.end - d.start),
  );
}

function notTakenBack<T extends Span>(text: string, values: readonly T[]): T[] {
  const kept = withoutMarked(text, values, TAKE_BACK, TAKE_BACK_REACH, "after");
  // "la sala del fondo mejor, que en la otra no cabemos": "better" right after a value, with no
  // comma between ("el lunes, mejor el martes" takes it back), praises it (pack
  // `preferredAfter`); it takes nothing back.
  const praised =
    kept.length < values.length
      ? values.filter(
          (m) => kept.includes(m) || (!/^\s*[,;.]/.test(text.slice(m.end)) && preferredBy(text, m)),
        )
      : kept;
  return withoutMarked(text, praised, FALLBACK, TAKE_BACK_REACH, "before");
}

/**
 * `values` less each one that another value near it marks by the words between them: the other
 * value standing `where` (after or before) the one dropped, at most `reach` characters away.
 */
function withoutMarked<T extends Span>(
  text: string,
  values: readonly T[],
  between: RegExp,
  reach: number,
  where: "after" | "before",
): T[] {
  return values.filter(
    (m) =>
      !values.some((other) => {
        const [first, second] = where === "after" ? [m, other] : [other, m];
        return (
          second.start >= first.end &&
          second.start - first.end <= reach &&
          between.test(flat(text.slice(first.end, second.start)))
        );
      }),
  );
}

/** The text ends with the spans, listed one after another ("monday, tuesday or wednesday"). */
function onlyListed(text: string, spans: readonly Span[]): boolean {
  const last = spans.at(-1);
  return (
    !!last &&
    !/\w/.test(text.slice(last.end)) &&
    spans.every((s, i) => i === 0 || listedWith(text, spans[i - 1]!, s))
  );
}

function listedWith(text: string, a: Span, b: Span): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return second.start >= first.end && LIST_JOIN.test(flat(text.slice(first.end, second.start)));
}

/** How far apart a value and its part may be ("tv has had no signal"). */
const OWNER_REACH = 24;

/**
 * The values of one slot `text` names, less a part or state of an earlier one: "the tv has no
 * signal" names the tv, its signal being a synonym of another choice (pack `ownerOf`).
 */
function notOwned<T extends Span>(text: string, values: readonly T[]): T[] {
  if (values.length < 2) return [...values];
  return withoutMarked(text, values, OWNER_OF, OWNER_REACH, "before");
}

/**
 * "first" asked "economy, business or first?": a one-word answer that opens the name of one
 * choice of two or more words ("first class"), its id or label, and of no other. A negator,
 * a filler or a yes/no ("no" of "no preference") is no such answer.
 */
function choiceByHead(slot: SlotInfo, text: string): Found | null {
  const tokens = tokenize(text);
  if (tokens.length !== 1) return null;
  const word = tokens[0]!.norm;
  if (NEGATORS.has(word) || FILLERS.has(word) || DENY.includes(word) || AFFIRM.includes(word))
    return null;
  const hits = (slot.def.choices ?? []).filter((choice) =>
    [String(choice).replace(/_/g, " "), slot.def.choice_labels?.[String(choice)]].some((name) => {
      const words = name ? tokenize(name) : [];
      return words.length > 1 && words[0]!.norm === word;
    }),
  );
  return hits.length === 1 ? foundAt(slot, hits[0]!, tokens[0]!) : null;
}

/**
 * The one choice of `slot` that `text` names: "in the afternoon instead of the morning" names
 * the afternoon, the morning is given up. None when it names several, or gives its one up.
 */
/**
 * "pesa unos 7 kilos" asked "pequeño (hasta 2 kg), mediano (hasta 10 kg) ...": the one measure
 * said, in the unit of the prompt's bounds, picks the smallest choice it fits.
 */
function boundedChoice(slot: SlotInfo, text: string): Found | null {
  if (!slot.bounds) return null;
  const measures = [...fold(text).matchAll(/\b(\d+(?:[.,]\d+)?)\s*([a-z]+)\b/g)].filter(
    (m) => UNIT_OF.get(m[2]!) === slot.bounds![0]!.unit,
  );
  if (measures.length !== 1) return null;
  const m = measures[0]!;
  const size = Number(m[1]!.replace(",", "."));
  const fit = slot.bounds.find((b) => b.unit === UNIT_OF.get(m[2]!) && size <= b.max);
  return fit ? foundAt(slot, fit.value, { start: m.index, end: m.index + m[0].length }) : null;
}

/** How far before a value "from" is looked for. */
const CHANGE_FROM_REACH = 24;

/**
 * "from the first to the second": the value follows "from" and another value of the slot follows it
 * after "to" (up to two words between): the move leaves it.
 */
function movedFrom(text: string, m: ChoiceMatch, all: readonly ChoiceMatch[]): boolean {
  if (!CHANGE_FROM.test(`${flat(text.slice(Math.max(0, m.start - CHANGE_FROM_REACH), m.start))} `))
    return false;
  return all.some(
    (o) =>
      o.start >= m.end &&
      o.value !== m.value &&
      CHANGE_TO.test(`${flat(text.slice(m.end, o.start))} `),
  );
}

/**
 * The one choice of `slot` `text` asks for, if any. Every flow asking the same slot reads it
 * again on the same message: the last answer is kept per slot (the matches are frozen).
 */
function choiceIn(slot: SlotInfo, text: string): ChoiceMatch | null {
  const last = lastChoice.get(slot);
  if (last?.text === text) return last.found;
  const found = readChoiceIn(slot, text);
  lastChoice.set(slot, { text, found });
  return found;
}

const lastChoice = new WeakMap<SlotInfo, { text: string; found: ChoiceMatch | null }>();

function readChoiceIn(slot: SlotInfo, text: string): ChoiceMatch | null {
  const all = slot.choices!.find(text);
  if (all.length === 0) return null;
  let kept = notTakenBack(
    text,
    notOwned(
      text,
      all.filter((m) => (!givenUp(text, m.start) && !suitsBadly(text, m)) || activityDone(text, m)),
    ),
  );
  // "my GP told me to see a heart specialist": of several, the one who told is not asked for.
  const asked = kept.filter((m) => !toldBy(text, m));
  if (asked.length > 0) kept = asked;
  // "on friday afternoon as I work in the mornings": of several, one the reason tells is not.
  const wanted = kept.filter((m) => !inReason(text, m) && !afterCommaReason(text, m));
  if (wanted.length > 0) kept = wanted;
  // "I think it's jammed, I got the code wrong", "open it, I know the combination": of
  // several, one named where the speaker tells what they did or know is no answer.
  const answered = kept.filter((m) => !toldBySpeaker(text, m));
  if (answered.length > 0) kept = answered;
  // "teams crashes when I share my screen": of several, one the scene-setting clause names is not.
  const unconditioned = kept.filter((m) => !inCondition(text, m));
  if (unconditioned.length > 0) kept = unconditioned;
  // "morning is better, he's slow in the afternoons": of several, one said to be better is asked.
  const preferred = kept.filter((m) => preferredBy(text, m));
  if (preferred.length > 0) kept = preferred;
  // "move from the first to the second": of several, the one a move leaves is not asked
  // (where no other slot takes the same values: "from" and "to" then tell the two slots apart).
  if (kept.length > 1 && !slot.sharedChoices) {
    const left = kept.filter((m) => movedFrom(text, m, kept));
    if (left.length > 0 && left.length < kept.length) kept = kept.filter((m) => !left.includes(m));
  }
  // "not hungry enough for a large, just a medium", "just unlock it, I remember the password":
  // of several, the one after "just" or "only" is the one settled on (the last, when several are).
  const settled = kept.at(-1);
  const led = kept.length > 1 ? kept.filter((m) => onlyLed(text, m)) : [];
  if (settled && led.includes(settled)) kept = [settled];
  else if (led.length === 1) kept = led;
  return kept.length > 0 && kept.every((m) => m.value === kept[0]!.value) ? kept[0]! : null;
}

const hasCurrency = (n: NumberMatch): boolean => Boolean(n.currency);

/** The one slot of `kind` among `slots`; undefined when there is none or more than one. */
function onlyOfKind(slots: readonly SlotInfo[], kind: SlotInfo["kind"]): SlotInfo | undefined {
  let only: SlotInfo | undefined;
  for (const slot of slots) {
    if (slot.kind !== kind) continue;
    if (only) return undefined;
    only = slot;
  }
  return only;
}

/** Counts of weeks said in `text` ("a week", "dos semanas"), as days. */
function weeks(text: string): NumberMatch[] {
  const folded = fold(text);
  const out: NumberMatch[] = [];
  for (const pattern of WEEKS) {
    for (const m of folded.matchAll(pattern)) {
      const n = m.groups?.n;
      const count = m.groups?.fortnight ? 2 : n === undefined ? 0 : (WEEK_COUNTS[n] ?? Number(n));
      if (!(count > 0)) continue;
      out.push({
        value: count * 7,
        start: m.index,
        end: m.index + m[0].length,
        currency: null,
        words: true,
      });
    }
  }
  return out;
}
// biome-ignore format: a table reads better in rows
const WEEK_COUNTS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, un: 1, una: 1, dos: 2, tres: 3, cuatro: 4,
};
Object.setPrototypeOf(WEEK_COUNTS, null);

/** The one slot counting people among `slots`; undefined when there is none or more than one. */
/**
 * A number right after capitalised words makes them a street ("Calle Mayor 12"), unless the
 * number was read as another value: "pay Sam Reyes 90 dollars" names a person, then an amount.
 */
function streetNumber(next: Token | undefined, free: (s: Span) => boolean): boolean {
  return next !== undefined && /^\d/.test(next.norm) && free(next);
}
/** A stretch of a message between punctuation marks. */
const CLAUSE = /[^,;.!?()]+/g;
/** Single task words of every act ("book", "cancel", "move"): a name right after one is its object. */
const TASK_VERBS: ReadonlySet<string> = new Set(
  Object.values(TASKS)
    .flat()
    .filter((w) => !w.includes(" ")),
);
/**
 * The word after the cue word at `i` is a verb, not a value: a lower-case word followed by an
 * article or a possessive ("to catch a flight", "to pay my bill": its object), or a task word
 * followed by another word ("to book flights"; "for rent" said last is a value).
 */
function leadsVerb(tokens: readonly Token[], i: number): boolean {
  const verb = tokens[i + 1];
  const object = tokens[i + 2];
  // "I need to fly from Toronto": "to" after a word of wanting marks the verb after it.
  const marked = i > 0 && INFINITIVE_TO.has(tokens[i - 1]!.norm);
  if (verb && marked && !capitalised(verb) && !STOP_WORDS.has(verb.norm)) return true;
  if (!verb || !object || capitalised(verb) || STOP_WORDS.has(verb.norm)) return false;
  if (POSSESSIVES.has(verb.norm) || ARTICLES.has(verb.norm)) return false;
  return ARTICLES.has(object.norm) || POSSESSIVES.has(object.norm) || TASK_VERBS.has(verb.norm);
}

/**
 * "we are a family of four", "a party of 6": the count at `at` is said right after one of the
 * packs' people leads, so it counts people.
 */
export function ledAsPeople(text: string, at: number): boolean {
  const before = flat(text.slice(0, at));
  return PEOPLE_LEADS.some((lead) => before === lead || before.endsWith(` ${lead}`));
}

/** A street and its number as a whole clause: "12 Rue Neuve", "Calle Olmo 4". */
const STREET_CLAUSE =
  /^(?:\d{1,4}[a-z]?\s+\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){1,3}|\p{Lu}[\p{L}'.-]*(?:\s+[\p{L}'.-]+){0,2}\s+\p{Lu}[\p{L}'.-]*\s+\d{1,4}[a-z]?)$/u;
/** A lower-case word, then a street said number first, as a whole clause: "deliver 14 Mill Lane". */
const VERB_LED_STREET =
  /^\p{Ll}+\s+(\d{1,4}[a-z]?\s+\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){1,3})$/u;
/** Longer than this, a clause is no street and number. */
const ADDRESS_CLAUSE_MAX = 48;
/** Longer than this, a clause is not the speaker alone ("just me", "only myself, thanks"). */
const SELF_CLAUSE_MAX = 40;

/** Some short clause of `text` wants nothing more added ("nothing extra", "nothing added"). */
function saysNothingMore(text: string): boolean {
  for (const m of text.matchAll(CLAUSE)) {
    if (m[0].length <= SELF_CLAUSE_MAX && NOTHING_MORE.test(flat(m[0]))) return true;
  }
  return false;
}

/** The one number slot counting days or nights among `slots`, if there is exactly one. */
/** Two days said as "thursday and friday night(s)": only "and" between, a word for days after. */
function daysListed(text: string, tokens: readonly Token[], first: Span, second: Span): boolean {
  const between = fold(text.slice(first.end, second.start)).trim();
  if (!AND_WORDS.has(between)) return false;
  const next = tokens.find((t) => t.start >= second.end);
  return next !== undefined && DAY_STEMS.has(stem(next.norm));
}

function onlyDays(slots: readonly SlotInfo[]): SlotInfo | undefined {
  let only: SlotInfo | undefined;
  for (const slot of slots) {
    if (slot.kind !== "number" || !slot.days) continue;
    if (only) return undefined;
    only = slot;
  }
  return only;
}

function onlyPeople(slots: readonly SlotInfo[]): SlotInfo | undefined {
  const people = slots.filter((s) => s.people);
  return people.length === 1 ? people[0] : undefined;
}

/**
 * "all of them", "I'll take them all": asked a list with choices, a message of the packs'
 * `allChoices` words and the words that go with them (`allChoicesAlong`) only, asking nothing,
 * takes every choice.
 */
function everyListChoice(slot: SlotInfo, text: string): Found | null {
  const all = slot.def.choices ?? [];
  if (all.length < 2 || text.includes("?")) return null;
  const words = flat(text).split(" ").filter(Boolean);
  if (!words.some((w) => ALL_CHOICES.has(w))) return null;
  if (!words.every((w) => ALL_CHOICES.has(w) || ALL_CHOICES_ALONG.has(w))) return null;
  return { slot: slot.name, value: all.map(String), start: 0, end: text.length };
}

/**
 * "everything but olives", "all of them except ham": every choice of a list slot but those
 * named after the exception (at least one, and not all).
 */
function allBut(slot: SlotInfo, text: string): Found | null {
  if (!slot.choices) return null;
  const folded = fold(text);
  const m = folded.length === text.length ? ALL_BUT.exec(folded) : null;
  if (!m) return null;
  const from = m.index + m[0].length;
  const hits = slot.choices.find(text.slice(from));
  const out = new Set(hits.map((h) => String(h.value)));
  const all = (slot.def.choices ?? []).map(String);
  if (out.size === 0 || out.size >= all.length) return null;
  const items = all.filter((c) => !out.has(c));
  return { slot: slot.name, value: items, start: m.index, end: from + hits.at(-1)!.end };
}

/** "not (on) (the)" right before a value: the value is the one given up. */
/** The most characters looked at after a count for its people word. */
const PEOPLE_WORD_REACH = 16;

/**
 * "just the two of us", "we'll be 4 people": a count followed by a word for people counts who
 * comes, in a story as in a request (a bare number there may be anything).
 */
export function countsPeople(text: string, found: { end: number }): boolean {
  const after = flat(text.slice(found.end, found.end + PEOPLE_WORD_REACH));
  return PEOPLE_WORDS.some((w) => after === w || after.startsWith(`${w} `));
}

/** The letters and digits of a value, without the signs between them. */
function alphanumeric(value: string): string {
  return value.replace(/[^\p{L}\d]/gu, "");
}

/** Nouns that count people in groups said together: the packs' people and child words. */
const GROUP_NOUNS = new Set([...PEOPLE_WORDS.filter((w) => !w.includes(" ")), ...CHILD_WORDS]);
const GROUP_GAP = /^\s*[,+&]?\s*$/;

/**
 * "two adults and a kid", "2 adults + 2 children": groups of people said together, each a count
 * ("a", "an" and "one" are 1) and a people or child word, joined by "and", "plus", a comma or
 * "+", are added up; at least one group must name children (the packs' `childWords`).
 */
export function peopleSum(
  text: string,
  tokens: readonly Token[],
  nums: readonly NumberMatch[],
): NumberMatch | null {
  let total = 0;
  let groups = 0;
  let child = false;
  let start = -1;
  let end = -1;
  let best: NumberMatch | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = nums.find((x) => x.start === t.start && !x.currency);
    const value = n ? n.value : SINGULAR.has(t.norm) ? 1 : null;
    let k = i + 1;
    if (n) while (k < tokens.length && tokens[k]!.start < n.end) k++;
    const noun = value === null ? undefined : tokens[k];
    if (value === null || !noun || !GROUP_NOUNS.has(noun.norm)) continue;
    // Joined to the group before it: only a joiner word, a comma or "+" between them.
    const gap = text.slice(Math.max(end, 0), t.start);
    const joined =
      groups > 0 &&
      (GROUP_GAP.test(gap) ||
        (tokens[i - 1] !== undefined &&
          GROUP_JOINERS.has(tokens[i - 1]!.norm) &&
          GROUP_GAP.test(text.slice(end, tokens[i - 1]!.start))));
    if (!joined) {
      total = 0;
      groups = 0;
      child = false;
      start = t.start;
    }
    total += value;
    groups++;
    child ||= CHILD_WORDS.includes(noun.norm);
    end = noun.end;
    if (groups >= 2 && child) best = { value: total, start, end, currency: null, words: true };
    i = k;
  }
  return best;
}

/** The speaker's words of the packs' `selfBefore` ("me", "myself", "i", "yo"). */
const SPEAKER = new Set(SELF_BEFORE.map((p) => p[0]!));

/**
 * "me, my husband and our 2 kids": the speaker, relations and counted groups listed, and
 * nothing else. The speaker and each relation are one person, a group its number; read only
 * with the speaker, a group and three members, so a sum is never guessed from less.
 */
function partyList(
  tokens: readonly Token[],
  nums: readonly NumberMatch[],
  relations: ReadonlySet<string>,
): NumberMatch | null {
  let total = 0;
  let members = 0;
  let self = false;
  let group = false;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (members > 0 && GROUP_JOINERS.has(t.norm)) {
      i++;
      continue;
    }
    if (SPEAKER.has(t.norm)) {
      self = true;
      total++;
      members++;
      i++;
      continue;
    }
    const j = POSSESSIVES.has(t.norm) ? i + 1 : i;
    const w = tokens[j];
    if (!w) return null;
    const n = nums.find((x) => x.start === w.start && !x.currency);
    if (n) {
      let k = j + 1;
      while (k < tokens.length && tokens[k]!.start < n.end) k++;
      const noun = tokens[k];
      if (!noun || !(GROUP_NOUNS.has(noun.norm) || relations.has(noun.norm))) return null;
      total += n.value;
      members++;
      group = true;
      i = k + 1;
      continue;
    }
    // "my husband" is one; "my parents" says no number.
    const plural = w.norm.endsWith("s") && relations.has(w.norm.slice(0, -1));
    if (j === i || !relations.has(w.norm) || plural) return null;
    total++;
    members++;
    i = j + 1;
  }
  if (!self || !group || members < 3) return null;
  return {
    value: total,
    start: tokens[0]!.start,
    end: tokens.at(-1)!.end,
    currency: null,
    words: true,
  };
}

/** The speaker's word of the packs' "me plus", "yo mas": "me + 2" adds the speaker too. */
const SELF_PLUS = new Set(
  SELF_BEFORE.filter((p) => p.length === 2 && GROUP_JOINERS.has(p[1]!)).map((p) => p[0]!),
);

/** The packs' people leads as word lists, longest first ("we will be" before "we are"). */
/**
 * "me and 2 friends", "3 colleagues and I": a number of others with the speaker (pack
 * `selfBefore` right before the number, `selfAfter` right after it and one word), one more.
 */
function withSpeaker(
  text: string,
  tokens: readonly Token[],
  nums: readonly NumberMatch[],
): NumberMatch | null {
  for (const n of nums) {
    if (n.currency) continue;
    const i = tokens.findIndex((t) => t.start >= n.start);
    const j = tokens.findIndex((t) => t.start >= n.end);
    if (i < 0) continue;
    const words = (from: number, length: number) =>
      tokens.slice(from, from + length).map((t) => t.norm);
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((w, k) => w === b[k]);
    const before = SELF_BEFORE.find((p) => i >= p.length && same(words(i - p.length, p.length), p));
    if (before) {
      const start = tokens[i - before.length]!.start;
      return { value: n.value + 1, start, end: n.end, currency: null, words: true };
    }
    // "me + 3 mates": the "+" of "me plus" is no word.
    const self = tokens[i - 1];
    if (self && SELF_PLUS.has(self.norm) && /^\s*\+\s*$/.test(text.slice(self.end, n.start))) {
      return { value: n.value + 1, start: self.start, end: n.end, currency: null, words: true };
    }
    // The others' noun, then the speaker: "2 friends and me".
    const after = j < 0 ? undefined : SELF_AFTER.find((p) => same(words(j + 1, p.length), p));
    if (after && /^[\s]*$/.test(text.slice(n.end, tokens[j]!.start))) {
      const end = tokens[j + after.length]!.end;
      return { value: n.value + 1, start: n.start, end, currency: null, words: true };
    }
  }
  return null;
}

const PEOPLE_LEAD_WORDS = PEOPLE_LEADS.map((l) => l.split(" ")).sort((a, b) => b.length - a.length);

/** A street and its number: up to four words, the first capitalised, then "5", "12b", "200,". */
const STREET = /^\p{Lu}[\p{L}'.-]*(?:\s+[\p{L}'.-]+){0,3}\s+\d{1,4}[a-z]?(?=\s*(?:,|$|[.!?]))/u;
/** "for 14 Mill Lane": the house number before two or more capitalised words of the street. */
const NUMBER_FIRST_STREET =
  /^\d{1,4}[a-z]?\s+\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){1,3}(?![\p{L}\d])/u;

/**
 * The one slot among `slots` with the flag `flag` (an address, a place, a person's name, a
 * currency); undefined when there is none or more than one.
 */
function onlyWith(
  slots: readonly SlotInfo[],
  flag: "address" | "place" | "nameLike" | "currency" | "monthDay",
): SlotInfo | undefined {
  let only: SlotInfo | undefined;
  for (const slot of slots) {
    if (!slot[flag]) continue;
    if (only) return undefined;
    only = slot;
  }
  return only;
}

/** The first two choice slots of `slots` that take the same choices, in the flow's order. */
function samePair(slots: readonly SlotInfo[]): readonly [SlotInfo, SlotInfo] | null {
  if (slots.length < 2) return null;
  const known = PAIRS.get(slots);
  if (known !== undefined) return known;
  let pair: readonly [SlotInfo, SlotInfo] | null = null;
  const choice = slots.filter((s) => s.kind === "choice" && s.def.choices?.length);
  for (let i = 0; i < choice.length && !pair; i++) {
    const own = choicesKey(choice[i]!);
    const other = choice.slice(i + 1).find((s) => choicesKey(s) === own);
    if (other) pair = [choice[i]!, other];
  }
  PAIRS.set(slots, pair);
  return pair;
}

const PAIRS = new WeakMap<readonly SlotInfo[], readonly [SlotInfo, SlotInfo] | null>();

/** A slot's choices as one string, once per slot: slot lists filtered per turn miss PAIRS. */
function choicesKey(slot: SlotInfo): string {
  let key = CHOICE_KEYS.get(slot);
  if (key === undefined) {
    key = JSON.stringify(slot.def.choices);
    CHOICE_KEYS.set(slot, key);
  }
  return key;
}

const CHOICE_KEYS = new WeakMap<SlotInfo, string>();

/** What may stand between two values said in a row: nothing, or a dash ("Bilbao-Madrid"). */
const IN_A_ROW = /^\s*(?:-|–|->|>)?\s*$/;

/**
 * Two slots taking the same choices (an origin and a destination) that no cue told apart: two
 * different values said in a row ("billete bilbao madrid") fill them in the order the flow asks
 * them, as dates do; with one slot filled by its cue ("salgo desde Sevilla"), the message's one
 * other value is the other slot's.
 */
function fillPair(pair: readonly [SlotInfo, SlotInfo], text: string, found: FoundSet): void {
  const [first, second] = pair;
  const values = notTakenBack(text, notOwned(text, first.choices!.find(text))).filter(
    (m) => found.isFree(m) && !givenUp(text, m.start),
  );
  if (!found.has(first.name) && !found.has(second.name)) {
    if (values.length !== 2) return;
    const [x, y] = [...values].sort((a, b) => a.start - b.start) as [ChoiceMatch, ChoiceMatch];
    if (x.value === y.value || !IN_A_ROW.test(text.slice(x.end, y.start))) return;
    found.add(foundAt(first, x.value, x));
    found.add(foundAt(second, y.value, y));
    return;
  }
  const [held, empty] = found.has(first.name) ? [first, second] : [second, first];
  const had = found.out.find((f) => f.slot === held.name)?.value;
  const rest = values.filter((m) => m.value !== had);
  if (rest.length > 0 && rest.every((m) => m.value === rest[0]!.value))
    found.add(foundAt(empty, rest[0]!.value, rest[0]!));
}

function foundAt(slot: SlotInfo, value: SlotValue, span: Span): Found {
  return { slot: slot.name, value, start: span.start, end: span.end };
}

/** The first of `slots` called `name`. */
function slotNamed(slots: readonly SlotInfo[], name: string): SlotInfo | undefined {
  for (const slot of slots) if (slot.name === name) return slot;
  return undefined;
}

/**
 * The one value of a marked pattern (SlotInfo.marked) typed as a token of its own, with the
 * mark inside it ("maria.lopez" of "sorry, it's maria.lopez."); none, or two different ones,
 * read nothing. The one who told ("ana_ruiz told me to ask") is not the value.
 */
function markedToken(slot: SlotInfo, text: string): Found | null {
  let hit: Found | null = null;
  for (const m of text.matchAll(/[^\s,;:!?()"]+/g)) {
    const lead = m[0].length - m[0].replace(/^['"¿¡]+/, "").length;
    const value = m[0].slice(lead).replace(/[.'"]+$/, "");
    if (!/[^\p{L}\p{N}]/u.test(value) || !slot.wholePattern!.test(value)) continue;
    if (hit && hit.value !== value) return null;
    const start = m.index + lead;
    const span: Span = { start, end: start + value.length };
    if (toldBy(text, span)) continue;
    hit ??= { slot: slot.name, value, ...span };
  }
  return hit;
}

/**
 * How many digits a value of the slot's pattern has at least ("HB-\d{6}": 6). A number after
 * the slot's name with under half as many is no attempt at the code ("extend my reservation to
 * 5 nights").
 */
function patternDigits(slot: SlotInfo): number {
  if (!slot.distinctive || !slot.def.pattern) return 0;
  let n = 0;
  for (const m of slot.def.pattern.matchAll(/\\d(?:\{(\d+)(?:,\d*)?\})?/g)) n += Number(m[1] ?? 1);
  return n;
}

function digitCount(value: string): number {
  return value.replace(/\D/g, "").length;
}

/** "two days later", "2 more nights", "by 2 nights": a difference from an amount, not one. */
export function isDifference(tokens: readonly Token[], n: Span): boolean {
  const after = tokenIndexFrom(tokens, n.end);
  const before = tokenBefore(tokens, n.start);
  return (
    (before !== undefined &&
      DIFFERENCE_BEFORE.has(before.norm) &&
      // "can i by 2 tickets": where a verb stands (after "I", "can", "to"), "by" is a mistyped
      // verb, not the preposition of a difference.
      !VERB_LEADS.has(tokenBefore(tokens, before.start)?.norm ?? "")) ||
    // "push it back a couple of days": a count of days after "back" is how far it moves.
    (before !== undefined &&
      SHIFT_BEFORE.has(before.norm) &&
      after >= 0 &&
      DAY_STEMS.has(stem(tokens[after]!.norm))) ||
    (after >= 0 &&
      // "for 4 later tonight" is 4, later: only a comparative follows the number itself.
      (COMPARATIVES.has(tokens[after]!.norm) ||
        DIFFERENCE_AFTER.has(tokens[after + 1]?.norm ?? "")))
  );
}

/**
 * A number read at a code slot's cue: the digits as written when the slot keeps text ("call me
 * on 0861234567" keeps its leading zero), the number for an integer code.
 */
function cuedNumber(slot: SlotInfo, text: string, n: NumberMatch): SlotValue {
  const written = text.slice(n.start, n.end);
  if (slot.kind !== "code" || slot.def.type === "integer" || !/^\d+$/.test(written)) return n.value;
  return written;
}
