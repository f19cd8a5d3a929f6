import {
  DAY_ARTICLE_SOURCE,
  DAY_OF_MONTH,
  DAY_WORDS,
  DEPART_WORDS,
  GONE_PARTS_OF_TODAY,
  MONTHS,
  MORNING_ARTICLE,
  MORNING_DAYS,
  ORDINAL_DAYS,
  PEOPLE_WORDS,
  POSSESSIVES,
  RANGE_TO_WORDS,
  RELATIVE_DAYS,
  SINCE_BEFORE,
  TEXTING_FORMS,
  WEEKDAY_SHORT,
  WEEKDAY_WORDS,
  WEEKDAYS,
  WEEKEND_NEXT,
  WEEKEND_PAST,
} from "../language/words.ts";
import { charRuns, editDistanceAtMost1, editDistanceWithin, fold, isAsciiLetter } from "../text.ts";

/** A date found in a message, as an ISO calendar date (YYYY-MM-DD). */
export interface DateMatch {
  value: string;
  start: number;
  end: number;
}

/** A month's name said alone ("in March"): a time, never a place. */
export function isMonthName(word: string): boolean {
  return word in MONTHS;
}
const weekday = (word: string): number =>
  WEEKDAYS[word] ?? WEEKDAY_SHORT[word] ?? WEEKDAY_WORDS[word]!;

const pad = (n: number) => String(n).padStart(2, "0");
function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}
function addDays(now: Date, days: number): string {
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
/** The next day `day` of a month from `now` (today included), or with `past` the latest one. */
export function nextDayOfMonth(now: Date, day: number, past = false): string | null {
  return day >= 1 && day <= 31 ? dayOfMonth(now, day, past) : null;
}

/**
 * The next day `day` of a month from today (today included), or with `past` the latest one up
 * to today; with `target`, the first such day that falls on that weekday within a year.
 */
function dayOfMonth(
  now: Date,
  day: number,
  past: boolean,
  target?: number,
  months = target === undefined ? 2 : 12,
): string | null {
  const step = past ? -1 : 1;
  for (let k = 0; k <= months; k++) {
    const at = new Date(now.getFullYear(), now.getMonth() + step * k, 1);
    const value = iso(at.getFullYear(), at.getMonth() + 1, day);
    if (!value) continue;
    const today = addDays(now, 0);
    if (past ? value > today : value < today) continue;
    if (target !== undefined && new Date(`${value}T12:00:00Z`).getUTCDay() !== target) continue;
    return value;
  }
  return null;
}

/**
 * A day and month without a year: the next one from today (today included), or with `past`
 * ("since when?", "since march 6") the latest one up to today.
 */
function upcoming(now: Date, month: number, day: number, past = false): string | null {
  const y = now.getFullYear();
  const thisYear = iso(y, month, day);
  if (!thisYear) return null;
  if (past) return thisYear <= addDays(now, 0) ? thisYear : iso(y - 1, month, day);
  return thisYear >= addDays(now, 0) ? thisYear : iso(y + 1, month, day);
}

const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const WEEKDAY_RE = [...Object.keys(WEEKDAYS), ...Object.keys(WEEKDAY_SHORT)]
  .sort((a, b) => b.length - a.length)
  .join("|");
const RELATIVE_RE = Object.keys(RELATIVE_DAYS)
  .sort((a, b) => b.length - a.length)
  .join("|");

// Compiled once; matchAll works on a copy, so sharing the global regexes is safe.
const RELATIVE_DAY = new RegExp(`\\b(${RELATIVE_RE})\\b`, "g");
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?(${MONTH_RE})\\b\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?`,
  "g",
);

const MONTH_DAY = new RegExp(
  `\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`,
  "g",
);

/** A dash or the packs' words between the two days of a range: "3-7", "the 3rd to the 7th", "del 3 al 7". */
const RANGE_TO = `(?:-|\u2013|${RANGE_TO_WORDS})`;
/** Words for the end of a stay said with its second date ("leaving the 7th", "salgo el 7"). */
const DEPART = DEPART_WORDS;
const DAY_RANGE_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*${RANGE_TO}\\s*(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?(${MONTH_RE})\\b\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?`,
  "dg",
);
const MONTH_DAY_RANGE = new RegExp(
  `\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*${RANGE_TO}\\s*(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?![/.:]?\\d)`,
  "dg",
);

/** "18th of march to 21st": a day and month, then a day alone (an ordinal, or ending a clause). */
const DAY_MONTH_DAY_RANGE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?(${MONTH_RE})\\b\\.?\\s*(?:-|\u2013|to|until|till|thru|through|al)\\s*(?:the\\s+|el\\s+)?(\\d{1,2})(?:(?:st|nd|rd|th)\\b|(?=\\s*(?:[,.;!?]|$)))(?!\\s+(?:of\\s+|de\\s+)?(?:${MONTH_RE})\\b)`,
  "dg",
);

/**
 * What joins the two ends of a range, the text between them: "25th to the 28th", "21st-24th",
 * "the 3rd and leaving the 7th", "april 3, check-out april 6", "el 3 y salgo el 7".
 */
const RANGE_JOIN = new RegExp(
  `^(?:st|nd|rd|th)?\\s*(?:${RANGE_TO}|(?:,|and|y)?\\s*(?:${DEPART})(?:\\s+(?:on|el))?)(?:\\s+(?:the|el))?$`,
);

/**
 * Whether the dates `from` and `to` of `text` are said as one range ("from the 3rd to the 6th
 * of May", "21st-24th March", "del 20 al 23"): only a range word stands between them.
 */
export function saidAsRange(text: string, from: DateMatch, to: DateMatch): boolean {
  return to.start >= from.end && RANGE_JOIN.test(fold(text.slice(from.end, to.start)).trim());
}

/**
 * The end of a range that starts on `start`: `end` when later; else `end`'s day of the month
 * read in the start's month or the one after ("the 2nd of june and leaving the 5th": the 5th
 * read alone is the next 5th from today, but here it is June's).
 */
export function rangeEnd(start: string, end: string): string {
  if (end > start) return end;
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const day = Number(end.slice(8));
  const same = day > d ? iso(y, m, day) : null;
  return same ?? iso(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, day) ?? end;
}

/** The days from one ISO date to a later one ("2027-03-25" to "2027-03-28": 3). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "the first of May", "the twenty third of june", "primero de mayo": an ordinal word, "of", a month. */
const WORD_DAY_MONTH = new RegExp(
  `\\b(?:the\\s+)?(${Object.keys(ORDINAL_DAYS)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(" ", "[\\s-]"))
    .join("|")})\\s+(?:of|de)\\s+(${MONTH_RE})\\b`,
  "g",
);

/** How far before a day and month a weekday or "since" leading it is looked for. */
const LEAD_REACH = 24;
/** "Monday the ", "lunes ", "wed, ": a weekday just before a day and month (the text before). */
const WEEKDAY_LEAD = new RegExp(
  `\\b(?:${WEEKDAY_RE}|wed|sat|sun)\\.?,?\\s+(?:(?:${DAY_ARTICLE_SOURCE})\\s+)?$`,
);
/** "since ", "desde ": a day and month after it is one that has been (the text before). */
const SINCE_LEAD = SINCE_BEFORE;

/** "Tuesday the 16th", "wednesday, 24th": a weekday and an ordinal day of the month. */
const WEEKDAY_DAY = new RegExp(
  `\\b(${WEEKDAY_RE}|wed|sat|sun)\\.?,?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+|de\\s+)?(?:${MONTH_RE})\\b)`,
  "g",
);
/** The packs' words for people counted ("4 people", "2 adults"): a count, not a day, after a number. */
const PEOPLE_RE = PEOPLE_WORDS.map((w) => w.replace(/\s+/g, "\\s+")).join("|");
/** The packs' words for days counted ("1 night", "3 days"), singular or plural: a count after a number. */
const DAYS_RE = `(?:${DAY_WORDS.join("|")})(?:s|es)?`;
/**
 * "Monday 29", "for the monday 29": a weekday and a bare day number, read as a date only when
 * that day of this month or the next two falls on that weekday (no time, "of", count of people or
 * days, or month after: "friday, 1 night" is a Friday and one night).
 */
const WEEKDAY_BARE_DAY = new RegExp(
  `\\b(${WEEKDAY_RE}|wed|sat|sun)\\.?,?\\s+(?:the\\s+)?(\\d{1,2})\\b(?![:.,/-]\\d|\\s*(?:am|pm|h|hrs?|hours?|o\\s?clock|of|de|${PEOPLE_RE}|${DAYS_RE}|${MONTH_RE})\\b)`,
  "g",
);
/** How many months ahead a weekday and a bare day number are looked for. */
const BARE_DAY_MONTHS = 2;

const WEEKDAY = new RegExp(
  `\\b(?:(next|this|coming|on|el|este|proximo|el proximo)\\s+)?(${WEEKDAY_RE})\\b(?:\\s+(?:(?<coming>que viene)|(?<nextWeek>(?:of\\s+)?next week)|(?<weekAfter>week)\\b(?!\\s*end)))?`,
  "g",
);

/** "a week on friday", "a week friday" before a weekday: a week after the coming one. */
const WEEK_ON = /\ba\s+week\s+(?:on\s+)?$/;

/**
 * "on sat", "next sun", "for sat", "sat night", "wed am": a short form that is also a word, said
 * as a day; and ending a request typed in short words ("a room downtown sat"), unless a subject
 * or an article makes it the word ("I sat", "in the sun"); a count typed "x3" may close it
 * ("hamlet sat x3").
 */
const WORD_WEEKDAY =
  /\b(?:(next|on|coming|for|this|until|till)\s+(wed|sat|sun)\b|(wed|sat|sun)(?=\s+(?:night|morning|afternoon|evening|am|pm)\b)|(?<!\b(?:i|we|you|they|he|she|it|who|the|a|an|in|under|has|have|had|was|were)\s+)(wed|sat|sun)(?=\s*(?:x\s?\d{1,2}|\d{1,2}\s?x)?\s*[.!?]*\s*$))/g;

/**
 * A weekday that can only be past: "last monday", "since monday", "el lunes pasado", "desde el
 * lunes". It resolves to the latest one before today (today itself for "since").
 */
const PAST_WEEKDAY = new RegExp(
  `\\b(?:(last|past|since|desde(?: el)?|el pasado)\\s+(?:on\\s+)?(${WEEKDAY_RE})|(?:el\\s+)?(${WEEKDAY_RE})\\s+pasado)\\b`,
  "g",
);

/** A part of today: "this morning", "earlier today", "esta mañana", "esta tarde". */
const PART_OF_TODAY =
  /\b(?:this (?:morning|afternoon|evening)|earlier today|esta (?:manana|tarde|noche)|hoy por la (?:manana|tarde))\b/g;
/**
 * The date `m` of `text` is a part of today that has already gone by ("my laptop died this
 * morning"): the time of what happened, as a day before today is, not a day asked for.
 */
export function saysGonePartOfToday(text: string, m: DateMatch): boolean {
  return GONE_PARTS_OF_TODAY.has(fold(text.slice(m.start, m.end)).toLowerCase());
}

/**
 * The night before today: "since last night", "anoche". "The last night" or "my last night" is
 * the final night of a stay, not a day past.
 */
const LAST_NIGHT = /(?<!\b(?:the|my|our|your|his|her|their)\s+)\b(?:last night|anoche)\b/g;

/** "the weekend", "since last weekend", "el fin de semana": its Saturday. */
const WEEKEND =
  /\b(?:(?:since|over|during|last|past|next|this|the|desde|el|este|proximo|pasado)\s+){0,3}(?:weekend|fin de semana)(?:\s+(?:pasado|que viene))?\b/g;

/** "3 days ago", "a week ago", "hace 2 dias". */
const AGO =
  /\b(?:(\d{1,3}|a|an|one|two|three|four|five|six|seven)\s+(days?|weeks?)\s+ago|hace\s+(\d{1,3}|un|una|dos|tres|cuatro|cinco)\s+(dias?|semanas?))\b/g;
/**
 * "for two days", "over the past week", "since 2 days" (the Spanish "desde hace"): how long something has lasted, read only for a date
 * that has been ("since when?"): it started that many days ago.
 */
const LASTED =
  /\b(?:(?:for|over|during|since)\s+(?:the\s+)?(?:(?:last|past)\s+)?|(?:in\s+)?the\s+(?:last|past)\s+)(?:(\d{1,3}|a|an|one|two|three|four|five|six|seven)\s+)?(days?|weeks?)\b/g;
/** "in a week", "within 3 days", "en dos semanas", "dentro de 3 dias". */
const AHEAD =
  /\b(?:in|within)\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven)\s+(days?|weeks?)\b|\b(?:en|dentro de)\s+(\d{1,3}|un|una|dos|tres|cuatro|cinco)\s+(dias?|semanas?)\b/g;
/** "a week from today", "3 days from now". */
const FROM_NOW =
  /\b(\d{1,3}|a|an|one|two|three|four|five|six|seven)\s+(days?|weeks?)\s+from\s+(?:now|today)\b/g;
const SMALL_COUNTS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  un: 1,
  una: 1,
  two: 2,
  dos: 2,
  three: 3,
  tres: 3,
  four: 4,
  cuatro: 4,
  five: 5,
  cinco: 5,
  six: 6,
  seven: 7,
};
Object.setPrototypeOf(SMALL_COUNTS, null);

/** "3 days", "a week", "dos semanas": how many days a count of days or weeks is. */
function daysIn(count: string, unit: string): number {
  const n = /^\d+$/.test(count) ? +count : SMALL_COUNTS[count]!;
  return /^(?:week|semana)/.test(unit) ? n * 7 : n;
}

/**
 * Dates in English and Spanish: ISO `2026-12-01`, `01/12/2026` (day first unless that cannot be),
 * `1 December`, `December 1st, 2026`, `1 de diciembre`, `today`/`tomorrow`/`yesterday`,
 * `next friday`/`el viernes`, `in 3 days`/`en 3 dias`. Relative dates resolve against `now`
 * in its local calendar.
 */
export function findDates(
  text: string,
  now: Date = new Date(),
  past = false,
): readonly DateMatch[] {
  // One message is searched for dates by several readers in a turn: remember recent answers,
  // per calendar day since relative dates depend on it.
  const day = past ? `${dayKey(now)}|past` : dayKey(now);
  if (last && last.text === text && last.day === day) return last.found;
  const key = `${day}|${text}`;
  let found = recent.get(key);
  if (!found) {
    found = Object.freeze(searchSpelledOut(text, now, past).map((m) => Object.freeze(m)));
    if (recent.size >= RECENT_SIZE) recent.clear();
    recent.set(key, found);
  }
  last = { text, day, found };
  return found;
}

/** A word typed as a chat shortens it ("q", "x", "tonite"); not before a number ("x 3"). */
const TEXTED = new RegExp(`\\b(?:${[...TEXTING_FORMS.keys()].join("|")})\\b(?!\\s*\\d)`, "gi");

/**
 * "el lunes q viene", "x la mañana": the dates of a message read with its chat shortenings
 * spelled out, their offsets taken back to the message as typed.
 */
function searchSpelledOut(text: string, now: Date, past: boolean): DateMatch[] {
  TEXTED.lastIndex = 0;
  if (!TEXTED.test(text)) return searchDates(text, now, past);
  const edits: { from: number; to: number; at: number; end: number }[] = [];
  let spelled = "";
  let from = 0;
  for (const m of text.matchAll(TEXTED)) {
    spelled += text.slice(from, m.index);
    const word = TEXTING_FORMS.get(m[0].toLowerCase()) ?? m[0];
    edits.push({ from: m.index, to: m.index + m[0].length, at: spelled.length, end: 0 });
    spelled += word;
    edits.at(-1)!.end = spelled.length;
    from = m.index + m[0].length;
  }
  spelled += text.slice(from);
  const back = (x: number, isEnd: boolean): number => {
    let shift = 0;
    for (const e of edits) {
      if (x <= e.at) break;
      if (x < e.end) return isEnd ? e.to : e.from;
      shift = e.to - e.end;
    }
    return x + shift;
  };
  return searchDates(spelled, now, past).map((d) => ({
    ...d,
    start: back(d.start, false),
    end: back(d.end, true),
  }));
}

/** Day and month words long enough that one typo in them is still clearly them. */
const TYPO_TARGETS = [
  ...Object.keys(RELATIVE_DAYS),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(MONTHS),
].filter((w) => !w.includes(" ") && w.length >= 6);
const DATE_WORDS = new Set([
  ...Object.keys(RELATIVE_DAYS),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAY_SHORT),
]);

/** From this length on, a date word may carry two typos. */
const TWO_TYPOS = 8;

/** The one long date word `word` is a typo of ("tomorow", "firday"), else null. */
function dateWordFor(word: string): string | null {
  if (word.length < DATE_TYPO_MIN || DATE_WORDS.has(word)) return null;
  // A message repeats its words; each is compared with the targets once.
  let hit = typoCache.get(word);
  if (hit === undefined) {
    hit = searchDateWord(word);
    if (typoCache.size >= TYPO_CACHE_SIZE) typoCache.clear();
    typoCache.set(word, hit);
  }
  return hit;
}
const typoCache = new Map<string, string | null>();
const TYPO_CACHE_SIZE = 512;

function searchDateWord(word: string): string | null {
  let hit: string | null = null;
  for (const target of TYPO_TARGETS) {
    // People rarely mistype the first letter ("monday" is no typo of "sunday").
    if (target[0] !== word[0]) continue;
    // "las mañanas": the plural of a relative day word is a word of its own (the mornings), no
    // typo of one day ("los domingos" is still read as Sunday).
    if (target in RELATIVE_DAYS && (word === `${target}s` || word === `${target}es`)) return null;
    // Long words take two typos ("tommorow", "wensday") when their first two letters hold.
    const near =
      editDistanceAtMost1(word, target) ||
      (target.length >= TWO_TYPOS &&
        target[1] === word[1] &&
        editDistanceWithin(word, target, 2) <= 2);
    if (!near) continue;
    if (hit !== null && meaningOf(hit) !== meaningOf(target)) return null;
    hit = target;
  }
  return hit;
}
/** What a date word stands for: a day offset, a weekday or a month. */
const meaningOf = (w: string) => RELATIVE_DAYS[w] ?? WEEKDAYS[w] ?? 100 + MONTHS[w]!;

/**
 * The dates of a message whose day and month words may carry one typo ("tomorow", "thrusday"):
 * read when none was found as typed. Offsets are the message's own.
 */
function findMistypedDates(text: string, now: Date, past = false): readonly DateMatch[] {
  // Asked again and again for the same message, as findDates is.
  const day = past ? `${dayKey(now)}|past` : dayKey(now);
  if (lastMistyped && lastMistyped.text === text && lastMistyped.day === day) {
    return lastMistyped.found;
  }
  const found = Object.freeze(searchMistyped(text, now, past));
  lastMistyped = { text, day, found };
  return found;
}
let lastMistyped: { text: string; day: string; found: readonly DateMatch[] } | undefined;

/** The shortest word read as a date word typed wrong (`dateWordFor`). */
const DATE_TYPO_MIN = 5;
const ASCII_TEXT = /^[\x00-\x7f]*$/;
const LETTERS = /\p{L}+/gu;

/**
 * Start and end offsets, in turn, of the runs of letters (`\p{L}+`) at least `min` long: the
 * only words `dateWordFor` may read. Plain ASCII is scanned by character code: every message is
 * searched so, and a regex match per word costs more.
 */
export function letterRuns(s: string, min: number): number[] {
  const out: number[] = [];
  if (!ASCII_TEXT.test(s)) {
    for (const m of s.matchAll(LETTERS)) {
      if (m[0].length >= min) out.push(m.index, m.index + m[0].length);
    }
    return out;
  }
  return charRuns(s, isAsciiLetter, min);
}

/** A number right before a word (the text before it). */
const AFTER_NUMBER = /\d\s+$/;
/** The word right before a word (the text before it). */
const WORD_BEFORE = /(\p{L}+)\s+$/u;

function searchMistyped(text: string, now: Date, past: boolean): DateMatch[] {
  const s = fold(text);
  // Spans of the corrected text and where each came from.
  const moved: { from: number; to: number; at: number; end: number }[] = [];
  let fixed = "";
  let kept = 0;
  const runs = letterRuns(s, DATE_TYPO_MIN);
  for (let r = 0; r < runs.length; r += 2) {
    const index = runs[r]!;
    const length = runs[r + 1]! - index;
    const target = dateWordFor(s.slice(index, index + length));
    if (!target) continue;
    // "3 mates": a word counted by a number is a thing counted, not a weekday typed wrong
    // ("martes"); a month still follows its day ("3 febuary").
    if (!(target in MONTHS) && AFTER_NUMBER.test(s.slice(Math.max(0, index - 8), index))) {
      continue;
    }
    // "me and my mates": a word after a possessive is a thing someone has, not a weekday
    // typed wrong.
    const before = WORD_BEFORE.exec(s.slice(Math.max(0, index - 12), index))?.[1];
    if (before && POSSESSIVES.has(before)) continue;
    fixed += s.slice(kept, index);
    moved.push({
      from: index,
      to: index + length,
      at: fixed.length,
      end: fixed.length + target.length,
    });
    fixed += target;
    kept = index + length;
  }
  if (moved.length === 0) return [];
  fixed += s.slice(kept);
  // A corrected offset back to the message: inside a corrected word, that word's bounds. The
  // last corrected word starting at or before it is found by binary search (long messages).
  const back = (offset: number, isEnd: boolean): number => {
    let lo = 0;
    let hi = moved.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (moved[mid]!.at <= offset) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at < 0) return offset;
    const span = moved[at]!;
    if (offset < span.end || (isEnd && offset === span.end)) return isEnd ? span.to : span.from;
    return offset + span.to - span.end;
  };
  return searchDates(fixed, now, past).map((d) => ({
    value: d.value,
    start: back(d.start, false),
    end: back(d.end, true),
  }));
}

/**
 * "the weekend" said as a date: its Saturday. Only read where a date is asked and nothing else
 * is one: in a story ("hurt my back at the weekend, can I come thursday?") it tells when
 * something happened.
 */
export function findWeekend(text: string, now: Date, past = false): DateMatch[] {
  const s = fold(text);
  const out: DateMatch[] = [];
  const push = (value: string, start: number, end: number) => out.push({ value, start, end });
  for (const m of s.matchAll(WEEKEND)) {
    // On a Saturday or Sunday "the weekend" is this one; else the coming one, or the last one
    // when asked about the past or said with "since" or "last".
    const day = now.getDay();
    const thisOne = day === 6 ? 0 : day === 0 ? -1 : 6 - day;
    const back = past || WEEKEND_PAST.test(m[0]);
    const weekend = day === 6 || day === 0;
    // "next weekend", as "next friday", is the coming one; said on a weekend, the one after.
    const shift = back && !weekend ? -7 : weekend && WEEKEND_NEXT.test(m[0]) ? 7 : 0;
    push(addDays(now, thisOne + shift), m.index!, m.index! + m[0].length);
  }
  return out;
}

/** The last answer: the same text is searched again and again within a message. */
let last: { text: string; day: string; found: readonly DateMatch[] } | undefined;

const recent = new Map<string, readonly DateMatch[]>();
const RECENT_SIZE = 256;

/** The local calendar day last asked for, as the times it spans. */
let lastDay = { from: 0, to: -1, key: "" };

/**
 * `now`'s local calendar day as "year-month-day" (month from 0): the part of a cache key that
 * relative dates depend on. Readers ask for it many times a message, for clocks in one day.
 */
export function dayKey(now: Date): string {
  const time = now.getTime();
  if (time >= lastDay.from && time < lastDay.to) return lastDay.key;
  const [y, m, d] = [now.getFullYear(), now.getMonth(), now.getDate()];
  lastDay = {
    from: new Date(y, m, d).getTime(),
    to: new Date(y, m, d + 1).getTime(),
    key: `${y}-${m}-${d}`,
  };
  return lastDay.key;
}

/** Relative day words a RELATIVE_DAYS phrase ends with ("tomorrow" of "the day after tomorrow"). */
const RELATIVE_WORDS = new Set(Object.keys(RELATIVE_DAYS).map((k) => k.split(" ").at(-1)!));
/** The words a part of a day ends with ("this morning", "esta tarde", "last night"). */
const PART_WORDS = new Set([
  "morning",
  "afternoon",
  "evening",
  "today",
  "manana",
  "tarde",
  "noche",
  "night",
  "anoche",
]);
/** The units counted in "3 days ago", "in a week", "dentro de 2 semanas", "for days". */
const UNIT_WORDS = new Set(["day", "days", "week", "weeks", "dia", "dias", "semana", "semanas"]);
const SHORT_WORDS = new Set(Object.keys(WEEKDAY_WORDS));
const MONTH_WORDS = new Set(Object.keys(MONTHS));
const WEEKDAY_NAMES = new Set([...Object.keys(WEEKDAYS), ...Object.keys(WEEKDAY_SHORT)]);
const NONE: RegExpExecArray[] = [];

/**
 * Which kinds of date words the folded text has as whole words, as the searches below match
 * them (between word boundaries): a search needing a kind the text lacks cannot match and is
 * skipped. Most messages hold no date, and each search scans the whole message.
 */
/** The shortest and longest word of any set `dateCues` looks words up in. */
const CUE_LENGTHS = (() => {
  const words = [
    ...MONTH_WORDS,
    ...WEEKDAY_NAMES,
    ...SHORT_WORDS,
    ...RELATIVE_WORDS,
    ...PART_WORDS,
    ...UNIT_WORDS,
    "ago",
    "hace",
  ].map((w) => w.length);
  return { min: Math.min(...words), max: Math.max(...words) };
})();

/** A character `\w` matches (no `u` flag: ASCII letters, digits and the underscore). */
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Start and end offsets, in turn, of the `\w+` words of `s` from `min` to `max` characters long,
 * found by one scan of the character codes (no array of every word).
 */
export function wordRuns(s: string, min: number, max: number): number[] {
  return charRuns(s, isWordChar, min, max);
}

function dateCues(s: string) {
  const cues = {
    digit: /\d/.test(s),
    month: false,
    weekday: false,
    short: false,
    relative: false,
    part: false,
    unit: false,
    ago: false,
  };
  // A word no cue set can hold (by its length) is not even cut out: every message is searched so.
  const runs = wordRuns(s, CUE_LENGTHS.min, CUE_LENGTHS.max);
  for (let r = 0; r < runs.length; r += 2) {
    const w = s.slice(runs[r], runs[r + 1]);
    if (MONTH_WORDS.has(w)) cues.month = true;
    if (WEEKDAY_NAMES.has(w)) cues.weekday = true;
    if (SHORT_WORDS.has(w)) cues.short = true;
    if (RELATIVE_WORDS.has(w)) cues.relative = true;
    if (PART_WORDS.has(w)) cues.part = true;
    if (UNIT_WORDS.has(w)) cues.unit = true;
    if (w === "ago" || w === "hace") cues.ago = true;
  }
  return cues;
}

/** The date of `out` said last before `at`, if any. */
function dateBefore(out: readonly DateMatch[], at: number): DateMatch | undefined {
  let best: DateMatch | undefined;
  for (const d of out) if (d.end <= at && (!best || d.end > best.end)) best = d;
  return best;
}

/** Noon of an ISO calendar day, in the local calendar dates are read in. */
function noonOf(value: string): Date {
  const [y, m, d] = value.split("-").map(Number);
  return new Date(y!, m! - 1, d!, 12);
}

/** Adds a date unless it overlaps one found before. Module-level: no closure per search. */
function pushDate(out: DateMatch[], value: string | null, start: number, end: number): void {
  if (!value || out.some((m) => m.start < end && start < m.end)) return;
  out.push({ value, start, end });
}

function searchDates(text: string, now: Date, past: boolean): DateMatch[] {
  // Folding keeps the length for Latin text, so offsets stay valid for the raw message.
  const s = fold(text);
  const has = dateCues(s);
  const digitsAndMonth = has.digit && has.month;
  const out: DateMatch[] = [];
  // Plain weekdays read ahead, with where the day's name starts: a range may end on one.
  const weekdays: [DateMatch, number][] = [];
  for (const m of has.digit ? s.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g) : NONE) {
    pushDate(out, iso(+m[1]!, +m[2]!, +m[3]!), m.index!, m.index! + m[0].length);
  }
  for (const m of has.digit ? s.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b/g) : NONE) {
    let [a, b] = [+m[1]!, +m[2]!];
    if (a <= 12 && b > 12) [a, b] = [b, a];
    const year = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    pushDate(out, iso(year, b, a), m.index!, m.index! + m[0].length);
  }
  // "3/4", "15/04": day and month without a year (day first unless that cannot be), the next one.
  for (const m of has.digit ? s.matchAll(/(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])/g) : NONE) {
    let [a, b] = [+m[1]!, +m[2]!];
    if (a <= 12 && b > 12) [a, b] = [b, a];
    const since = past || SINCE_LEAD.test(s.slice(Math.max(0, m.index! - LEAD_REACH), m.index!));
    pushDate(
      out,
      b >= 1 && b <= 12 ? upcoming(now, b, a, since) : null,
      m.index!,
      m.index! + m[0].length,
    );
  }
  // "20-23 december", "del 20 al 23 de diciembre": the first day is in the second's month;
  // "december 20 to 23": the second day is in the first's.
  for (const m of digitsAndMonth ? s.matchAll(DAY_RANGE_MONTH) : NONE) {
    const month = MONTHS[m[3]!]!;
    const [first, second] = [+m[1]!, +m[2]!];
    if (first >= second) continue;
    const year = m[4] ? +m[4] : undefined;
    const [a, b] = [m.indices![1]!, m.indices![2]!];
    pushDate(out, year ? iso(year, month, first) : upcoming(now, month, first), a[0], a[1]);
    pushDate(
      out,
      year ? iso(year, month, second) : upcoming(now, month, second),
      b[0],
      m.index! + m[0].length,
    );
  }
  for (const m of digitsAndMonth ? s.matchAll(MONTH_DAY_RANGE) : NONE) {
    const month = MONTHS[m[1]!]!;
    const [first, second] = [+m[2]!, +m[3]!];
    if (first >= second) continue;
    const b = m.indices![3]!;
    pushDate(out, upcoming(now, month, first), m.index!, m.indices![2]![1]);
    pushDate(out, upcoming(now, month, second), b[0], m.index! + m[0].length);
  }
  // "18th of march to 21st", "3 may - 6": the second day, said without its month, is in the
  // first's.
  for (const m of digitsAndMonth ? s.matchAll(DAY_MONTH_DAY_RANGE) : NONE) {
    const month = MONTHS[m[2]!]!;
    const [first, second] = [+m[1]!, +m[3]!];
    if (first >= second) continue;
    const start = upcoming(now, month, first);
    if (!start) continue;
    const b = m.indices![3]!;
    pushDate(out, start, m.index!, m.indices![2]![1]);
    pushDate(out, iso(+start.slice(0, 4), month, second), b[0], m.index! + m[0].length);
  }
  // "Monday the 15th of March", "since March 8": a weekday before the date is part of it (one
  // date, not two), and "since" reads it back.
  for (const re of digitsAndMonth ? [DAY_MONTH, MONTH_DAY] : []) {
    for (const m of s.matchAll(re)) {
      const [day, month] = re === DAY_MONTH ? [+m[1]!, MONTHS[m[2]!]!] : [+m[2]!, MONTHS[m[1]!]!];
      const before = s.slice(Math.max(0, m.index! - LEAD_REACH), m.index!);
      const named = WEEKDAY_LEAD.exec(before);
      const back = past || SINCE_LEAD.test(before);
      pushDate(
        out,
        m[3] ? iso(+m[3], month, day) : upcoming(now, month, day, back),
        named ? m.index! - named[0].length : m.index!,
        m.index! + m[0].length,
      );
    }
  }
  for (const m of has.month ? s.matchAll(WORD_DAY_MONTH) : NONE) {
    const before = s.slice(Math.max(0, m.index - LEAD_REACH), m.index);
    const back = past || SINCE_LEAD.test(before);
    pushDate(
      out,
      upcoming(now, MONTHS[m[2]!]!, ORDINAL_DAYS[m[1]!.replace(/[\s-]+/, " ")]!, back),
      m.index,
      m.index + m[0].length,
    );
  }
  // "Tuesday the 16th", "wednesday 24th": the next 16th that is a Tuesday (else the next 16th).
  for (const m of (has.weekday || has.short) && has.digit ? s.matchAll(WEEKDAY_DAY) : NONE) {
    const target = weekday(m[1]!);
    const day = +m[2]!;
    const back = past || /\b(?:since|desde|last)\s+$/.test(s.slice(0, m.index!));
    pushDate(
      out,
      dayOfMonth(now, day, back, target) ?? dayOfMonth(now, day, back),
      m.index!,
      m.index! + m[0].length,
    );
  }
  for (const m of (has.weekday || has.short) && has.digit ? s.matchAll(WEEKDAY_BARE_DAY) : NONE) {
    const back = past || /\b(?:since|desde|last)\s+$/.test(s.slice(0, m.index!));
    pushDate(
      out,
      dayOfMonth(now, +m[2]!, back, weekday(m[1]!), BARE_DAY_MONTHS),
      m.index!,
      m.index! + m[0].length,
    );
  }
  // Past forms first: "since monday" is the last Monday, "this morning" is today, and
  // "manana" there is no tomorrow.
  for (const m of has.weekday ? s.matchAll(PAST_WEEKDAY) : NONE) {
    const target = weekday((m[2] ?? m[3])!);
    const since = m[1] !== undefined && /^(?:since|desde)/.test(m[1]);
    let days = (now.getDay() - target + 7) % 7;
    if (days === 0 && !since) days = 7;
    pushDate(out, addDays(now, -days), m.index!, m.index! + m[0].length);
  }
  for (const m of has.part ? s.matchAll(PART_OF_TODAY) : NONE)
    pushDate(out, addDays(now, 0), m.index!, m.index! + m[0].length);
  for (const m of has.part ? s.matchAll(LAST_NIGHT) : NONE)
    pushDate(out, addDays(now, -1), m.index!, m.index! + m[0].length);
  for (const m of has.ago && has.unit ? s.matchAll(AGO) : NONE) {
    pushDate(
      out,
      addDays(now, -daysIn(m[1] ?? m[3]!, m[2] ?? m[4]!)),
      m.index!,
      m.index! + m[0].length,
    );
  }
  if (past)
    for (const m of has.unit ? s.matchAll(LASTED) : NONE) {
      // "for days" says no count; "the past week" counts one.
      if (m[1] === undefined && !/\b(?:last|past)\s+\w+$/.test(m[0])) continue;
      pushDate(out, addDays(now, -daysIn(m[1] ?? "a", m[2]!)), m.index!, m.index! + m[0].length);
    }
  // A day of the month without its month (packs' `dayOfMonth`: "the 15th", "on the 3rd", "el
  // dia 15", a message that opens with "19th"): the next such day of a month (today included).
  // "the 3rd of april, back on the 10th": a day said after a date with its month runs on from
  // that date (the 10th of April), not from today; after another bare day it is read alone,
  // so two days said out of order stay out of order.
  const withMonth = out.slice();
  for (const m of has.digit ? s.matchAll(DAY_OF_MONTH) : NONE) {
    const day = +m.slice(1).find((g) => g !== undefined)!;
    if (day < 1 || day > 31) continue;
    const before = past ? undefined : dateBefore(withMonth, m.index!);
    const from = before ? noonOf(before.value) : now;
    pushDate(out, dayOfMonth(from, day, past), m.index!, m.index! + m[0].length);
  }
  for (const m of has.unit ? s.matchAll(FROM_NOW) : NONE) {
    pushDate(out, addDays(now, daysIn(m[1]!, m[2]!)), m.index!, m.index! + m[0].length);
  }
  for (const m of has.relative ? s.matchAll(RELATIVE_DAY) : NONE) {
    // "por la mañana" is the morning of another day, not tomorrow ("el sábado por la mañana").
    if (MORNING_DAYS.has(m[1]!) && MORNING_ARTICLE.test(s.slice(0, m.index!))) continue;
    pushDate(out, addDays(now, RELATIVE_DAYS[m[1]!]!), m.index!, m.index! + m[0].length);
  }
  for (const m of [
    ...(has.weekday ? s.matchAll(WEEKDAY) : NONE),
    ...(has.short ? s.matchAll(WORD_WEEKDAY) : NONE),
  ]) {
    const target = weekday((m[2] ?? m[3] ?? m[4])!);
    // "el lunes que viene" looks ahead as "next monday" does.
    const ahead =
      (m[1] !== undefined && /next|proximo|coming/.test(m[1])) || m.groups?.coming !== undefined;
    // Asked about the past ("since when?"), "on monday" is the last Monday (today included).
    if (past && !ahead) {
      pushDate(
        out,
        addDays(now, -((now.getDay() - target + 7) % 7)),
        m.index!,
        m.index! + m[0].length,
      );
      continue;
    }
    let days = (target - now.getDay() + 7) % 7;
    // "friday" on a Friday means today; "next friday" on a Friday means in a week.
    if (days === 0 && ahead) days = 7;
    // "wednesday next week": that day of the week after this one (weeks start on Monday).
    if (m.groups?.nextWeek !== undefined) days = 7 - ((now.getDay() + 6) % 7) + ((target + 6) % 7);
    // "friday week", "a week on friday" (British): a week after the coming Friday.
    if (m.groups?.weekAfter !== undefined || WEEK_ON.test(s.slice(0, m.index!))) {
      days += 7;
    }
    const at = m.index! + m[0].indexOf((m[2] ?? m[3])!);
    pushDate(out, addDays(now, days), m.index!, m.index! + m[0].length);
    if (out.at(-1)?.start === m.index!) weekdays.push([out.at(-1)!, at]);
  }
  for (const m of has.unit ? s.matchAll(AHEAD) : NONE) {
    pushDate(
      out,
      addDays(now, daysIn(m[1] ?? m[3]!, m[2] ?? m[4]!)),
      m.index!,
      m.index! + m[0].length,
    );
  }
  // "tomorow", "thrusday": a long date word typed wrong, when nothing else is a date and it is
  // the only one.
  if (out.length === 0) {
    const typed = findMistypedDates(text, now, past);
    return typed.length === 1 ? [...typed] : [];
  }
  out.sort((a, b) => a.start - b.start);
  for (const [end, at] of weekdays) weekdayAfterStart(s, out, end, at);
  return out;
}

/** What stands between a range's start and a weekday ending it: "monday to thursday", "... until friday". */
const ENDS_RANGE = new RegExp(
  `(?:^\\s*${RANGE_TO}|\\b(?:until|till|thru|through|hasta))\\s*(?:the\\s+|el\\s+)?$`,
);

/**
 * "from monday to thursday", "on monday ... until friday", "del lunes al jueves": a weekday that
 * ends a range is the first one after its start, though alone it would fall before it (said on
 * a Thursday, "thursday" alone is today).
 */
function weekdayAfterStart(s: string, out: DateMatch[], end: DateMatch, at: number): void {
  const i = out.indexOf(end);
  const start = out[i - 1];
  if (!start || end.value > start.value || !ENDS_RANGE.test(s.slice(start.end, at))) return;
  const [y, m, d] = end.value.split("-").map(Number) as [number, number, number];
  const weeks = Math.floor(daysBetween(end.value, start.value) / 7) + 1;
  end.value = new Date(Date.UTC(y, m - 1, d + 7 * weeks)).toISOString().slice(0, 10);
}
