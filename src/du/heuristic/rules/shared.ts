import type { Command } from "../../../protocol/commands.ts";
import { readActs, withoutAcceptTail } from "../acts.ts";
import type { Turn } from "../heuristic-understanding.ts";
import {
  ADDITION_WORDS,
  AFFIRM,
  AMBIGUOUS_CANCEL,
  CLAUSE_OPENERS,
  DENY,
  FILLERS,
  HEDGE_WORDS,
  JUDGED_HOW,
  JUDGEMENT,
  NO_OPENERS,
  NONE,
  NOT_KNOWN,
  ONLY_WORDS,
  PAUSE,
  PLAIN_NO,
  STOP_WORDS,
  STORY_TURNS,
  THANKS,
  WHOLE_THING,
} from "../language/words.ts";
import type { SlotInfo } from "../slot-catalog.ts";
import { flat, stem } from "../text.ts";
import type { Rule } from "./rule.ts";

/** A question the domain cannot answer, asked while a flow waits (see docs/dialogue.md). */
export const OUT_OF_SCOPE: Command[] = [{ type: "out_of_scope" }];

/** "repeat that": the DM says its last messages again. */
export const REPEAT_LAST: Command[] = [{ type: "repeat_last" }];

/** Answer to "this is useless": the DM offers a human (the `frustration` pattern). */
export const FRUSTRATED: Command[] = [{ type: "chitchat", kind: "frustration" }];

/**
 * "hang on, let me look at it", "one sec, it's in my notes": the user asks for a moment
 * (pack `pause`). Small talk of kind `wait`, never an answer: the DM leaves the question pending.
 */
export const PAUSED: Rule<{ turn: Turn }> = {
  name: "pause",
  run: ({ turn }) =>
    PAUSE.test(turn.acts.flat) ? [{ type: "chitchat", kind: "wait", message: turn.text }] : null,
};

/** A "no" whose reason is the size of the number: "that's too much", "not that much". */
export { AMOUNT_REASON } from "../language/words.ts";

/** A "no" behind an opener: "actually no, keep it", "wait no", "hmm no". */
export const OPENED_NO = new RegExp(
  `^(?:(?:${NO_OPENERS.join("|")})\\s+)+(?:${PLAIN_NO.join("|")})\\b`,
);

const DENY_WORDS = new Set(DENY.flatMap((p) => p.split(" ")));

/**
 * "is wrong", "isn't right", "incorrect", "is spelled wrong": what a "no" says about a value,
 * not a value.
 */
export function onlyJudgement(rest: string): boolean {
  const words = flat(rest).split(" ").filter(Boolean);
  return (
    words.length > 0 &&
    words.every(
      (w) => STOP_WORDS.has(w) || DENY_WORDS.has(w) || JUDGEMENT.has(w) || JUDGED_HOW.has(w),
    )
  );
}

const AFFIRM_WORDS = new Set(AFFIRM.flatMap((p) => p.split(" ")));

/**
 * "is wrong", "isn't right", "is not correct": a judgement that faults a value ("is right"
 * and "is correct" do not).
 */
export function faultsValue(rest: string): boolean {
  if (!onlyJudgement(rest)) return false;
  return flat(rest)
    .split(" ")
    .some((w) => (JUDGEMENT.has(w) || DENY_WORDS.has(w)) && !AFFIRM_WORDS.has(w));
}

const DECLINE_WORDS = new Set([...NONE, ...DENY].flatMap((p) => p.split(" ")));
const THANKS_WORDS = new Set(THANKS.flatMap((p) => p.split(" ")));

/**
 * A negated answer: "no", "none", "no toppings", "no thanks", "nothing for me": decline
 * words, with nothing else but fillers, function words, thanks, the slots' own words and words
 * of "more" ("no extra toppings"), maybe closed by words accepting it ("no, any day is fine").
 */
export function declines(text: string, slots: SlotInfo | readonly SlotInfo[]): boolean {
  const words = withoutAcceptTail(text.split(" ").filter(Boolean));
  if (!words.some((w) => DECLINE_WORDS.has(w))) return false;
  const own = ownWords(Array.isArray(slots) ? slots : [slots]);
  return words.every((w) => DECLINE_WORDS.has(w) || ADDITION_WORDS.has(w) || sideWord(w, own));
}

/**
 * "single ticket only" asked a return day: one of the slot's own `declined_by` phrases, and around it
 * only side words, "only"/"just" and decline words ("no, single").
 */
export function saysOwnDecline(text: string, slot: SlotInfo): boolean {
  const phrases = slot.def.declined_by;
  if (!phrases?.length) return false;
  const padded = ` ${text} `;
  const own = ownWords([slot]);
  return phrases.some((phrase) => {
    const said = flat(phrase);
    const at = said ? padded.indexOf(` ${said} `) : -1;
    if (at < 0) return false;
    const rest = `${padded.slice(0, at)} ${padded.slice(at + said.length + 2)}`;
    return rest
      .split(" ")
      .filter(Boolean)
      .every((w) => sideWord(w, own) || ONLY_WORDS.has(w) || DECLINE_WORDS.has(w));
  });
}

/** The stems that name the slots (their keys' words). */
export function ownWords(slots: readonly SlotInfo[]): ReadonlySet<string> {
  return new Set(slots.flatMap((s) => s.keys.flat()));
}

/**
 * A word that adds nothing to what an answer does: a filler, a function word, thanks, or a word
 * of the slots' own names (`own`, from ownWords).
 */
export function sideWord(word: string, own: ReadonlySet<string>): boolean {
  return FILLERS.has(word) || STOP_WORDS.has(word) || THANKS_WORDS.has(word) || own.has(stem(word));
}

/**
 * "no idea, sorry", "I don't remember the number": the user says there is no value to give, and
 * nothing else but fillers, function words, thanks and the slots' own words.
 */
export function saysNotKnown(text: string, slot: SlotInfo): boolean {
  const hit = NOT_KNOWN.exec(text);
  if (!hit) return false;
  const own = ownWords([slot]);
  const rest = `${text.slice(0, hit.index)} ${text.slice(hit.index + hit[0].length)}`;
  return rest
    .split(" ")
    .filter(Boolean)
    .every((w) => sideWord(w, own));
}

/**
 * Where a story turns to its point: sentence ends, commas, "anyway", "long story short", "so"
 * (but not "so far", "so much": a measure, no turn).
 */
const CLAUSE_BREAK = new RegExp(`[.!?;,]\\s+|\\s(?:${STORY_TURNS})\\s|${CLAUSE_OPENERS}`, "gi");
/** Fewer words than this and a message is short enough to be read whole. */
export const LONG_MESSAGE_WORDS = 15;

/**
 * The last clause of a long message, when it is a few words long; else null. A closing hedge or
 * courtesy ("A large one, I should think.", "..., thank you.") is no clause: the one before it is.
 * With `count` 2, the last two clauses together.
 */
export function finalClause(text: string, count: 1 | 2 = 1): string | null {
  if (text.split(/\s+/).length < LONG_MESSAGE_WORDS) return null;
  const breaks = [...text.matchAll(CLAUSE_BREAK)];
  let end = text.length;
  let k = breaks.length - 1;
  while (k > 0 && onlyHedge(text.slice(breaks[k]!.index + breaks[k]![0].length, end))) {
    end = breaks[k]!.index;
    k--;
  }
  k -= count - 1;
  const cut = k >= 0 ? breaks[k]!.index + breaks[k]![0].length : -1;
  if (cut <= 0) return null;
  const tail = text.slice(cut, end).trim();
  const words = tail.split(/\s+/).length;
  return words >= 2 && words < LONG_MESSAGE_WORDS ? tail : null;
}

/** The clauses of a message, trimmed, empty ones left out. */
export function clausesOf(text: string): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** "I should think", "thank you", "if possible": words that close a letter and ask nothing. */
function onlyHedge(clause: string): boolean {
  const words = flat(clause).split(" ").filter(Boolean);
  return (
    words.length > 0 &&
    words.some((w) => HEDGES.has(w) || THANKS_WORDS.has(w)) &&
    words.every((w) => HEDGES.has(w) || THANKS_WORDS.has(w) || FILLERS.has(w) || STOP_WORDS.has(w))
  );
}
const HEDGES = new Set(HEDGE_WORDS);

/**
 * The clauses of a long message (or of any, with `short`) that ask for something, in order. In a
 * long message a clause that opens with its request word may be longer than a short message
 * ("would it be possible to have ..."), but never the whole message, which is then no story.
 */
export function askingClauses(text: string, asks: RegExp, short = false): string[] {
  if (!short && text.split(/\s+/).length < LONG_MESSAGE_WORDS) return [];
  const whole = text.trim();
  const most = short ? LONG_MESSAGE_WORDS : LONG_CLAUSE_WORDS;
  return text
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => {
      const words = c.split(/\s+/).length;
      if (words >= most || !asks.test(c) || (!short && c === whole)) return false;
      // A clause as long as a story asks from its first word ("Would it be possible to ..."); one
      // that asks further on ("my wife turns forty ... and we would love ...") tells first.
      return words < LONG_MESSAGE_WORDS || asks.exec(c)?.index === 0;
    });
}

/** In a long story, a clause that asks may run this long ("would it be possible to have ..."). */
const LONG_CLAUSE_WORDS = 22;

/**
 * "forget the whole thing, I don't want them anymore": every clause of the message is a cancel
 * phrase whose other words say nothing but cancelling, maybe of the whole thing (pack
 * `wholeThing`), or only says "the whole thing".
 */
export function onlyCancels(turn: Turn): boolean {
  if (!turn.acts.cancelMentioned || /\d/.test(turn.text)) return false;
  return turn.text
    .split(/[,;.!]/)
    .map((c) => flat(c).replace(WHOLE_THING, "").trim())
    .every((c) => {
      const phrase = readActs(c).cancelMentioned;
      // Spanish "para" (stop / for) cancels only on its own: "para el viernes" gives a day.
      if (phrase && AMBIGUOUS_CANCEL.has(phrase)) return false;
      const rest = phrase ? ` ${c} `.replace(` ${phrase} `, " ") : c;
      return turn.model.analyzer.terms(rest).every((t) => t.act === "cancel");
    });
}
