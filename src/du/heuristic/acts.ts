import type { ChitchatKind } from "../../protocol/commands.ts";
import {
  ACCEPT_TAIL,
  AFFIRM,
  AMBIGUOUS_CANCEL,
  ASSISTANT_QUESTION,
  CANCEL,
  CORRECTION_OPENERS,
  CORRECTION_PHRASES,
  DECLINE_OFFER,
  DENY,
  DIGRESSION_CUES,
  FILLERS,
  FRUSTRATION,
  GOODBYE,
  GREETING,
  HELP,
  HELP_OPENER,
  HELP_QUESTION,
  NEGATIONS,
  NONE,
  PLACED_BEFORE,
  PLACED_NOT,
  PLACING_CANCELS,
  REPEAT,
  SMALL_TALK,
  SWITCH_CUES,
  TEXTING_FORMS,
  THANKING_WORDS,
  THANKS,
  TOLD_IN_PERSON,
  VALUE_ASKED,
  WHAT_IS,
  WHAT_MEANS,
} from "./language/words.ts";
import { flat } from "./text.ts";

/** Messages longer than this are never read as a bare "yes", "cancel", "hello"... */
const MAX_ACT_WORDS = 12;

/**
 * What a message says as a dialogue act, independent of any flow: yes, no, cancel, help,
 * a human, greetings/thanks/small talk, and whether it opens a correction.
 */
export interface ActReading {
  /** Folded words joined by single spaces. */
  flat: string;
  affirm: boolean;
  deny: boolean;
  /** Starts with "yes ..." (also behind fillers: "sorry, yes ...") / "no ..." and more words. */
  affirmLead: boolean;
  denyLead: boolean;
  cancel: boolean;
  /** A cancel phrase appears somewhere ("I don't want to send it anymore"). */
  cancelMentioned: string | null;
  help: boolean;
  /** "where do I find the reference?" */
  helpQuestion: boolean;
  /** The term of a "what is an IBAN?" question. */
  whatIs: string | null;
  /** "are you a bot or a real person?": a question about what the assistant is, no handoff. */
  aboutAssistant: boolean;
  greeting: boolean;
  /**
   * The message is only small talk, and which kind: a farewell wins over thanks ("thanks,
   * bye"), thanks over a greeting; "other" is any other small talk ("how are you").
   */
  chitchat: ChitchatKind | null;
  correction: boolean;
  /** Fed up with the assistant: "this is useless", "you're not helping", "that's wrong". */
  frustrated: boolean;
  /** A change of mind: a request said with it replaces the running flow ("... instead"). */
  switches: boolean;
  /** "repeat that", "say again": the assistant's last message again. */
  repeat: boolean;
  /** "I'm good, thanks", "I'll pass": an offer turned down (read only for optional slots). */
  offerDeclined: boolean;
}

export type { ChitchatKind };

/** A phrase list prepared for `pure`: the phrases, their words, and the longest one's length. */
interface PhraseSet {
  phrases: Set<string>;
  words: Set<string>;
  longest: number;
}

function phraseSet(list: readonly string[]): PhraseSet {
  const split = list.map((p) => p.split(" "));
  return {
    phrases: new Set(list),
    words: new Set(split.flat()),
    longest: Math.max(0, ...split.map((w) => w.length)),
  };
}

/**
 * The message is made of these phrases and fillers only, with at least one phrase:
 * "ok, cancel it then" -> cancel; "sí, claro" -> affirm; "yes but change it" -> no.
 */
function pure(words: readonly string[], set: PhraseSet): boolean {
  const n = words.length;
  if (n === 0 || n > MAX_ACT_WORDS) return false;
  // A word that is neither a filler nor in any phrase: no cover (most messages stop here).
  for (const w of words) if (!set.words.has(w) && !FILLERS.has(w)) return false;
  // From the end: any[i] = words[i..] can be covered; some[i] = ... with at least one phrase.
  const any: boolean[] = new Array(n + 1).fill(false);
  const some: boolean[] = new Array(n + 1).fill(false);
  any[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    let phrased = false;
    let phrase = "";
    for (let j = i; j < Math.min(n, i + set.longest) && !phrased; j++) {
      phrase = j === i ? words[i]! : `${phrase} ${words[j]}`;
      if (set.phrases.has(phrase) && any[j + 1]) phrased = true;
    }
    const filler = FILLERS.has(words[i]!);
    any[i] = phrased || (filler && any[i + 1]!);
    some[i] = phrased || (filler && some[i + 1]!);
  }
  return some[0]!;
}

/** Phrases with the spaces they are searched with, built once. */
interface Padded {
  phrase: string;
  lead: string;
  within: string;
}

const padded = (list: readonly string[]): Padded[] =>
  list.map((phrase) => ({ phrase, lead: `${phrase} `, within: ` ${phrase} ` }));

/** Phrases by their first word: a text can only start with those of its own first word. */
function byFirstWord(list: readonly Padded[]): ReadonlyMap<string, readonly Padded[]> {
  const out = new Map<string, Padded[]>();
  for (const p of list) {
    const first = p.phrase.split(" ")[0]!;
    out.set(first, [...(out.get(first) ?? []), p]);
  }
  return out;
}

function startsWithOne(text: string, phrases: ReadonlyMap<string, readonly Padded[]>): boolean {
  const space = text.indexOf(" ");
  if (space < 0) return false;
  return phrases.get(text.slice(0, space))?.some((p) => text.startsWith(p.lead)) ?? false;
}

function leading(
  text: string,
  phrases: ReadonlyMap<string, readonly Padded[]>,
  behindFillers = false,
): boolean {
  if (startsWithOne(text, phrases)) return true;
  if (!behindFillers) return false;
  // "sorry, yes cancel it", "perdona, sí, cancélala". (A "no" behind an opener is read by the
  // rules that need it: "actually no, keep my plan" names the plan but does not change it.)
  const words = text.split(" ");
  let i = 0;
  while (i < words.length - 1 && FILLERS.has(words[i]!)) i++;
  if (i === 0) return false;
  return startsWithOne(words.slice(i).join(" "), phrases);
}

function mentioned(text: string, phrases: readonly Padded[]): string | null {
  const spaced = ` ${text} `;
  let best: string | null = null;
  for (const p of phrases) {
    if ((best === null || p.phrase.length > best.length) && spaced.includes(p.within)) {
      best = p.phrase;
    }
  }
  return best;
}

/** A phrase list looked up by the word runs of a message (`mentionedIn`), built once. */
interface MentionSet {
  /** Each phrase and where it first is in the list. */
  at: Map<string, number>;
  /** Words of the longest phrase. */
  longest: number;
  /** Every run of a phrase's first words: a run no phrase starts with stops the lookup. */
  starts: Set<string>;
}

function mentionSet(list: readonly string[]): MentionSet {
  const at = new Map<string, number>();
  list.forEach((phrase, i) => {
    if (!at.has(phrase)) at.set(phrase, i);
  });
  const starts = new Set<string>();
  for (const phrase of list) {
    const words = phrase.split(" ");
    for (let n = 1; n <= words.length; n++) starts.add(words.slice(0, n).join(" "));
  }
  return { at, longest: Math.max(0, ...list.map((p) => p.split(" ").length)), starts };
}

/**
 * `mentioned` on the message's words: the runs of words up to the longest phrase are looked up
 * instead of every phrase searched in the text. Same answer: the longest phrase said, the first
 * in the list among equally long ones.
 */
function mentionedIn(
  words: readonly string[],
  set: MentionSet,
  negated?: ReadonlySet<string>,
  skip?: (phrase: string, next: number) => boolean,
): string | null {
  let best: string | null = null;
  let bestAt = -1;
  for (let i = 0; i < words.length; i++) {
    if (negated && i > 0 && negated.has(words[i - 1]!)) continue;
    let phrase = "";
    for (let j = i; j < words.length && j < i + set.longest; j++) {
      phrase = j === i ? words[i]! : `${phrase} ${words[j]}`;
      if (!set.starts.has(phrase)) break;
      const at = set.at.get(phrase);
      if (at === undefined || skip?.(phrase, j + 1)) continue;
      if (
        best === null ||
        phrase.length > best.length ||
        (phrase.length === best.length && at < bestAt)
      ) {
        best = phrase;
        bestAt = at;
      }
    }
  }
  return best;
}

// "para" and "deja" cancel only on their own (pack `ambiguousCancel`): "mesa para mi hija",
// "no para de sonar" mention no cancel.
const CANCEL_MENTIONS = mentionSet(CANCEL.filter((p) => !AMBIGUOUS_CANCEL.has(p)));
// "the toaster won't start again", "I can't forget it": a negation other than a "no" answer right before
// a cancel phrase says the thing does not happen; "no, forget it" still cancels.
const DENY_WORDS = new Set(DENY);
const CANCEL_NEGATED = new Set([...NEGATIONS].filter((w) => !DENY_WORDS.has(w)));

/**
 * "leave it in the porch", "drop it off at reception": a cancel phrase that puts the thing
 * somewhere, followed by where, is an instruction, not a cancel ("leave it at that" is one).
 */
function placed(words: readonly string[], phrase: string, next: number): boolean {
  return (
    PLACING_CANCELS.has(phrase) &&
    PLACED_BEFORE.has(words[next] ?? "") &&
    next + 1 < words.length &&
    !PLACED_NOT.has(words[next + 1]!)
  );
}

const LEADS = {
  affirm: byFirstWord(padded(AFFIRM)),
  deny: byFirstWord(padded(DENY)),
};

const PADDED = {
  thanks: padded(THANKS),
  goodbye: padded(GOODBYE),
  greeting: padded(GREETING),
};

const sets = {
  affirm: phraseSet(AFFIRM),
  deny: phraseSet(DENY),
  cancel: phraseSet(CANCEL),
  help: phraseSet(HELP),
  greeting: phraseSet(GREETING),
  repeat: phraseSet(REPEAT),
  declineOffer: phraseSet(DECLINE_OFFER),
  smallTalk: phraseSet([...GREETING, ...THANKS, ...GOODBYE, ...SMALL_TALK]),
};

/** One-word agreements that may open thanks or a farewell: "great", "perfect", "ok". */
const ACKNOWLEDGING = new Set(AFFIRM.filter((p) => !p.includes(" ")));
const CLOSINGS = phraseSet([...THANKS, ...GOODBYE]);

/**
 * "great, thanks a lot, bye", "perfect, thank you so much": agreement words opening thanks or
 * a farewell, the rest of the message nothing else.
 */
function acknowledgedClosing(words: readonly string[]): boolean {
  let i = 0;
  while (i < words.length && ACKNOWLEDGING.has(words[i]!)) i++;
  return i > 0 && i < words.length && pure(words.slice(i), CLOSINGS);
}

function chitchatKind(text: string, words: readonly string[]): ChitchatKind | null {
  if (!pure(words, sets.smallTalk) && !acknowledgedClosing(words)) return null;
  if (mentioned(text, PADDED.goodbye)) return "goodbye";
  if (mentioned(text, PADDED.thanks) || words.some((w) => THANKING_WORDS.has(w))) {
    return "thanks";
  }
  if (mentioned(text, PADDED.greeting)) return "greeting";
  return "other";
}

const THANKS_WORDS = new Set(THANKS.flatMap((p) => p.split(" ")));
/** One-word refusals ("nah", "no") that may open a declined offer: "nah just plain". */
const REFUSALS = new Set([...DENY, ...NONE].filter((p) => !p.includes(" ")));

/** How many refusal words open `words`, the last word left ("no thanks im good": 1). */
function refusalsOpening(words: readonly string[]): number {
  let i = 0;
  while (i < words.length - 1 && REFUSALS.has(words[i]!)) i++;
  return i;
}

/** `words` less the refusal words that open it ("no thanks im good" -> "thanks im good"). */
function afterRefusal(words: readonly string[]): readonly string[] {
  return offerOpenings(words, refusalsOpening(words)).at(-1)!;
}

/**
 * Where a way of turning an offer down is looked for in `words`, whose first `refused` words
 * refuse: from the first word, as some open with the "no" themselves ("no need", "no hace
 * falta"), then behind the refusal words.
 */
export function offerOpenings(
  words: readonly string[],
  refused: number,
): readonly (readonly string[])[] {
  return refused > 0 ? [words, words.slice(refused)] : [words];
}

/** Recent readings: the DU reads the same message more than once per turn. */
const recent = new Map<string, Readonly<ActReading>>();
const RECENT_SIZE = 64;

export function readActs(message: string): Readonly<ActReading> {
  let reading = recent.get(message);
  if (!reading) {
    reading = Object.freeze(new Acts(message));
    if (recent.size >= RECENT_SIZE) recent.clear();
    recent.set(message, reading);
  }
  return reading;
}

const ACCEPT_TAILS = ACCEPT_TAIL.map((p) => p.split(" "));

/** `words` less a closing phrase that accepts what was said ("plain is fine" -> "plain"). */
export function withoutAcceptTail(words: readonly string[]): readonly string[] {
  for (const tail of ACCEPT_TAILS) {
    const at = words.length - tail.length;
    if (at > 0 && tail.every((w, i) => words[at + i] === w)) return words.slice(0, at);
  }
  return words;
}

/**
 * "nah just plain", "no, plain is fine", "no thanks im good": a way of turning an offer down
 * behind refusal words, followed by words accepting it, or said around thanks ("I'm good thank
 * you"; "leave it plain" keeps its "it", which thanks also have: "appreciate it").
 */
function declinesOffer(words: readonly string[]): boolean {
  const core = withoutAcceptTail(afterRefusal(words));
  return (
    offerOpenings(words, refusalsOpening(words)).some((w) =>
      pure(withoutAcceptTail(w), sets.declineOffer),
    ) ||
    pure(
      core.filter((w) => !THANKS_WORDS.has(w)),
      sets.declineOffer,
    ) ||
    pure(afterRefusal(words.filter((w) => !THANKS_WORDS.has(w))), sets.declineOffer)
  );
}

/** `words` less a greeting they open with ("hola, ¿qué puedo hacer aquí?" -> the question). */
function afterGreeting(words: readonly string[]): readonly string[] {
  for (let n = Math.min(sets.greeting.longest, words.length - 1); n > 0; n--) {
    if (sets.greeting.phrases.has(words.slice(0, n).join(" "))) return words.slice(n);
  }
  return words;
}

/** "what does HIIT mean": the term a question ending in its verb asks about. */
function meansTerm(text: string): string | null {
  for (const pattern of WHAT_MEANS) {
    const term = pattern.exec(text)?.[1]?.trim();
    if (term) return term;
  }
  return null;
}

/**
 * The term a "what is ..." question asks about: a few words, not ending in a word that asks for
 * a value of the thing ("what's the checkout time" asks for a time, not what checkout means).
 */
function termAsked(term: string): string | null {
  if (!term) return null;
  const words = term.split(" ");
  return words.length <= 4 && !VALUE_ASKED.has(words.at(-1)!) ? term : null;
}

/** The most words a reason said after asking to hear the question again may have. */
const REPEAT_REASON_WORDS = 10;

/**
 * "sorry what did you say? the line is bad": a question asking to hear the last message again,
 * then a short reason with no number and no cancel ("I can't hear you over the noise").
 */
export function repeatWithReason(message: string): boolean {
  const mark = message.indexOf("?");
  if (mark < 0) return false;
  const rest = flat(message.slice(mark + 1));
  if (!rest || /\d/.test(message)) return false;
  const restWords = rest.split(" ");
  if (restWords.length > REPEAT_REASON_WORDS) return false;
  if (mentionedIn(restWords, CANCEL_MENTIONS, CANCEL_NEGATED)) return false;
  const head = flat(message.slice(0, mark));
  return head !== "" && pure(head.split(" "), sets.repeat);
}

/**
 * An act reading whose parts are read on first use: most messages are settled by a rule that
 * looks at a few of them, and clauses are often read for one ("cancelMentioned").
 */
class Acts implements ActReading {
  readonly flat: string;
  readonly #words: readonly string[];
  #affirm?: boolean;
  #deny?: boolean;
  #affirmLead?: boolean;
  #denyLead?: boolean;
  #cancel?: boolean;
  #cancelMentioned?: string | null;
  #help?: boolean;
  #helpQuestion?: boolean;
  #whatIs?: string | null;
  #aboutAssistant?: boolean;
  #greeting?: boolean;
  #chitchat?: ChitchatKind | null;
  #correction?: boolean;
  #frustrated?: boolean;
  #switches?: boolean;
  #repeat?: boolean;
  #offerDeclined?: boolean;

  constructor(message: string) {
    this.flat = flat(message);
    const typed = this.flat.length ? this.flat.split(" ") : [];
    // "how's ur day going": texting forms are matched as the words they stand for.
    this.#words = typed.some((w) => TEXTING_FORMS.has(w))
      ? typed.map((w) => TEXTING_FORMS.get(w) ?? w)
      : typed;
  }

  get affirm(): boolean {
    this.#affirm ??= pure(this.#words, sets.affirm);
    return this.#affirm;
  }
  get deny(): boolean {
    this.#deny ??= pure(this.#words, sets.deny);
    return this.#deny;
  }
  get affirmLead(): boolean {
    this.#affirmLead ??= leading(this.flat, LEADS.affirm, true);
    return this.#affirmLead;
  }
  get denyLead(): boolean {
    this.#denyLead ??= leading(this.flat, LEADS.deny);
    return this.#denyLead;
  }
  get cancel(): boolean {
    this.#cancel ??= pure(this.#words, sets.cancel);
    return this.#cancel;
  }
  get cancelMentioned(): string | null {
    if (this.#cancelMentioned === undefined) {
      const words = this.#words;
      this.#cancelMentioned = mentionedIn(words, CANCEL_MENTIONS, CANCEL_NEGATED, (phrase, next) =>
        placed(words, phrase, next),
      );
    }
    return this.#cancelMentioned;
  }
  get help(): boolean {
    this.#help ??=
      pure(this.#words, sets.help) ||
      pure(afterGreeting(this.#words), sets.help) ||
      HELP_OPENER.test(this.flat);
    return this.#help;
  }
  get helpQuestion(): boolean {
    this.#helpQuestion ??= HELP_QUESTION.test(this.flat);
    return this.#helpQuestion;
  }
  get whatIs(): string | null {
    if (this.#whatIs === undefined) {
      const text = this.flat;
      const whatIsMatch = WHAT_IS.exec(text);
      const term = whatIsMatch ? text.slice(whatIsMatch[0].length).trim() : (meansTerm(text) ?? "");
      this.#whatIs = termAsked(term);
    }
    return this.#whatIs;
  }
  /**
   * "are you a bot or a real person?" asks what the assistant is: small talk, not a request for
   * a person, though it names one.
   */
  get aboutAssistant(): boolean {
    this.#aboutAssistant ??=
      this.#words.length <= MAX_ACT_WORDS && ASSISTANT_QUESTION.test(this.flat);
    return this.#aboutAssistant;
  }
  get greeting(): boolean {
    this.#greeting ??= pure(this.#words, sets.greeting);
    return this.#greeting;
  }
  get chitchat(): ChitchatKind | null {
    if (this.#chitchat === undefined) {
      this.#chitchat =
        chitchatKind(this.flat, this.#words) ?? (this.aboutAssistant ? "other" : null);
    }
    return this.#chitchat;
  }
  get correction(): boolean {
    this.#correction ??= CORRECTION_OPENERS.test(this.flat) || CORRECTION_PHRASES.test(this.flat);
    return this.#correction;
  }
  get frustrated(): boolean {
    this.#frustrated ??= this.#words.length <= MAX_ACT_WORDS && FRUSTRATION.test(this.flat);
    return this.#frustrated;
  }
  get switches(): boolean {
    this.#switches ??= SWITCH_CUES.test(this.flat) && !DIGRESSION_CUES.test(this.flat);
    return this.#switches;
  }
  get repeat(): boolean {
    this.#repeat ??= pure(this.#words, sets.repeat);
    return this.#repeat;
  }
  get offerDeclined(): boolean {
    this.#offerDeclined ??= declinesOffer(this.#words) || TOLD_IN_PERSON.test(this.flat);
    return this.#offerDeclined;
  }
}
