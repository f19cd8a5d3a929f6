import type { LoadedDomain } from "../../config/loaded-domain.ts";
import type { Command, SlotValue } from "../../protocol/commands.ts";
import type { DialogueState, FlowFrame } from "../../protocol/state.ts";
import { sameValue } from "../same-value.ts";
import type {
  DialogueUnderstanding,
  UnderstandingContext,
  UnderstandingResult,
} from "../understanding.ts";
import { type ActReading, readActs, repeatWithReason } from "./acts.ts";
import { buildDomainModel, type DomainModel } from "./domain-model.ts";
import { findCodes, findIbans } from "./extract/codes.ts";
import { findDates, saysGonePartOfToday } from "./extract/dates.ts";
import type { FlowScore } from "./flow-index.ts";
import { saysFlowWord } from "./flow-words.ts";
import {
  AFFIRM,
  AMBIGUOUS_CANCEL,
  AND_WORDS,
  ASIDE_OPENERS,
  ASKED_PRONOUNS,
  CANCEL_OPENER,
  CHOICE_NEGATIONS,
  CONDITION_LEADS,
  CORRECTION_OPENER,
  CORRECTION_PHRASES,
  DAY_STEMS,
  DEFERRALS,
  DIGRESSION_CUES,
  FILLERS,
  GIVEN_UP_OPENER,
  GREETING,
  HELP_QUESTION,
  INTENT_WORDS,
  IT_IS,
  JUDGEMENT,
  LETTER_FRAME,
  LETTER_FRAME_WORDS,
  NAME_IS_LEAD,
  NEGATED_DETERMINERS,
  NEGATIONS,
  NO_OPENERS,
  NO_THEN_NEW,
  NOT_FIRST,
  NOT_INSTEAD_SOURCE,
  NOT_INSTEAD_WORDS,
  NOT_OLD_TAIL,
  OLD_VALUE_ARTICLE,
  OPTION_PRONOUN,
  OPTION_PRONOUNS,
  ORDINALS,
  OTHER_WORDS,
  PAIR_AND,
  PAST_NARRATIVE,
  PAST_STORY,
  PEOPLE_LEADS,
  PEOPLE_WORDS,
  PERSON_PRONOUN,
  PHRASE_BREAKS,
  POSSESSIVES,
  PREPOSITIONS,
  QUESTION_FILLERS,
  QUESTION_START,
  RECALL_QUESTION,
  RELATION_VALUE,
  REQUEST_CUES,
  RESTATE_CUE,
  SELF_BEING,
  SELF_FUTURE,
  SHIFT_WORDS,
  SLOT_QUESTION,
  STATEMENT,
  STOP_WORDS,
  STORY_ACT,
  SWAP_VALUE,
  SWITCH_CUES,
  TIMES_WORDS,
  TO_WORDS,
  VALUE_LEAD,
} from "./language/words.ts";
import { recentValues } from "./recent-values.ts";
import { CONFIRM_RULES, ConfirmContext } from "./rules/confirm.ts";
import { OPEN_RULES } from "./rules/open.ts";
import { type Fired, firstRule, type Rule } from "./rules/rule.ts";
import { faultsValue, LONG_MESSAGE_WORDS, onlyJudgement, REPEAT_LAST } from "./rules/shared.ts";
import { SLOT_RULES, SlotContext } from "./rules/slot.ts";
import { countsThings, type SlotInfo } from "./slot-catalog.ts";
import { countsPeople, type Found, isDifference, ledAsPeople } from "./slot-reader.ts";
import { flat, fold, keyAt, stem, type Token, tokenIndexFrom, tokenize } from "./text.ts";
import type { SlotCue } from "./trigger-cues.ts";

/** How sure flow matching must be; tuned on the banking evaluation set (docs/understanding.md). */
export interface MatchThresholds {
  /** Minimum BM25 score of the best flow. */
  minScore: number;
  /** Minimum share of the message the best flow explains, to start it from idle. */
  minCoverage: number;
  /** Same, to leave a flow that is waiting for an answer (a digression must be clearer). */
  digressionCoverage: number;
  /** A runner-up scoring at least this fraction of the best makes the message ambiguous. */
  ambiguity: number;
  /**
   * A best score this high, far ahead of the runner-up, starts the flow with a lower coverage:
   * long messages ("my daughter is at university and I want to send her 200 euros") carry many
   * words no flow knows.
   */
  strongScore: number;
}

export const DEFAULT_THRESHOLDS: MatchThresholds = {
  minScore: 0.5,
  minCoverage: 0.45,
  digressionCoverage: 0.6,
  ambiguity: 0.8,
  strongScore: 5,
};

export interface HeuristicOptions {
  /** Clock for relative dates ("tomorrow"); tests pin it. */
  now?: () => Date;
  thresholds?: Partial<MatchThresholds>;
}

export type Decision = { flow: string } | { ambiguous: string[] } | null;

export interface Turn {
  text: string;
  acts: ActReading;
  model: DomainModel;
  state: Readonly<DialogueState>;
  frame: FlowFrame | undefined;
  readonly rank: FlowScore[];
  /** The text flows are ranked on: values cut out, with `@slot` marker groups standing for them. */
  readonly view: { text: string; markers: string[][]; words?: string[][] };
  /** The values each flow would take from the message (`mentionsFor`), read on first use. */
  mentions?: Map<string, readonly Found[]>;
  /** Another flow the message asks for (`digression`), read on first use; null for none. */
  digressed?: Command[] | null;
}

/**
 * A message being read. A class, not an object literal with getters: one is made per message.
 * The ranking is built on first use: many answers (a "yes", a value) never need it.
 */
class MessageTurn implements Turn {
  readonly frame: FlowFrame | undefined;
  mentions?: Map<string, readonly Found[]>;
  digressed?: Command[] | null;
  #view: Turn["view"] | undefined;
  #rank: FlowScore[] | undefined;

  constructor(
    private readonly du: HeuristicUnderstanding,
    readonly text: string,
    readonly acts: ActReading,
    readonly model: DomainModel,
    readonly state: Readonly<DialogueState>,
  ) {
    this.frame = state.flow_stack.at(-1);
  }

  get view(): Turn["view"] {
    this.#view ??= this.du.rankingView(this.model, this.text);
    return this.#view;
  }

  get rank(): FlowScore[] {
    this.#rank ??= this.model.index.rankView(this.view);
    return this.#rank;
  }
}

/** The first words of the packs' condition phrases: most words open none. */
const CONDITION_FIRST_WORDS: ReadonlySet<string> = new Set(
  CONDITION_LEADS.map((phrase) => phrase[0]!),
);

/**
 * The clause of a question that only sets its scene (pack `conditionLeads`): "do you hold money
 * on my card when I rent a compact?" (after the question, to its end or the next punctuation),
 * "if I cancel today, is there a fee?" (before it, up to the comma). Null unless the message asks
 * (a question word opens it or it ends in "?") and the rest has a word the domain knows.
 */
function sceneClause(model: DomainModel, text: string): { start: number; end: number } | null {
  const tokens = tokenize(text);
  const asks = /\?\s*$/.test(text) || QUESTION_START.test(flat(text));
  if (!asks || tokens.length < 4) return null;
  for (let i = 0; i < tokens.length; i++) {
    // Most words start no condition phrase: no search of the phrases for them.
    if (!CONDITION_FIRST_WORDS.has(tokens[i]!.norm)) continue;
    const lead = CONDITION_LEADS.find((phrase) =>
      phrase.every((w, k) => tokens[i + k]?.norm === w),
    );
    if (!lead) continue;
    let j = i + lead.length;
    while (j < tokens.length && !/[,.;:!?]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)))
      j++;
    const start = tokens[i]!.start;
    const end = tokens[j - 1]!.end;
    // The question itself (before the clause, or after its comma) needs a word the domain
    // knows: "is it ok if we arrive later", "what happens if I cancel" ask about the clause.
    let q = i === 0 ? j : 0;
    let asked = false;
    for (; q < (i === 0 ? tokens.length : i); q++) {
      const w = tokens[q]!.norm;
      if (i === 0 && q > j && /[,.;:!?]/.test(text.slice(tokens[q - 1]!.end, tokens[q]!.start)))
        break;
      if (!STOP_WORDS.has(w) && model.index.knows(model.analyzer.key(w))) asked = true;
    }
    if (j - i <= lead.length || !asked) continue;
    // A clause opening the message sets the scene only when a question follows its comma.
    if (i === 0 && j === tokens.length) continue;
    return { start, end };
  }
  return null;
}

/** `found` are choices only, and some differs from the value the start `c` gives its slot. */
function statesOtherChoices(turn: Turn, c: Command, found: readonly Found[]): boolean {
  return (
    c.type === "start_flow" &&
    found.length > 0 &&
    found.every((f) => turn.model.slots.get(f.slot)?.kind === "choice") &&
    found.some((f) => c.slots?.[f.slot] !== undefined && c.slots[f.slot] !== f.value)
  );
}

/** Some slot `flow` asks for has `property` (a name's, a reference of the domain's shape). */
function hasSlot(
  turn: Turn,
  flow: string,
  property: "nameLike" | "distinctive" | "referenceLike",
): boolean {
  for (const slot of turn.model.flowSlots.get(flow) ?? []) if (slot[property]) return true;
  return false;
}

/** Only the last words before a value are looked at: this keeps the look linear on long messages. */
const QUESTION_TAIL = 80;

/**
 * A question word ends `text` up to `end`, maybe with one function word after it: "where is",
 * "where". The last two words of the tail before `end` count; they are the message's own tokens
 * (tokenized once per message) unless a word runs over `end` or out of the tail, and only then
 * is the tail tokenized on its own.
 */
function endsInQuestionWord(text: string, end: number): boolean {
  const from = Math.max(0, end - QUESTION_TAIL);
  const tokens = tokenize(text);
  let to = tokenIndexFrom(tokens, end);
  if (to < 0) to = tokens.length;
  const first = Math.max(0, to - 2);
  const own = to === 0 || (tokens[to - 1]!.end <= end && tokens[first]!.start >= from);
  const words = own
    ? tokens.slice(first, to).map((t) => t.norm)
    : tokenize(text.slice(from, end))
        .slice(-2)
        .map((t) => t.norm);
  const last = words.at(-1);
  if (last === undefined) return false;
  if (INTENT_WORDS.has(last)) return true;
  return words.length === 2 && STOP_WORDS.has(last) && INTENT_WORDS.has(words[0]!);
}

/**
 * The default DU: reads commands out of text with rules built from the domain alone (no model,
 * no network, no training). What the assistant is waiting for decides how a message is read
 * first: the answer to the pending question, unless it clearly is something else.
 */
export class HeuristicUnderstanding implements DialogueUnderstanding {
  private readonly models = new WeakMap<LoadedDomain, DomainModel>();
  private readonly now: () => Date;
  readonly limits: MatchThresholds;

  constructor(options: HeuristicOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.limits = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  }

  async understand(message: string, context: UnderstandingContext): Promise<UnderstandingResult> {
    const started = performance.now();
    const commands = this.read(message, context.domain, context.state);
    return { commands, source: "heuristic", latency_ms: performance.now() - started };
  }

  /** Builds (once per domain) what flow matching and value extraction need. */
  prepare(domain: LoadedDomain): DomainModel {
    let model = this.models.get(domain);
    if (!model) {
      model = buildDomainModel(domain, this.now);
      this.models.set(domain, model);
    }
    return model;
  }

  /** The commands for one message; synchronous, so the LLM DU can fall back on it cheaply. */
  read(message: string, domain: LoadedDomain, state: Readonly<DialogueState>): Command[] {
    // Rules read clauses of a long message on their own, some the same clause twice (the last
    // clause, then each asking clause): within one message, a clause in the same state is read
    // once. Copies go out, so no rule changes another's commands.
    const clauses = this.clauseReads;
    if (clauses && clauses.domain === domain && clauses.state === state) {
      let known = clauses.read.get(message);
      if (!known) {
        known = this.readWithRule(message, domain, state).commands;
        clauses.read.set(message, known);
      }
      return copyCommands(known);
    }
    return this.readWithRule(message, domain, state).commands;
  }

  /** Clauses read and texts viewed while one message is read (`read`, `rankingView`); unset between messages. */
  private clauseReads:
    | {
        domain: LoadedDomain;
        state: Readonly<DialogueState>;
        read: Map<string, Command[]>;
        views: Map<string, Turn["view"]>;
      }
    | undefined;

  /** The commands for one message and the rule that produced them (`soni explain`). */
  readWithRule(message: string, domain: LoadedDomain, state: Readonly<DialogueState>): Fired {
    if (this.clauseReads) return this.readOne(message, domain, state);
    this.clauseReads = { domain, state, read: new Map(), views: new Map() };
    try {
      return this.readOne(message, domain, state);
    } finally {
      this.clauseReads = undefined;
    }
  }

  private readOne(message: string, domain: LoadedDomain, state: Readonly<DialogueState>): Fired {
    const fired = this.readAll(message, domain, state);
    const commands = fired.commands;
    // With the cancel pattern disabled nothing the user says cancels a flow: a "no" stays a no.
    if (domain.domain.patterns.cancel.enabled || !commands.some((c) => c.type === "cancel_flow")) {
      return fired;
    }
    const kept = commands.filter((c) => c.type !== "cancel_flow");
    return {
      rule: `${fired.rule} (cancel disabled)`,
      commands: kept.length > 0 ? kept : [{ type: "deny" }],
    };
  }

  private readAll(message: string, domain: LoadedDomain, state: Readonly<DialogueState>): Fired {
    const text = emojiWords(message).trim();
    if (!text) return { rule: "empty", commands: [] };
    return this.decideTurn(this.turnFor(text, domain, state));
  }

  /** What every rule reads: the message, its acts, the flow ranking and the state. */
  turnFor(text: string, domain: LoadedDomain, state: Readonly<DialogueState>): Turn {
    const model = this.prepare(domain);
    // Dialogue acts are read on typo-corrected words ("cancle" -> "cancel").
    const acts = readActs(model.analyzer.typoCorrectedText(tokenize(text)));
    return new MessageTurn(this, text, acts, model, state);
  }

  /** The rule that reads the message, in the order of docs/understanding.md ("Rules"). */
  private decideTurn(turn: Turn): Fired {
    const any = firstRule(ANY_STATE_RULES, { du: this, turn });
    if (any) return any;
    const waiting = turn.state.waiting_for;
    if (waiting?.kind === "confirm" && turn.frame) {
      return firstRule(CONFIRM_RULES, new ConfirmContext(this, turn)) ?? NOT_UNDERSTOOD;
    }
    if (waiting?.kind === "slot" && turn.frame) {
      const slot = turn.model.slots.get(waiting.slot);
      if (slot) return firstRule(SLOT_RULES, new SlotContext(this, turn, slot)) ?? NOT_UNDERSTOOD;
    }
    return firstRule(OPEN_RULES, { du: this, turn }) ?? NOT_UNDERSTOOD;
  }

  /**
   * The answer to a free-text question, with the other values said alongside ("Ana, 50 euros")
   * cut out of it. A cued free-text value of another slot ("for Acme Corp") that would leave
   * nothing for the question is the answer itself.
   */
  textAnswer(turn: Turn, slot: SlotInfo, others: Found[]): Found[] | null {
    // "la caja venía abierta y falta un libro": a value inside a clause of the answer is a word
    // of it, set for its slot but left in the text; one at an edge or set off by commas is not.
    const apart = others.filter((f) => standsApart(turn.text, f));
    const answer = turn.model.reader.answer(slot, cutOut(turn.text, apart));
    if (answer) return [withoutCueWord(turn, slot, answer), ...others];
    const typed = others.filter((f) => turn.model.slots.get(f.slot)?.kind !== "text");
    if (typed.length === others.length) return null;
    const retry = turn.model.reader.answer(slot, cutOut(turn.text, typed));
    return retry ? [withoutCueWord(turn, slot, retry), ...typed] : null;
  }

  // --- readings -----------------------------------------------------------------------------

  /** The flows a previous clarification offered, when this message picks one of them. */
  pickOffered(turn: Turn): Command[] | null {
    // A loop, not find(): this runs on every message.
    let flows: string[] | undefined;
    for (const c of turn.state.last_turn?.commands ?? []) {
      if (c.type === "clarify" && c.flows) {
        flows = c.flows;
        break;
      }
    }
    if (!flows) return null;
    const words = turn.acts.flat.split(" ");
    if (words.length <= 5) {
      for (const w of words) {
        const index = ORDINALS[w];
        if (index === undefined) continue;
        const flow = index < 0 ? flows.at(-1) : flows[index];
        if (flow) return this.startOffered(turn, flow);
      }
    }
    const ranked = turn.model.index.rankView(turn.view, flows);
    const [top, second] = ranked;
    if (top && (!second || second.score < top.score * this.limits.ambiguity)) {
      return this.startOffered(turn, top.flow);
    }
    // "high, I can't work": no flow's words, but a value only one offered flow asks for.
    const taker = onlyTaker(turn, flows);
    return taker ? this.startOffered(turn, taker) : null;
  }

  /**
   * The offered flow picked, with the values the clarified message gave it: "any shows this
   * saturday?", then "in Madrid" picking the listing, lists Madrid's shows on Saturday. What the
   * pick says itself wins over the earlier message.
   */
  private startOffered(turn: Turn, flow: string): Command[] {
    const out = this.start(turn, flow);
    const before = turn.state.last_turn?.user_message;
    if (!before) return out;
    const earlier = this.turnFor(before, turn.model.loaded, turn.state);
    const said = new Set<string>();
    for (const c of out) if (c.type === "set_slot" || c.type === "skip_slot") said.add(c.slot);
    for (const f of this.mentionsFor(earlier, flow, [], [])) {
      if (said.has(f.slot) || !fitsItsSlot(turn, f)) continue;
      said.add(f.slot);
      out.push({ type: "set_slot", slot: f.slot, value: f.value });
    }
    return out;
  }

  decide(ranked: FlowScore[], minCoverage: number): Decision {
    // A flow only a date or number matches yields to one a word of the message points at
    // ("feeding three kids tonight, can you deliver": the values fit a table, the verb a
    // delivery).
    let rank = ranked.some((r) => r.worded) ? ranked.filter((r) => r.worded) : ranked;
    // A best score from words that explain little of the message ("gigs remaining on 699 000
    // 111": the number fits a flow's placeholder) yields to a close runner-up that explains it,
    // or to one that does what the message's verb asks when the best does not ("I booked an
    // appointment but need to change the day").
    const [first, runnerUp] = rank;
    if (
      first &&
      runnerUp &&
      first.coverage < minCoverage &&
      runnerUp.coverage >= minCoverage &&
      (runnerUp.score >= first.score * this.limits.ambiguity ||
        (runnerUp.acting &&
          !first.acting &&
          !actOnlyAgainst(runnerUp, first) &&
          runnerUp.score >= first.score * RUNNER_UP_SHARE))
    ) {
      rank = [runnerUp, ...rank.slice(2)];
    } else if (
      first &&
      runnerUp &&
      first.coverage < minCoverage &&
      runnerUp.coverage < minCoverage
    ) {
      // "I sent something about the bench and it's gone quiet": the value is several flows'
      // and none of them explains more; the one flow further down, as close, that explains
      // the message is meant.
      const explaining = rank.filter(
        (r) => r.coverage >= minCoverage && r.score >= first.score * this.limits.ambiguity,
      );
      if (explaining.length === 1)
        rank = [explaining[0]!, ...rank.filter((r) => r !== first && r !== explaining[0])];
    }
    const [top, second] = rank;
    if (!top || top.score < this.limits.minScore) return null;
    const strong =
      top.score >= this.limits.strongScore &&
      top.coverage >= minCoverage / 2 &&
      (!second || second.score < top.score / 2);
    // The act and what it is done to, both of one flow that no flow near it shares the act with
    // ("pls scrap my reservation, trip is off"), state the request; the rest is why, so it needs
    // less of the message.
    // A weak task word ("yet", "instead") says the act too when no other flow does it at all.
    const others = rank.filter((r) => r !== top);
    const stated =
      top.named &&
      top.coverage >= minCoverage * STATED_SHARE &&
      (top.acting
        ? others.every((r) => !r.acting || r.score < top.score / 2)
        : !!top.hinted && others.every((r) => !r.acting && !r.hinted));
    if (top.coverage < minCoverage && !strong && !stated) return null;
    const close = rank.filter((r) => r.score >= top.score * this.limits.ambiguity);
    // Among close scores, the one flow that does what the message's verb asks ("extend my
    // reservation": change, not book) is meant; the others only share its nouns or values.
    const acting = close.filter((r) => r.acting);
    // ... with less of the message when the act and its object are both that flow's and no
    // other close flow hints at an act ("annul my appointment please, I found another clinic").
    const doer = acting.length === 1 ? acting[0]! : undefined;
    const statedDoer =
      doer?.named &&
      doer.coverage >= minCoverage * STATED_SHARE &&
      close.every((r) => r === doer || !r.hinted);
    if (close.length > 1 && doer && (doer.coverage >= minCoverage || statedDoer)) {
      return { flow: doer.flow };
    }
    // A best flow that only shares a noun ("drop our booking": "booking" is a booking flow's
    // word) yields to the one flow further down that does the asked act, if it explains enough.
    if (!top.acting) {
      const doers = rank.filter(
        (r) => r.acting && r.score >= top.score * RUNNER_UP_SHARE && !actOnlyAgainst(r, top),
      );
      // ... with less of the message when the act and its object are both that flow's and the
      // best has no phrase or act of its own ("adelantar la cita de la revisión": the value only
      // says which appointment).
      const doer = doers.length === 1 ? doers[0]! : undefined;
      const statedAct =
        doer?.named && !top.hinted && !top.phrased && doer.coverage >= minCoverage * STATED_SHARE;
      if (doer && (doer.coverage >= minCoverage || statedAct)) return { flow: doer.flow };
    }
    // Among close scores, a flow that explains clearly more of the message than every other is
    // the one meant ("push my appointment to the afternoon": the other only takes the value).
    const covering = close.filter((r) => r.coverage >= minCoverage);
    const best = covering.reduce<FlowScore | undefined>(
      (b, r) => (!b || r.coverage > b.coverage ? r : b),
      undefined,
    );
    if (
      best &&
      close.length > 1 &&
      close.every((r) => r === best || r.coverage < best.coverage * this.limits.ambiguity)
    ) {
      return { flow: best.flow };
    }
    return close.length > 1
      ? { ambiguous: close.slice(0, 3).map((r) => r.flow) }
      : { flow: top.flow };
  }

  /** `f` is a date before today for a slot that asks no past date (a trip, a booking). */
  datedBefore(turn: Turn, f: { slot: string; value: SlotValue }): boolean {
    const slot = turn.model.slots.get(f.slot);
    if (slot?.kind !== "date" || slot.past || typeof f.value !== "string") return false;
    return f.value < this.today();
  }

  /** Today as an ISO calendar date (YYYY-MM-DD), as dates are read. */
  private today(): string {
    const now = this.now();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map((n) => String(n).padStart(2, "0"))
      .join("-");
  }

  /** Whether the text has task words and every one tells what happened (`told`). */
  private onlyTold(turn: Turn, text: string, after = false): boolean {
    let told = false;
    // A reason said with it ("by accident") asks for nothing either, and nor does a part after
    // the request that only tells one ("... my neck is killing me from looking down").
    for (const t of turn.model.analyzer.features(flat(text)).tasks.values()) {
      if (t.act === STORY_ACT && !after) continue;
      if (t.act !== STORY_ACT && !t.told) return false;
      told = true;
    }
    return told;
  }

  /**
   * "my card was stolen and I need a new one": every part of the message, split at "and",
   * "then" or a full stop, clearly asks for a different flow. They start in the order said: the
   * first ends up on top of the stack, the others resume after it. Each start carries the
   * values its own part states.
   */
  severalRequests(turn: Turn): Command[] | null {
    // No place to part the message at (most messages): one part, no several requests. The
    // rewrites below only take places away.
    if (!REQUEST_SPLIT.test(turn.text)) return null;
    const long = turn.text.split(/\s+/).length >= LONG_MESSAGE_WORDS;
    // In a long story, "I borrowed money from Laura last month" tells what happened; it asks
    // for nothing.
    // "the difference between standard and premier": the pair's "and" parts nothing.
    const parts = turn.text
      .replace(ABBREVIATION, "$1 ")
      .replace(PAIR_AND, (m) => m.replace(/\S+$/, (and) => `${PAIR_MARK}${and}`))
      // "a kayak for me and my husband": the people said as a pair are one group, not two parts.
      .replace(turn.model.reader.pairInText, (m) =>
        m.replace(AND_WORD, (and) => `${PAIR_MARK}${and}`),
      )
      .split(REQUEST_SPLIT)
      .map((p) => p.replaceAll(PAIR_MARK, ""))
      .filter(
        (p) =>
          p.trim() !== "" &&
          !(long && PAST_NARRATIVE.test(p) && !turn.model.asks.test(p)) &&
          !countsTimes(p),
      );
    if (parts.length < 2 || parts.length > 3) return null;
    // "... I deleted them by accident": a part whose every task word tells what was done (a
    // past with its object, a participle after an auxiliary) asks for nothing; the other part
    // is the request, even alone.
    const asking = parts.filter((p, i) => !this.onlyTold(turn, p, i > 0));
    if (asking.length === 0) return null;
    const starts: Command[] = [];
    // Parts whose flow no task word of theirs asks for, with the slots they state.
    const unasked: Array<{ flow: string; slots: string[] }> = [];
    // Parts that state no value of their own flow, by the flow they ranked first.
    const bare: Array<{ part: string; flow: string }> = [];
    // Parts that tell of a day gone by what the other part's request is about.
    let stories = 0;
    for (const part of asking) {
      const view = this.rankingView(turn.model, part);
      const ranked = turn.model.index.rankView(view);
      const decision = this.decide(ranked, this.limits.minCoverage);
      if (!decision || !("flow" in decision) || turn.model.greetings.has(decision.flow))
        return null;
      // Nothing of these flows is asked yet: a value must fit its slot's shape, as in start().
      const found = turn.model.reader
        .mentions(
          part,
          turn.model.flowSlots.get(decision.flow) ?? [],
          turn.model.cues.get(decision.flow) ?? [],
        )
        .filter((f) => fitsItsSlot(turn, f));
      const slots = Object.fromEntries(found.map((f) => [f.slot, f.value]));
      // The same flow twice is one request ("block my card and block it now") unless each part
      // states different values: "my checking balance and my savings".
      const twice = starts.filter((c) => c.type === "start_flow" && c.flow === decision.flow);
      if (twice.length > 0 && !twice.every((c) => statesOtherChoices(turn, c, found))) return null;
      const own = ranked.find((r) => r.flow === decision.flow);
      // A part naming its flow's thing by a phrase ("order a new debit card") asks for it.
      if (found.length > 0 && !own?.acting && !own?.phrased) {
        // "yesterday I was at the Pozuelo shop and loved it, ...": values told of the past are
        // what was, no second request; the whole message is read as one.
        if (PAST_STORY.test(flat(part))) return null;
        // "viajé ayer de Barcelona a Bilbao y ... mi maleta no estaba": a trip dated before
        // today, in a slot not asked about the past, is the story of the other request, which
        // is read alone.
        if (found.some((f) => this.datedBefore(turn, f))) {
          stories++;
          continue;
        }
        unasked.push({ flow: decision.flow, slots: found.map((f) => f.slot) });
      }
      if (found.length === 0 && !own?.acting && !own?.phrased) {
        // "where's the front desk? I'm new here": a part telling what the speaker is, with no
        // value, task word, phrase or word of asking, shares one word with a flow; it asks
        // for nothing.
        const told = SELF_BEING.test(flat(part).trim()) && !turn.model.asks.test(part);
        if (told && (own?.matched?.length ?? 0) <= 1) continue;
        bare.push({ part, flow: decision.flow });
      }
      starts.push(
        found.length
          ? { type: "start_flow", flow: decision.flow, slots }
          : { type: "start_flow", flow: decision.flow },
      );
    }
    if (stories > 0) return starts.length === 1 && unasked.length === 0 ? starts : null;
    // A part that only states values another part's flow takes, with no task word or phrase of
    // its own ("change my booking to friday and stay 4 nights", "... His number is 612 345 678") gives
    // that request's details; it asks for nothing new.
    const flows = starts.flatMap((c) => (c.type === "start_flow" ? [c.flow] : []));
    const details = unasked.some((u) =>
      flows.some(
        (flow) =>
          flow !== u.flow &&
          u.slots.every((slot) =>
            (turn.model.flowSlots.get(flow) ?? []).some((s) => s.name === slot),
          ),
      ),
    );
    // "how do I unlock my sim? the last 4 digits are 2290": a part that states none of its own
    // flow's values but values another part's flow takes gives that request's details.
    const given = bare.some(({ part, flow: own }) =>
      flows.some(
        (flow) =>
          flow !== own &&
          turn.model.reader.mentions(
            part,
            turn.model.flowSlots.get(flow) ?? [],
            turn.model.cues.get(flow) ?? [],
          ).length > 0,
      ),
    );
    if (details || given) return null;
    // "has the flight from Madrid landed? it's BW214": no part asks by a task word or phrase,
    // each only gives values, and the whole message is plainly one of the parts' requests.
    if (unasked.length === starts.length && new Set(flows).size === flows.length) {
      const whole = this.decide(turn.rank, this.limits.minCoverage);
      if (whole && "flow" in whole && flows.includes(whole.flow)) return null;
    }
    return starts.reverse();
  }

  /**
   * "both" / "all my accounts" to "Which account?": the flow runs once per choice, as for "my
   * checking balance and my savings". The first start continues the waiting frame, the others
   * stack above it in reverse so they run in the order the choices are listed. Only for flows
   * that ask nothing but choices (lookups): a transfer from "both" accounts is not two transfers.
   */
  everyChoice(turn: Turn, slot: SlotInfo): Command[] | null {
    const frame = turn.frame!;
    const choices = slot.def.choices ?? [];
    if (slot.kind !== "choice" || choices.length < 2 || !EVERY_CHOICE.test(turn.acts.flat)) {
      return null;
    }
    const asked = turn.model.flowSlots.get(frame.flow) ?? [];
    if (!asked.some((s) => s.name === slot.name) || asked.some((s) => s.kind !== "choice")) {
      return null;
    }
    const filled = Object.fromEntries(
      asked.flatMap((s) => {
        const value = frame.slots[s.name] ?? null;
        return value === null ? [] : [[s.name, value] as const];
      }),
    );
    return choices
      .map(
        (choice): Command => ({
          type: "start_flow",
          flow: frame.flow,
          slots: { ...filled, [slot.name]: choice },
        }),
      )
      .reverse();
  }

  /**
   * "investment" when asked "checking or savings?": a choice of a sibling slot (one sharing
   * choices with the asked one) said on its own is a wrong answer, not a request. It is sent
   * as the answer, so the DM says which choices are allowed instead of starting another flow.
   */
  disallowedChoice(turn: Turn, slot: SlotInfo): string | null {
    if (slot.kind !== "choice" || turn.model.reader.answer(slot, turn.text)) return null;
    if (REQUEST_CUES.test(turn.acts.flat)) return null;
    const allowed = new Set((slot.def.choices ?? []).map(String));
    for (const other of turn.model.slots.values()) {
      if (other === slot || other.kind !== "choice" || other.def.internal) continue;
      const choices = (other.def.choices ?? []).map(String);
      if (!choices.some((c) => allowed.has(c))) continue;
      const found = turn.model.reader.answer(other, turn.text);
      if (!found || allowed.has(String(found.value))) continue;
      const own = new Set(other.keys.flat());
      const rest = turn.text.slice(0, found.start) + turn.text.slice(found.end);
      const extra = tokenize(rest).filter(
        (t) => !STOP_WORDS.has(t.norm) && !PHRASE_BREAKS.has(t.norm) && !own.has(stem(t.norm)),
      );
      if (extra.length === 0) return String(found.value);
    }
    return null;
  }

  /** Another flow, asked for clearly enough to interrupt the one waiting for an answer. */
  digression(turn: Turn): Command[] | null {
    // Several rules ask (a question aside, the digression itself, a pause): read once per turn.
    if (turn.digressed === undefined) turn.digressed = this.readDigression(turn);
    return turn.digressed;
  }

  private readDigression(turn: Turn): Command[] | null {
    let decision = this.decide(turn.rank, this.limits.digressionCoverage);
    // "forget that, I want a refund on ...": the cancel phrase in front says the request
    // replaces the running flow; it is no part of the request, so the rest is read alone.
    if (!decision || !("flow" in decision)) {
      const rest = this.afterCancel(turn);
      if (rest === null) return null;
      const view = this.rankingView(turn.model, rest);
      decision = this.decide(turn.model.index.rankView(view), this.limits.digressionCoverage);
    }
    if (!decision || !("flow" in decision)) return null;
    if (decision.flow === turn.frame?.flow) return null;
    if (turn.model.loaded.domain.flows[decision.flow]?.internal) return null;
    if (turn.model.greetings.has(decision.flow) || turn.acts.greeting) return null;
    return this.start(turn, decision.flow);
  }

  /**
   * "déjalo, ya llamo yo otro día", "forget it, maybe another time": a change of plan whose only
   * words of another flow are a deferral (pack `deferrals`): read without it, the message asks
   * for no flow, so it only stops this one.
   */
  deferredOnly(turn: Turn): boolean {
    DEFERRALS.lastIndex = 0;
    if (!DEFERRALS.test(turn.acts.flat)) return false;
    const rest = turn.acts.flat.replace(DEFERRALS, " ");
    const view = this.rankingView(turn.model, rest);
    const ranked = turn.model.index.rank(view.text, view.markers);
    // "never mind, I'll move it to another day": a verb of another flow's act still asks for it.
    if (ranked.some((r) => r.acting && r.flow !== turn.frame?.flow)) return false;
    const decision = this.decide(ranked, this.limits.digressionCoverage);
    return !decision || !("flow" in decision) || decision.flow === turn.frame?.flow;
  }

  /**
   * "TK-550217" while a purchase asks the date: a value only other flows take, when no one of
   * them is clearly meant. Their scores are close (the rule of first messages), or no word of
   * the message points at any and several take every value it holds: the flows to ask among.
   * Null when one flow is clearly meant (or none is asked for).
   */
  digressionChoices(turn: Turn): string[] | null {
    const frame = turn.frame;
    if (!frame || !this.valueOfOtherFlow(turn)) return null;
    const { loaded, greetings } = turn.model;
    const open = turn.rank.filter(
      (r) =>
        r.flow !== frame.flow && !loaded.domain.flows[r.flow]?.internal && !greetings.has(r.flow),
    );
    const decision = this.decide(open, this.limits.digressionCoverage);
    if (decision && "ambiguous" in decision) return decision.ambiguous;
    if (!decision) return null;
    // A word of some flow ("refund", "status") tells which; a code's marker does not.
    const { analyzer, index } = turn.model;
    const words = analyzer.features(turn.view.text).features;
    if (words.some((f) => !f.startsWith("@") && index.knows(f))) return null;
    const slotsOf = (flow: string) =>
      new Set(this.mentionsFor(turn, flow, [], []).map((f) => f.slot));
    const said = slotsOf(decision.flow);
    if (said.size === 0) return null;
    const taking = open.filter((r) => {
      const theirs = r.flow === decision.flow ? said : slotsOf(r.flow);
      return [...said].every((slot) => theirs.has(slot));
    });
    return taking.length > 1 ? taking.slice(0, 3).map((r) => r.flow) : null;
  }

  /**
   * "wait, how much do I have in savings?": a question another flow answers is asked on the way,
   * even when it names a value this flow holds; corrections are statements ("from savings").
   * Only a "?" (no question word) leaves a typed answer to the pending question the winner.
   */
  questionAside(turn: Turn, pending: SlotInfo | null): Command[] | null {
    const body = turn.acts.flat.replace(ASIDE_OPENERS, "");
    const worded = QUESTION_START.test(body);
    if (!worded && !turn.text.includes("?")) return null;
    const digression = this.digression(turn);
    if (!digression || this.replacesFlow(turn)) return null;
    if (
      !worded &&
      pending &&
      pending.kind !== "text" &&
      turn.model.reader.answer(pending, turn.text)
    )
      return null;
    // "what about savings?", "could it come from savings?" only propose a value of this flow:
    // without that value, the question must still ask for the other flow ("how much do I have").
    const frame = turn.frame!;
    const values = turn.model.reader.mentions(
      turn.text,
      (turn.model.flowSlots.get(frame.flow) ?? []).filter((s) => s.kind !== "text"),
      turn.model.cues.get(frame.flow) ?? [],
    );
    // "can we do the 21st instead?": a new value for a slot this flow holds, said as a change
    // (not only opened by "wait"), corrects this flow; the question asks for no other.
    // So does a value the other flow would take, of the kind of a slot this flow holds with
    // another value ("can I change the date to the 11th?" while a booking holds the 10th).
    const target = digression.find((c) => c.type === "start_flow");
    const given = digression.flatMap((c) =>
      c.type === "set_slot"
        ? [[c.slot, c.value] as const]
        : c.type === "start_flow"
          ? Object.entries(c.slots ?? {})
          : [],
    );
    const own = turn.model.flowSlots.get(frame.flow) ?? [];
    if (
      CORRECTION_PHRASES.test(turn.acts.flat) &&
      [...values.map((f) => [f.slot, f.value] as const), ...given].some(([slot, value]) => {
        const kind = turn.model.slots.get(slot)?.kind;
        return own.some((s) => {
          const held = frame.slots[s.name] ?? null;
          return (
            (s.name === slot || (s.kind === kind && kind !== "text")) &&
            held !== null &&
            !sameValue(value, held)
          );
        });
      })
    )
      return null;
    let rest = turn.text;
    for (const f of [...values].sort((a, b) => b.start - a.start)) {
      rest = rest.slice(0, f.start) + rest.slice(f.end);
    }
    const decision = this.decide(turn.model.index.rank(rest), this.limits.digressionCoverage);
    return decision && "flow" in decision && decision.flow === target?.flow ? digression : null;
  }

  /**
   * "Peter Walsh" while asked the IBAN of "my neighbour": the person's name replaces the relation
   * phrase (the question is then asked with the name); the IBAN is still to come.
   */
  nameForRelation(turn: Turn, pending: SlotInfo): Found | null {
    if (pending.kind === "text") return null;
    const frame = turn.frame!;
    const said = turn.text
      .trim()
      .replace(/[.!]+$/, "")
      .replace(NAME_IS_LEAD, "");
    if (!PROPER_NAME.test(said)) return null;
    const slot = (turn.model.flowSlots.get(frame.flow) ?? []).find((s) => {
      const v = frame.slots[s.name];
      return s.nameLike && typeof v === "string" && RELATION_VALUE.test(v);
    });
    const found = slot ? turn.model.reader.answer(slot, said) : null;
    return found && !RELATION_VALUE.test(String(found.value)) ? found : null;
  }

  /**
   * "1234" while asked "debit or credit?": a bare value only another empty slot of the flow
   * takes (a code, an IBAN) is kept for later; the pending question is asked again.
   */
  bareOther(turn: Turn, pending: SlotInfo): Found | null {
    const frame = turn.frame!;
    if (!/\d/.test(turn.text)) return this.bareName(turn, pending);
    const hits: Found[] = [];
    for (const s of turn.model.flowSlots.get(frame.flow) ?? []) {
      if (s === pending || (frame.slots[s.name] ?? null) !== null) continue;
      if (s.kind !== "code" && s.kind !== "iban") continue;
      if (s.kind === "iban" && findIbans(turn.text).length !== 1) continue;
      const found = turn.model.reader.answer(s, turn.text);
      // Not asked, so it must be the slot's value as it is: "4" is no email-or-phone.
      if (!found || !turn.model.reader.fits(s, found.value)) continue;
      const rest = turn.text.slice(0, found.start) + turn.text.slice(found.end);
      if (tokenize(rest).every((t) => STOP_WORDS.has(t.norm))) hits.push(found);
    }
    return hits.length === 1 ? hits[0]! : null;
  }

  /**
   * "Jane Doe" while asked the day, the name being asked next: a message that is only a
   * full name (two to four capitalised words the domain does not know) is kept for the flow's
   * one empty name slot, as a code is.
   */
  private bareName(turn: Turn, pending: SlotInfo): Found | null {
    const frame = turn.frame!;
    if (pending.kind === "text" || !FULL_NAME_ALONE.test(turn.text)) return null;
    const tokens = tokenize(turn.text);
    if (tokens.some((t) => turn.model.analyzer.knows(t.norm) || STOP_WORDS.has(t.norm)))
      return null;
    const names = (turn.model.flowSlots.get(frame.flow) ?? []).filter(
      (s) => s !== pending && s.nameLike && (frame.slots[s.name] ?? null) === null,
    );
    if (names.length !== 1) return null;
    const found = turn.model.reader.answer(names[0]!, turn.text);
    return found && typeof found.value === "string" && found.value.trim() !== "" ? found : null;
  }

  /**
   * "what was the transaction id?": a question whose words are all in the assistant's last
   * messages is answered by saying them again.
   */
  recalls(turn: Turn): boolean {
    const m = RECALL_QUESTION.exec(turn.acts.flat);
    const term = m?.groups?.term ?? m?.groups?.again;
    const said = turn.state.last_turn?.messages;
    if (!term || !said?.length) return false;
    const last = ` ${flat(said.join(" "))} `;
    const words = term.split(" ").filter((w) => !STOP_WORDS.has(w));
    return words.length > 0 && words.every((w) => last.includes(` ${w} `));
  }

  /**
   * A request that replaces the running flow rather than interrupting it: opened by a cancel
   * phrase ("forget it, ...") or said as a change of mind ("instead", "actually I want ...").
   */
  replacesFlow(turn: Turn): boolean {
    // A question ("actually, what's my balance?") is asked on the way, not a change of plan.
    return (turn.acts.switches && !turn.text.includes("?")) || this.opensWithCancel(turn);
  }

  /**
   * A message that is only a value for a slot already filled (not the one asked), when exactly
   * one filled slot of the flow takes values of that type: "1,500.50" while asked the source
   * account corrects the amount.
   */
  bareCorrection(turn: Turn, pending: SlotInfo, repeated = false): Found | null {
    const frame = turn.frame!;
    const hits: Found[] = [];
    // With `repeated`, a value said again is found too ("ES91 ..." twice): it changes nothing.
    const kinds: SlotInfo["kind"][] = repeated
      ? ["iban", "number"]
      : ["iban", "number", "choice", "date"];
    for (const s of turn.model.flowSlots.get(frame.flow) ?? []) {
      if (s === pending || !kinds.includes(s.kind)) continue;
      if ((frame.slots[s.name] ?? null) === null) continue;
      // An answer to an IBAN question is read loosely (for the validator); here it must be one.
      if (s.kind === "iban" && findIbans(turn.text).length !== 1) continue;
      const found = turn.model.reader.answer(s, turn.text);
      if (!found || (!repeated && sameValue(found.value, frame.slots[s.name]))) continue;
      const rest = turn.text.slice(0, found.start) + turn.text.slice(found.end);
      const words = tokenize(rest).filter((t) => !STOP_WORDS.has(t.norm));
      if (words.length === 0) hits.push(found);
    }
    return hits.length === 1 ? hits[0]! : null;
  }

  /**
   * A message that is only a value of another slot of the flow, while a free-text question is
   * asked: "from savings" (a choice after a preposition, for an empty or a filled slot), or
   * "afternoon" / "tomorrow" asked the patient's name (a choice or date of a slot not given
   * yet). Exactly one other slot may take it.
   */
  cuedChoice(turn: Turn, pending: SlotInfo): Found | null {
    const frame = turn.frame!;
    const tokens = tokenize(turn.text);
    if (!tokens.length) return null;
    const cued = PHRASE_BREAKS.has(tokens[0]!.norm);
    const hits: Found[] = [];
    const cueText = this.cuedText(turn, pending, tokens[0]!.norm);
    if (cueText) return cueText;
    for (const s of turn.model.flowSlots.get(frame.flow) ?? []) {
      if (s === pending || (s.kind !== "choice" && s.kind !== "date")) continue;
      const empty = (frame.slots[s.name] ?? null) === null;
      if (!empty && (s.kind === "date" || !cued)) continue;
      const found = turn.model.reader.answer(s, turn.text);
      if (!found) continue;
      // Only the slot's own name ("account") may be said besides the value.
      const own = new Set(s.keys.flat());
      const rest = turn.text.slice(0, found.start) + turn.text.slice(found.end);
      const only = tokenize(rest).every(
        (t) => STOP_WORDS.has(t.norm) || FILLERS.has(t.norm) || own.has(stem(t.norm)),
      );
      if (only) hits.push(found);
    }
    return hits.length === 1 ? hits[0]! : null;
  }

  /**
   * "from my checking" asked who gets the money: an answer that opens with the preposition
   * another empty free-text slot's value follows (its question: "From which account?"), a word
   * that leads to no value of the slot asked, is that other slot's value. Only one slot may
   * have the cue; the asked slot's own cue ("to Ana" asked the recipient) keeps the answer.
   */
  private cuedText(turn: Turn, pending: SlotInfo, first: string): Found | null {
    const frame = turn.frame!;
    if (!PREPOSITIONS.has(first)) return null;
    const key = turn.model.analyzer.key(first);
    const cues = (turn.model.cues.get(frame.flow) ?? []).filter(
      (c) => c.before === key && !c.after,
    );
    if (cues.some((c) => c.slot === pending.name)) return null;
    const slots = (turn.model.flowSlots.get(frame.flow) ?? []).filter(
      (s) =>
        s !== pending &&
        s.kind === "text" &&
        (frame.slots[s.name] ?? null) === null &&
        cues.some((c) => c.slot === s.name),
    );
    if (slots.length !== 1) return null;
    const found = turn.model.reader.answer(slots[0]!, turn.text);
    return found ? withoutCueWord(turn, slots[0]!, found) : null;
  }

  /** The message starts with a cancel phrase ("forget it, ...", "no, cancel that and ..."). */
  opensWithCancel(turn: Turn): boolean {
    const phrase = turn.acts.cancelMentioned;
    if (!phrase) return false;
    const flat = turn.acts.flat.replace(CANCEL_OPENER, "");
    if (!flat.startsWith(`${phrase} `)) return false;
    // Spanish "para" (stop / for) opens a cancel only set off by a stop ("para, para, que me
    // equivoqué"): "para mi hermana Lucía" names whom something is for.
    if (!AMBIGUOUS_CANCEL.has(phrase)) return true;
    const text = fold(turn.text);
    const at = text.indexOf(phrase);
    return at >= 0 && /^\s*[,.!;]/.test(text.slice(at + phrase.length));
  }

  /**
   * What follows a cancel phrase that opens the message, when it asks for something ("forget
   * that, I want a refund"); else null.
   */
  afterCancel(turn: Turn): string | null {
    if (!this.opensWithCancel(turn)) return null;
    const phrase = turn.acts.cancelMentioned!;
    // The flat text is the tokens' folded forms: the phrase opens it, or follows one opener.
    const at = turn.acts.flat.startsWith(`${phrase} `) ? 0 : 1;
    const next = tokenize(turn.text)[at + phrase.split(" ").length];
    if (!next) return null;
    const rest = turn.text.slice(next.start);
    return turn.model.asks.test(flat(rest)) ? rest : null;
  }

  /**
   * A message that is one code token, alone or with function words only ("oh wait it's
   * 23250"), for the one filled code slot of the flow it fits and differs from: five digits
   * do not fit a code of two letters and six digits, so of two filled codes one is meant.
   */
  bareCode(turn: Turn): Found | null {
    const frame = turn.frame!;
    const tokens = findCodes(turn.text);
    if (tokens.length !== 1) return null;
    const code = tokens[0]!;
    if (turn.text.trim().replace(/[.!]+$/, "") !== code.value) {
      const rest = `${turn.text.slice(0, code.start)} ${turn.text.slice(code.end)}`;
      if (!tokenize(rest).every((t) => STOP_WORDS.has(t.norm) || FILLERS.has(t.norm))) return null;
    }
    const fitting: Found[] = [];
    for (const slot of this.codeSlotsFilled(turn)) {
      const found = turn.model.reader.answer(slot, code.value);
      if (found && turn.model.reader.fits(slot, found.value)) fitting.push(found);
    }
    const [only] = fitting;
    return fitting.length === 1 && !sameValue(only!.value, frame.slots[only!.slot])
      ? { ...only!, start: code.start, end: code.end }
      : null;
  }

  /** The flow's code slots that hold a value. */
  private codeSlotsFilled(turn: Turn): SlotInfo[] {
    const frame = turn.frame!;
    return (turn.model.flowSlots.get(frame.flow) ?? []).filter(
      (s) => s.kind === "code" && (frame.slots[s.name] ?? null) !== null,
    );
  }

  /**
   * "first I need to cancel HB-123456" while a booking asks for the nights: the message holds a
   * value only other flows take, and the best of them is the one it asks for, so what it
   * cancels (or changes, or looks up) is that flow's thing, not the running one.
   */
  valueOfOtherFlow(turn: Turn): boolean {
    const frame = turn.frame;
    const [top] = turn.rank;
    if (!frame || !top || top.flow === frame.flow) return false;
    const own = new Set((turn.model.flowSlots.get(frame.flow) ?? []).map((s) => `@${s.name}`));
    const theirs = new Set((turn.model.flowSlots.get(top.flow) ?? []).map((s) => `@${s.name}`));
    return turn.view.markers.some(
      (group) => group.some((m) => theirs.has(m)) && !group.some((m) => own.has(m)),
    );
  }

  /**
   * "cancel the transfer", "I don't want to send it anymore": a cancel phrase whose other words
   * only talk about the active flow (or about nothing).
   */
  cancelsActive(turn: Turn): boolean {
    const phrase = turn.acts.cancelMentioned;
    if (!phrase || !turn.frame) return false;
    // Spanish "para" (stop / for) and "deja" (leave / let) cancel only on their own:
    // "para el alquiler" is a transfer concept.
    if (AMBIGUOUS_CANCEL.has(phrase)) return false;
    const rest = ` ${turn.acts.flat} `.replace(` ${phrase} `, " ").trim();
    // "forget it, I'll call another day": what the speaker will do, with a verb of no act.
    const lead = SELF_FUTURE.find((l) => rest.startsWith(`${l} `));
    const doing = turn.model.analyzer.terms(lead ? rest.slice(lead.length + 1) : rest)[0];
    // "olvídalo, ya lo mando otro día": a reason after the cancel, unless it opens on a verb of
    // an act ("never mind, I'll move it to another day" asks for the move).
    if (doing?.act === undefined && cancelThenReason(turn.text)) return true;
    if (this.valueOfOtherFlow(turn)) return false;
    if (this.changesValue(turn)) return false;
    // "I need to cancel my other lesson first": a thing set apart from the one at hand ("I'll
    // come another day" puts off this one).
    if (
      rest
        .replace(DEFERRALS, " ")
        .split(" ")
        .some((w) => OTHER_WORDS.has(w))
    )
      return false;
    const terms = turn.model.analyzer.terms(rest);
    if (terms.length === 0) return true;
    if (lead && doing?.act === undefined) return true;
    // A flow that cancels matches the rest ("the order") only by the thing it cancels; when
    // the running flow is as close as any other to the rest, its thing is the one meant
    // ("cancel the order" while ordering stops this order).
    const active = turn.frame.flow;
    const ranked = turn.model.index
      .rank(rest)
      .filter((r) => r.flow === active || !turn.model.index.actsOf(r.flow).has("cancel"));
    if (ranked.length === 0) return terms.length <= 2;
    const top = ranked[0]!.score;
    return ranked.some((r) => r.flow === active && r.score >= top * this.limits.ambiguity);
  }

  /**
   * "forget the lesson, I'd rather rent a board": a change of plan whose clauses after
   * the one cancelling ask for another flow: that flow, started once the running one is dropped.
   */
  flowAfterCancel(turn: Turn): string | null {
    const phrase = turn.acts.cancelMentioned;
    if (!phrase || !turn.frame || !turn.acts.switches || turn.text.includes("?")) return null;
    const clauses = turn.text.split(/[,;.!]+/).map((c) => flat(c));
    const at = clauses.findIndex((c) => ` ${c} `.includes(` ${phrase} `));
    const after = clauses
      .slice(at + 1)
      .filter((c) => c.length > 0)
      .join(" ");
    if (at < 0 || after.length === 0) return null;
    const decision = this.decide(turn.model.index.rank(after), this.limits.digressionCoverage);
    return decision && "flow" in decision && decision.flow !== turn.frame.flow
      ? decision.flow
      : null;
  }

  /**
   * "I changed my mind about the size, small", "I don't want large anymore, make it small": a
   * cancel phrase about one value, with a new value for the running flow and the slot named or
   * a correction cue, changes that value; the flow goes on.
   */
  changesValue(turn: Turn): boolean {
    const frame = turn.frame!;
    if (!turn.acts.correction && !this.namedSlot(turn, frame.flow)) return false;
    const typed = (turn.model.flowSlots.get(frame.flow) ?? []).filter((s) => s.kind !== "text");
    return turn.model.reader
      .mentions(turn.text, typed, turn.model.cues.get(frame.flow) ?? [])
      .some((f) => !sameValue(f.value, frame.slots[f.slot]));
  }

  /**
   * Explicit corrections: "actually make it 200", "no, the savings account", "change the amount to
   * 300", "sorry, I meant Pedro". A value for the question being asked is a plain answer
   * (set_slot); a new value for a slot already filled is a correction (correct_slot).
   */
  correction(turn: Turn, pending: SlotInfo | null): Command[] | null {
    const { acts } = turn;
    const frame = turn.frame!;
    const slots = turn.model.flowSlots.get(frame.flow) ?? [];
    const named = this.namedSlot(turn, frame.flow);
    const marked = acts.correction || acts.denyLead || acts.deny;
    // "change the amount to 120 and the concept to dinner": one named value per part.
    const pairs = this.namedPairs(turn, frame.flow);
    if (pairs) return this.setSlots(turn, pairs, pending);
    // "not Tom, Tim": naming the value held is correction enough, whatever is being asked.
    const swapped = this.notInstead(turn, slots);
    if (swapped)
      return [
        ...this.setSlots(turn, [swapped], pending),
        ...this.answerAfter(turn, turn.text.slice(swapped.after), pending, [swapped]),
      ];
    if (!marked && !named) return null;
    // "no internet since monday" asked which service fails: a leading "no" beside an empty slot
    // named with its value ("since monday") takes back nothing held, so it corrects nothing;
    // the answer rule reads both values.
    if (
      named &&
      !acts.correction &&
      !acts.deny &&
      pending !== null &&
      named.slot !== pending &&
      !isFilled(frame, named.slot)
    )
      return null;

    // An empty slot named beside the answer ("april 2, 3 nights" asked the date) is no
    // correction: the answer rule reads both.
    const extra = named && !marked && pending !== null && !isFilled(frame, named.slot);
    if (named && !extra && (marked || pending === null || named.slot !== pending)) {
      // "the amount is 600 not 60": the old value after "not" is no part of the new one.
      let rest = turn.text
        .slice(named.end)
        .replace(VALUE_LEAD, "")
        .replace(/^[\s,;]+/, "")
        .replace(NOT_OLD_TAIL, "");
      // "the address is wrong, it's Gran Via 22": the judgement before the new value goes.
      const clause = rest.search(/[,.;:!]\s/);
      if (clause > 0 && faultsValue(rest.slice(0, clause))) rest = rest.slice(clause + 1);
      // "wrong address, it's Gran Via 22": what follows the faulted name is the new value.
      rest = rest.trimStart().replace(IT_IS, "");
      // "the name is correct" judges the value; it states none.
      const found = onlyJudgement(rest) ? null : turn.model.reader.answer(named.slot, rest);
      if (found && !sameValue(found.value, frame.slots[named.slot.name])) {
        return this.setSlots(turn, [found], pending);
      }
      // "(oh wait,) 5 nights" asked the guests: the number before the word naming a filled
      // number slot is that slot's new value.
      if (named.slot.kind === "number" && pending !== named.slot) {
        const unit = turn.model.reader
          .mentions(turn.text, [named.slot], turn.model.cues.get(frame.flow) ?? [])
          .find((f) => f.slot === named.slot.name);
        if (unit && !sameValue(unit.value, frame.slots[named.slot.name])) {
          return this.setSlots(turn, [unit], pending);
        }
      }
      if (!marked) return null;
    }
    if (!marked) return null;
    // Without a slot name, the value's type says which slot it is for.
    const body = this.withoutFaults(turn, this.stripOpeners(turn.text), slots);
    const candidates = slots.filter((s) => isFilled(frame, s) || s === pending);
    const cues = turn.model.cues.get(frame.flow) ?? [];
    const typed = turn.model.reader.mentions(
      body,
      candidates.filter((s) => s.kind !== "text"),
      cues,
    );
    const changed = typed.filter((f) => !sameValue(f.value, frame.slots[f.slot]));
    // "make it 150 and from checking": a plain number beside other values is the amount when
    // the flow has one number slot.
    const numberSlots = candidates.filter((s) => s.kind === "number");
    if (
      changed.length &&
      numberSlots.length === 1 &&
      !typed.some((f) => f.slot === numberSlots[0]!.name)
    ) {
      const free = turn.model.reader
        .numbers(body)
        .filter((n) => !typed.some((f) => f.start < n.end && n.start < f.end));
      if (free.length === 1 && !sameValue(free[0]!.value, frame.slots[numberSlots[0]!.name])) {
        changed.push({
          slot: numberSlots[0]!.name,
          value: free[0]!.value,
          start: free[0]!.start,
          end: free[0]!.end,
        });
      }
    }
    // "no wait, it's for Tim": a name said as a correction is about the person, even in the
    // place a cue ("for") gives another free-text slot (the concept).
    const nameSlot = slots.find((s) => s.nameLike && isFilled(frame, s));
    const textCued = turn.model.reader
      .mentions(
        body,
        slots.filter((s) => s.kind === "text" && (isFilled(frame, s) || s === pending || nameSlot)),
        cues.filter((c) => c.before !== null),
      )
      .map((f) =>
        nameSlot && f.slot !== nameSlot.name && PROPER_NAME.test(String(f.value))
          ? { ...f, slot: nameSlot.name }
          : f,
      )
      .filter(
        (f) =>
          candidates.some((s) => s.name === f.slot) && !sameValue(f.value, frame.slots[f.slot]),
      );
    const all = [...changed, ...textCued];
    if (all.length) {
      const end = Math.max(...all.map((f) => f.end));
      return [
        ...this.setSlots(turn, all, pending),
        ...this.answerAfter(turn, body.slice(end), pending, all),
      ];
    }
    // "sorry, it's 482913" while the code is asked: the answer, corrected, not another slot.
    // (IBANs and codes read loosely, so only with digits: "no idea" is no IBAN.)
    // An IBAN must look like one here: "no wait, 600" corrects the amount, not the IBAN.
    const typedValue =
      pending?.kind === "iban"
        ? findIbans(body).length === 1
        : pending?.kind === "code"
          ? /\d/.test(body)
          : true;
    if (pending && pending.kind !== "text" && typedValue) {
      const found = turn.model.reader.answer(pending, body);
      if (found) return this.setSlots(turn, [found], pending);
    }
    // A bare number or choice for the only slot that can take it ("actually 300").
    for (const kind of ["number", "choice", "date"] as const) {
      const ofKind = candidates.filter((s) => s.kind === kind);
      if (ofKind.length !== 1) continue;
      const found = turn.model.reader.answer(ofKind[0]!, body);
      if (found && !sameValue(found.value, frame.slots[found.slot])) {
        return this.setSlots(turn, [found], pending);
      }
    }
    const text = this.correctedText(turn, body, slots, pending);
    if (text) return this.setSlots(turn, [text], pending);
    // "oops, it's Calle Sol 13, Granada" while another slot is asked: an address (words and a
    // number) said as a correction is the flow's only filled address.
    const addresses = slots.filter((s) => s.address && isFilled(frame, s) && s !== pending);
    if (addresses.length === 1 && pending?.address !== true) {
      const found = turn.model.reader.answer(addresses[0]!, body);
      const value = String(found?.value ?? "");
      if (
        found &&
        /\d/.test(value) &&
        /\p{L}{2}/u.test(value) &&
        !sameValue(found.value, frame.slots[found.slot])
      ) {
        return this.setSlots(turn, [found], pending);
      }
    }
    // "actually, let me check my savings balance" is a request, not the corrected answer.
    if (
      pending &&
      pending.kind === "text" &&
      acts.correction &&
      body.trim() &&
      !this.digression(turn)
    ) {
      const found = turn.model.reader.answer(pending, body);
      if (found) return this.setSlots(turn, [found], pending);
    }
    return null;
  }

  /**
   * "actually make it London", "sorry, the city is Porto" while another slot is asked or at the
   * confirmation: a short value said as a correction is a filled free-text slot's new value
   * when "the <word of its question> is" names that slot, or when the flow has only one such
   * slot and the value stands alone (a capitalised name, or after "make it" / "I meant"). Not
   * while a free-text slot is asked (the answer rule reads the message), and never a question
   * or a request.
   */
  correctedText(
    turn: Turn,
    body: string,
    slots: readonly SlotInfo[],
    pending: SlotInfo | null,
  ): Found | null {
    const frame = turn.frame!;
    if (!turn.acts.correction || pending?.kind === "text" || /[?]/.test(turn.text)) return null;
    const texts = slots.filter(
      (s) => s.kind === "text" && !s.address && s !== pending && isFilled(frame, s),
    );
    if (texts.length === 0) return null;
    const value = body.trim().replace(/[.!]+$/, "");
    let slot: SlotInfo | undefined;
    let said = value;
    // "the city is Porto": a noun of the slot's question names it.
    const m = STATEMENT.exec(value);
    if (m) {
      const noun = stem(m[1]!.toLowerCase());
      const asking = texts.filter((s) => this.questionNouns(turn, frame.flow, s).has(noun));
      if (asking.length !== 1) return null;
      slot = asking[0]!;
      said = m[2]!;
    } else if (texts.length === 1) {
      const cued = RESTATE_CUE.test(turn.text);
      if (!cued && !PROPER_NAME.test(value)) return null;
      slot = texts[0]!;
    } else {
      return null;
    }
    const words = tokenize(said);
    if (words.length === 0 || words.length > 3 || /\d/.test(said)) return null;
    // A word the domain's flows use ("cancel", "balance") makes it a request, not a value.
    if (
      words.some(
        (w) => !STOP_WORDS.has(w.norm) && turn.model.index.knows(turn.model.analyzer.key(w.norm)),
      )
    ) {
      return null;
    }
    if (this.digression(turn)) return null;
    const found = turn.model.reader.answer(slot, said);
    return found && !sameValue(found.value, frame.slots[slot.name]) ? found : null;
  }

  /** The nouns of the questions that ask `slot` in `flow` ("city" of "Which city?"), stemmed. */
  private questionNouns(turn: Turn, flow: string, slot: SlotInfo): Set<string> {
    const asked = [slot.def.prompt, ...(turn.model.stepPrompts.get(flow)?.get(slot.name) ?? [])];
    const out = new Set<string>();
    for (const q of asked) {
      for (const t of tokenize(q ?? "")) {
        if (!STOP_WORDS.has(t.norm) && /^\p{L}{3,}$/u.test(t.norm)) out.add(stem(t.norm));
      }
    }
    return out;
  }

  /**
   * A correction without the clauses that only fault what was said before: "wrong number, it's
   * Gran Via 22" (a short judgement in front), "make it friday, tomorrow won't work" (the held
   * value, negated). Left in, they read as part of the new value or as a second value.
   */
  withoutFaults(turn: Turn, body: string, slots: readonly SlotInfo[]): string {
    const frame = turn.frame!;
    let text = body;
    // A leading judgement of a few words with no value in it ("wrong number", "that's wrong").
    for (let i = 0; i < 2; i++) {
      const cut = text.search(/[,.;:!]\s/);
      if (cut < 0) break;
      const words = flat(text.slice(0, cut)).split(" ").filter(Boolean);
      if (words.length > FAULT_WORDS || /\d/.test(text.slice(0, cut))) break;
      if (!words.some((w) => FAULTS.has(w))) break;
      text = text.slice(cut + 1).trimStart();
    }
    text = text.replace(IT_IS, "");
    // A clause naming the value a typed slot holds is about the old value ("tomorrow won't
    // work", "tomorrow is impossible"): a correction says it only to take it back.
    const clauses = [...text.matchAll(CLAUSE)];
    if (clauses.length < 2) return text;
    const held = slots.filter((s) => s.kind !== "text" && isFilled(frame, s));
    const kept = clauses.filter((m) => {
      const clause = m[1]!;
      return !held.some((s) => {
        const found = turn.model.reader.answer(s, clause);
        return found !== null && sameValue(found.value, frame.slots[s.name]);
      });
    });
    return kept.length > 0 && kept.length < clauses.length
      ? kept.map((m) => m[1]!.trim()).join(", ")
      : text;
  }

  /** "Pedro, not Ana" / "not Ana, Pedro": the slot now holding "Ana" gets "Pedro". */
  notInstead(turn: Turn, slots: SlotInfo[]): (Found & { after: number }) | null {
    const frame = turn.frame!;
    const body = this.stripOpeners(turn.text).replace(/[.!]+$/, "");
    // Both "not" patterns need one of their words: most messages have none, and the first
    // pattern tries every split of a long message.
    const negates = NOT_INSTEAD_WORDS.test(body);
    const m =
      (negates ? NEW_NOT_OLD.exec(body) : null) ??
      (negates ? NOT_FIRST.exec(body) : null) ??
      // "actually no ham, mushrooms instead": "no" (taken for an opener above) right before the
      // held value, the new one after the comma.
      this.noThenNew(turn.text) ??
      // "swap the ham for pineapple": the same, the old value named first.
      SWAP_VALUE.map((r) => r.exec(body)).find((x) => x !== null);
    if (!m?.groups) return null;
    const { old: oldText, new: newText } = m.groups as { old: string; new: string };
    const old = fold(oldText).replace(OLD_VALUE_ARTICLE, "").trim();
    // The slot holding the old value: as typed, or as its reader reads it ("not friday" for
    // a date, "not olives" for one item of a list).
    const held = (s: SlotInfo): SlotValue[] | null => {
      const v = frame.slots[s.name];
      if (v === undefined || v === null) return null;
      if (typeof v === "string" && fold(v) === old) return [v];
      if (s.kind === "text") return null;
      const read = turn.model.reader.answer(s, oldText)?.value;
      if (read === undefined || read === null) return null;
      if (Array.isArray(v) && Array.isArray(read)) {
        return read.length > 0 && read.every((x) => v.includes(x)) ? read : null;
      }
      return sameValue(read, v) ? [read] : null;
    };
    // "we are 3 not 2" with 2 nights and 2 guests: of the slots holding the old value, the one
    // the new value's own words name ("we are", "nights") is meant.
    const holding = slots.filter((s) => held(s) !== null);
    if (holding.length > 1) {
      const named = new Set(turn.model.reader.mentions(newText, holding, []).map((f) => f.slot));
      holding.sort((a, b) => Number(named.has(b.name)) - Number(named.has(a.name)));
    }
    for (const slot of holding) {
      const gone = held(slot)!;
      const found = turn.model.reader.answer(slot, newText);
      if (!found) return null;
      // A list keeps its other items: "not olives, mushrooms" of [ham, olives] is [ham, mushrooms].
      const current = frame.slots[slot.name];
      const value =
        Array.isArray(current) && Array.isArray(found.value)
          ? [...new Set([...current.filter((x) => !gone.includes(x)), ...found.value])]
          : found.value;
      if (sameValue(value, current)) return null;
      // Where the new and old values end in the message: what follows both may answer the
      // question asked (answerAfter).
      const at = turn.text.indexOf(body);
      const after =
        at +
        Math.max(body.lastIndexOf(newText) + found.end, body.lastIndexOf(oldText) + oldText.length);
      return { ...found, value, after };
    }
    return null;
  }

  /**
   * "not plus, unlimited. and roaming" while the add-ons are asked: after the values a
   * correction changed, the rest of the message, read as a message of its own, may answer the question
   * asked ("and roaming", "and no add-ons") when that takes a typed value (a free text would
   * take any words left). Only its value for that question, or its declining it, is kept.
   */
  private answerAfter(
    turn: Turn,
    after: string,
    pending: SlotInfo | null,
    corrected: readonly Found[],
  ): Command[] {
    if (!pending || pending.kind === "text") return [];
    if (corrected.some((f) => f.slot === pending.name)) return [];
    const rest = after.replace(/^[\s,.;:!]+/, "");
    const words = tokenize(rest);
    if (words.every((t) => STOP_WORDS.has(t.norm))) return [];
    // "4 nights not 3": what follows is the old value taken back, no answer.
    if (NEGATIONS.has(words[0]!.norm)) return [];
    return this.read(rest, turn.model.loaded, turn.state).filter(
      (c) => (c.type === "set_slot" || c.type === "skip_slot") && c.slot === pending.name,
    );
  }

  /**
   * The topic of a "what is X?" question about the domain: the slot it names ("what is an
   * IBAN?" -> `iban`, the active flow's slots first), else the term when the domain uses it.
   */
  termTopic(turn: Turn): string | null {
    const term = this.firstQuestionTerm(turn) ?? turn.acts.whatIs;
    if (!term) return null;
    const stems = tokenize(term).map((t) => stem(turn.model.analyzer.correct(t.norm)));
    const active = turn.frame ? (turn.model.flowSlots.get(turn.frame.flow) ?? []) : [];
    const slots = [...active, ...turn.model.slots.values()].filter((s) => !s.def.internal);
    for (const slot of slots) {
      const named = slot.keys.some((key) =>
        stems.some((_, i) => key.every((k, j) => stems[i + j] === k)),
      );
      if (named) return slot.name;
    }
    const known = term.split(" ").some((w) => turn.model.analyzer.knows(w) && !STOP_WORDS.has(w));
    return known ? term : null;
  }

  /**
   * "what's a day pass? how long does it last?": of questions in a row, the first asks
   * what a term is and the others follow it up; the term is the first one's.
   */
  private firstQuestionTerm(turn: Turn): string | null {
    const at = turn.text.indexOf("?");
    if (at < 0 || !/\S.*\?\s*$/.test(turn.text.slice(at + 1))) return null;
    const first = turn.model.analyzer.typoCorrectedText(tokenize(turn.text.slice(0, at)));
    return readActs(first).whatIs;
  }

  /** Small talk, by kind: the DM answers "greeting", "thanks" and "goodbye" with their own words. */
  chitchat(turn: Turn): Command[] {
    const kind = turn.acts.chitchat;
    return [{ type: "chitchat", kind: kind ?? "other", message: turn.text }];
  }

  /**
   * No word of the message is the domain's vocabulary or names the pending slot, and it has
   * words of its own (one unknown word, "what's the difference?", may well be about the question).
   */
  offTopic(turn: Turn, slot: SlotInfo): boolean {
    const terms = turn.model.analyzer.terms(turn.acts.flat);
    // One unknown word in a short question ("what's the difference?") may be about the
    // question; in a longer one ("can I get a mortgage?") it is the topic.
    if (terms.length < 2 && (terms.length === 0 || turn.acts.flat.split(" ").length < 4)) {
      return false;
    }
    if (terms.some((t) => turn.model.index.knows(t.key))) return false;
    // "how heavy are they?", "where are those stamped?": what is asked about stands for the
    // options offered or the thing asked, and the rest is said in the slot's own words ("which
    // ones come with a child seat?" asked the bike asks what it does not tell).
    if (OPTION_PRONOUN.test(turn.acts.flat)) {
      const pronouns = new Set(
        [...turn.acts.flat.matchAll(OPTION_PRONOUNS)].flatMap((m) =>
          tokenize(m[0]).map((t) => stem(t.norm)),
        ),
      );
      const own = slotWords(slot);
      if (terms.every((t) => t.intent || pronouns.has(t.key) || own.has(t.key))) return false;
    }
    // "how big is the medium one?": a question naming one of the asked slot's choices is
    // about the question.
    const said = new Set(tokenize(turn.acts.flat).map((t) => t.norm));
    if (slot.def.choices?.some((c) => said.has(fold(String(c))))) return false;
    const stems = new Set(tokenize(turn.acts.flat).map((t) => stem(t.norm)));
    return !slot.keys.some((key) => key.every((k) => stems.has(k)));
  }

  /** A where/what/how question naming `slot` that holds no value for it. */
  asksAbout(turn: Turn, slot: SlotInfo): boolean {
    const flat = turn.acts.flat.replace(QUESTION_FILLERS, "");
    // "where would I find it?", "what's the difference between those?": the pronoun stands for
    // what the pending question asks.
    if (ASKED_PRONOUNS.has(flat.split(" ").at(-1)!) && HELP_QUESTION.test(flat)) return true;
    if (!SLOT_QUESTION.test(flat)) return false;
    const stems = tokenize(flat).map((t) => stem(t.norm));
    const named = slot.keys.some((key) =>
      stems.some((_, i) => key.every((k, j) => stems[i + j] === k)),
    );
    return named && (slot.kind === "text" || !turn.model.reader.answer(slot, turn.text));
  }

  /** The message, read as a request, asks for the flow that is running. */
  requestsAgain(turn: Turn): boolean {
    const decision = this.decide(turn.rank, this.limits.digressionCoverage);
    return decision !== null && "flow" in decision && decision.flow === turn.frame?.flow;
  }

  /**
   * The message asks again for the flow that is running ("new transfer", "send money" while
   * the transfer asks who gets it): the active flow is among the best matches, every word of
   * the message is the domain's own vocabulary, so it holds no name or concept, and one of them
   * is the flow's own word as typed ("checking" only resembles "check my balance").
   */
  restates(turn: Turn): boolean {
    // The flow's own word first: it is cheap, and without it the ranking is not needed.
    if (!turn.frame || !saysFlowWord(turn.model, turn.frame.flow, turn.text)) return false;
    const [top] = turn.rank;
    if (!top || top.score < this.limits.minScore) return false;
    const close = turn.rank.filter((r) => r.score >= top.score * this.limits.ambiguity);
    if (!close.some((r) => r.flow === turn.frame!.flow)) return false;
    // "at Calle Sol 2 since monday": with the values cut out, only the prepositions leading to
    // them are left; that answers the question, it asks for nothing again.
    const terms = turn.model.analyzer
      .terms(turn.view.text)
      .filter((t) => !PREPOSITION_STEMS.has(t.key));
    return terms.length > 0 && terms.every((t) => !t.properName && turn.model.index.knows(t.key));
  }

  /**
   * The message as flows are ranked on it: values of the domain's slots (choices, amounts, IBANs,
   * dates) are cut out and stand as `@slot` markers, so "pay my electricity bill" matches
   * `I want to pay my {bill_type} bill`.
   */
  rankingView(model: DomainModel, text: string): Turn["view"] {
    // Within one message the same clause is viewed again (its own reading, then the rule that
    // read it): once per text. Views are never changed once made.
    const clauses = this.clauseReads;
    if (!clauses || clauses.domain !== model.loaded) return this.viewOf(model, text);
    let view = clauses.views.get(text);
    if (!view) {
      view = this.viewOf(model, text);
      clauses.views.set(text, view);
    }
    return view;
  }

  private viewOf(model: DomainModel, text: string): Turn["view"] {
    // One marker group per value span: "savings" may be an account type or a source account.
    const groups = new Map<string, Set<string>>();
    const spans: Array<{ start: number; end: number }> = [];
    const parts = rankingParts(model);
    // Words of a choice phrase that are words of a flow asking for it stay ("debit card" keeps
    // "card", "savings account" keeps "account"), so the value does not swallow what the request
    // is about; a word only other flows have is part of the value, no request of theirs.
    const kept: string[] = [];
    // The words each choice said is named by, by its span: a flow whose phrases have them talks
    // about the thing though it takes no value of it ("how many bags can I bring").
    const named = new Map<string, Set<string>>();
    const choiceFinds = parts.choiceSlots.map((slot) => slot.choices!.find(text));
    // Only where two slots' values were found can one lie inside the other.
    const several = choiceFinds.filter((f) => f.length > 0).length > 1;
    for (let i = 0; i < parts.choiceSlots.length; i++) {
      const slot = parts.choiceSlots[i]!;
      // "I drink green tea": a word of one slot's value inside a longer value of another
      // slot ("green" of "green tea") is that longer value's word, no value of its own.
      const found = several
        ? choiceFinds[i]!.filter((m) => !insideAnother(choiceFinds, i, m))
        : choiceFinds[i]!;
      markValues(groups, spans, [slot], found);
      for (const m of found) {
        const choiceKey = model.analyzer.key(String(m.value));
        const words = named.get(`${m.start}:${m.end}`) ?? new Set<string>();
        named.set(`${m.start}:${m.end}`, words);
        words.add(choiceKey);
        for (const t of tokenize(text.slice(m.start, m.end))) {
          const key = model.analyzer.key(t.norm);
          if (!STOP_WORDS.has(t.norm)) words.add(key);
          if (
            key !== choiceKey &&
            model.index.knowsWhereAsked(key, `@${slot.name}`) &&
            !kept.includes(t.norm)
          ) {
            kept.push(t.norm);
          }
        }
      }
    }
    const numbers = model.reader.numbers(text).filter((n) => n.currency || n.words);
    // "take €50": an amount said in a currency counts no people, days or day of the month.
    markValues(
      groups,
      spans,
      parts.amountSlots,
      numbers.filter((n) => n.currency),
    );
    markValues(
      groups,
      spans,
      parts.numberSlots,
      numbers.filter((n) => !n.currency),
    );
    markValues(groups, spans, parts.ibanSlots, findIbans(text));
    // A date, or a value of a domain pattern ("HB-222222", a 4-digit order number), is evidence
    // for the flows that collect it.
    // A day gone by ("ayer", "yesterday"), or a part of today gone by ("this morning"), is no
    // evidence for a slot that asks no past date: a trip told in the past is no purchase.
    if (parts.dateSlots.length > 0) {
      const dates = findDates(text, this.now());
      const today = this.today();
      markValues(
        groups,
        spans,
        parts.dateSlots.filter((s) => s.past),
        dates,
      );
      markValues(
        groups,
        spans,
        parts.dateSlots.filter((s) => !s.past),
        dates.filter((d) => d.value >= today && !saysGonePartOfToday(text, d)),
      );
    }
    for (const { slot, pattern } of parts.patterns) {
      pattern.lastIndex = 0;
      const found = [...text.matchAll(pattern)]
        .filter((m) => m[0].trim() !== "")
        .map((m) => ({ start: m.index, end: m.index + m[0].length }));
      // "cancel hb 123456": the code typed with a space is the same evidence.
      const loose = found.length === 0 ? model.reader.looseCode(slot, text) : null;
      markValues(groups, spans, [slot], loose ? [loose] : found);
      // "club number is CB-123456": the slot's longer name before its value says which
      // value it is; its words ("number") ask for no flow of their own.
      for (const f of loose ? [loose] : found) {
        const keyStart = model.reader.longNameBefore(slot, text, f.start);
        if (keyStart >= 0) spans.push({ start: keyStart, end: f.start });
      }
    }
    // "my member number is 654321": digits of the declared length after a slot's name are
    // evidence for the flows collecting it, and the name said with them asks for nothing else
    // ("member" is no word of a flow for non-members). Only where digits are typed.
    if (parts.namedDigits.length > 0 && /\d/.test(text)) {
      for (const slot of parts.namedDigits) {
        const named = model.reader.namedDigits(slot, text);
        if (!named) continue;
        markValues(groups, spans, [slot], [named]);
        spans.push({ start: named.keyStart, end: named.start });
      }
    }
    // "destination: Oslo", "input: order 5521": a free-text value after its slot's name and a
    // colon is evidence for the flows collecting it, as a form's filled field is.
    if (parts.textSlots.length > 0 && text.includes(":")) {
      for (const slot of parts.textSlots) {
        const named = model.reader.labelledText(slot, text);
        if (!named || spans.some((v) => v.start < named.end && named.keyStart < v.end)) continue;
        markValues(groups, spans, [slot], [named]);
      }
    }
    // "need accommodation in Oslo", "make a reservation to Sydney": a capitalised place after a
    // place preposition is evidence for the flows that ask for a place as plain text.
    if (parts.placeSlots.length > 0) {
      const place = model.reader.placeSaid(parts.placeSlots[0]!, text);
      if (place && !spans.some((v) => v.start < place.end && place.start < v.end))
        markValues(groups, spans, parts.placeSlots, [place]);
    }
    // Free text in the position a trigger phrase gives it ("... to my neighbour", "for rent") is
    // cut out without a marker: unknown words that say nothing about the flow, and no evidence
    // for it either ("book a flight to Paris" is no transfer).
    if (parts.textCues.length > 0) {
      const tokens = tokenize(text);
      const keys = new Set(tokens.map((t) => model.analyzer.key(t.norm)));
      const stems = new Set(tokens.map((t) => stem(t.norm)));
      for (const { texts, cues, triggers, names, spanishTo } of parts.textCues) {
        // Only a cue word, the first word of a slot's name or a Spanish "a" can start a value:
        // without one, the full reading would find nothing.
        const anchored =
          someIn(triggers, keys) ||
          someIn(names, stems) ||
          (spanishTo && tokens.some((t) => TO_WORDS.has(t.norm)));
        if (!anchored) continue;
        for (const m of model.reader.mentions(text, texts, cues)) {
          if (!mostlyRequestWords(model, text.slice(m.start, m.end))) spans.push(m);
        }
      }
    }
    // "is there a deposit when I rent a van?": the clause setting the question's scene names an
    // act, but the question asks about something else. Its words (not its values) are cut.
    const scene = sceneClause(model, text);
    if (scene) {
      const values = [...spans];
      for (const [key] of groups) {
        const [start, end] = key.split(":").map(Number) as [number, number];
        values.push({ start, end });
      }
      for (const t of tokenize(text.slice(scene.start, scene.end))) {
        const start = scene.start + t.start;
        const end = scene.start + t.end;
        if (!values.some((v) => v.start < end && start < v.end)) spans.push({ start, end });
      }
    }
    // A greeting in front of a request ("hey, can I move 1.5k ...") is not part of it.
    const greeting = leadingGreeting(text);
    if (greeting > 0) spans.push({ start: 0, end: greeting });
    // Letter formulas ("Dear Sir or Madam", "Kind regards, Ana") and "I request that ..." frame
    // the request: "request" there is no card order.
    if (mayFrame(text))
      for (const m of text.matchAll(LETTER_FRAME))
        spans.push({ start: m.index, end: m.index + m[0].length });
    let out = text;
    let cut = Number.POSITIVE_INFINITY;
    // Right to left, skipping spans that overlap one already cut (two slots share a choice).
    for (const span of spans.sort((a, b) => b.start - a.start)) {
      if (span.end > cut) continue;
      // "where is 1003", "tell me where 1003 is": the value a question word asks about stays as
      // a pronoun, so the question keeps its object ("where is it") once the value is cut.
      const asked = groups.has(`${span.start}:${span.end}`) && endsInQuestionWord(text, span.start);
      out = `${out.slice(0, span.start)}${asked ? " it " : " "}${out.slice(span.end)}`;
      cut = span.start;
    }
    if (kept.length) out = `${out} ${kept.join(" ")}`;
    return {
      text: out,
      markers: [...groups.values()].map((g) => [...g]),
      words: [...groups.keys()].map((k) => [...(named.get(k) ?? [])]),
    };
  }

  /** The whole message is one greeting phrase ("good morning", "hi there"). */
  onlyGreeting(turn: Turn): boolean {
    const words = turn.acts.flat.split(" ");
    return (GREETING_PHRASES.get(words[0] ?? "") ?? []).some(
      (phrase) => phrase.length === words.length && phrase.every((w, i) => words[i] === w),
    );
  }

  /** Removes "actually", "no,", "sorry I meant", "make it" from the front of a correction. */
  /** "(actually) no ham, mushrooms (instead)": the text's "no" clause and what follows it. */
  private noThenNew(text: string): RegExpExecArray | null {
    let s = text.replace(/[.!]+$/, "");
    for (let i = 0; i < 4; i++) {
      if (GIVEN_UP_OPENER.test(s)) return NO_THEN_NEW.exec(s);
      const next = s.replace(CORRECTION_OPENER, "");
      if (next === s) break;
      s = next;
    }
    return null;
  }

  stripOpeners(text: string): string {
    let s = text;
    for (let i = 0; i < 4; i++) {
      const next = s.replace(CORRECTION_OPENER, "");
      if (next === s) break;
      s = next;
    }
    return s;
  }

  /**
   * Several slots each named with its new value, in parts joined by "and" or commas ("the
   * amount to 120 and the concept to dinner"); null unless every part gives one.
   */
  namedPairs(turn: Turn, flow: string): Found[] | null {
    const parts = turn.text.split(/\s*,?\s+and\s+|\s*[,;]\s+|\s+y\s+/i);
    if (parts.length < 2 || parts.length > 4) return null;
    const slots = turn.model.flowSlots.get(flow) ?? [];
    const out: Found[] = [];
    let offset = 0;
    for (const part of parts) {
      const at = turn.text.indexOf(part, offset);
      offset = at + part.length;
      const tokens = tokenize(part);
      const stems = tokens.map((t) => stem(turn.model.analyzer.correct(t.norm)));
      const hit = oneSlotNamed(tokens, stems, slots);
      if (!hit) return null;
      const rest = part.slice(hit.end).replace(VALUE_LEAD, "");
      const found = rest.trim() ? turn.model.reader.answer(hit.slot, rest) : null;
      if (!found) return null;
      const start = at + hit.end + (rest.length ? part.slice(hit.end).indexOf(rest) : 0);
      out.push({ ...found, start: start + found.start, end: start + found.end });
    }
    return out;
  }

  /**
   * The slot of `flow` the message names ("the amount", "the recipient"), if exactly one;
   * `among` keeps only some of the flow's slots.
   */
  namedSlot(
    turn: Turn,
    flow: string,
    among?: (slot: SlotInfo) => boolean,
    confirming = false,
  ): { slot: SlotInfo; end: number } | null {
    const tokens = tokenize(turn.text);
    const stems = turn.model.analyzer.correctedStems(tokens);
    const slots = turn.model.flowSlots.get(flow) ?? [];
    // "no, don't cancel it" asked to confirm a cancellation: a word of the flow's own act
    // names its request, not the slot whose name it qualifies ("cancel" of cancel_reason).
    const acted = new Set<number>();
    if (confirming) {
      const acts = turn.model.index.actsOf(flow);
      for (const [i, t] of tokens.entries()) {
        const act = turn.model.analyzer.actOf(t.norm);
        if (act && acts.has(act)) acted.add(i);
      }
    }
    return oneSlotNamed(tokens, stems, among ? keptOf(slots, among) : slots, acted);
  }

  /**
   * The one slot of `flow` whose prompt's asked noun the message says ("no, wrong doctor" for
   * "Which doctor do you need?"), with where it ends; null for none or several.
   */
  askedSlot(turn: Turn, flow: string): { slot: SlotInfo; end: number } | null {
    const tokens = tokenize(turn.text);
    const stems = turn.model.analyzer.correctedStems(tokens);
    let hit: { slot: SlotInfo; end: number } | null = null;
    for (const slot of turn.model.flowSlots.get(flow) ?? []) {
      for (const key of slot.askedKeys) {
        const i = stems.findIndex((_, k) => keyAt(stems, k, key));
        if (i < 0) continue;
        if (hit && hit.slot !== slot) return null;
        hit = { slot, end: tokens[i + key.length - 1]!.end };
      }
    }
    return hit;
  }

  // --- command building ---------------------------------------------------------------------

  /**
   * "pay my rent to John Smith": the words point at `flow` (pay a bill) but state none of its
   * values, while a close runner-up reads a name ("to John Smith") among its own. Who the
   * message names is the better evidence: a payment to a person is a transfer.
   */
  byNamedValue(turn: Turn, flow: string): string {
    const top = turn.rank[0];
    if (!top) return flow;
    const own = this.mentionsFor(turn, flow, [], []);
    if (own.length > 0) return this.byReference(turn, flow, own);
    for (const other of turn.rank.slice(0, 3)) {
      if (other.flow === flow || other.score < top.score * RUNNER_UP_SHARE) continue;
      // A flow with no slot for a name reads none: its values are not read for nothing.
      if (!hasSlot(turn, other.flow, "nameLike")) continue;
      const found = this.mentionsFor(turn, other.flow, [], []);
      if (found.some((f) => !f.led && turn.model.slots.get(f.slot)?.nameLike)) return other.flow;
    }
    return flow;
  }

  /**
   * "please transfer my booking TK-118640 to the 20th": the words point at `flow` (a booking),
   * which reads the date but takes no reference, while a close runner-up reads the same values
   * and a reference of the domain's own shape (a pattern with digits): a reference names a
   * thing already had, so the runner-up is meant.
   */
  private byReference(turn: Turn, flow: string, own: readonly Found[]): string {
    const top = turn.rank[0]!;
    const slots = turn.model.slots;
    if (own.some((f) => slots.get(f.slot)?.referenceLike)) return flow;
    let pick: string | undefined;
    for (const other of turn.rank.slice(0, 3)) {
      if (other.flow === flow || other.score < top.score * RUNNER_UP_SHARE) continue;
      if (!hasSlot(turn, other.flow, "referenceLike")) continue;
      const found = this.mentionsFor(turn, other.flow, [], []);
      if (
        found.length > own.length &&
        found.some((f) => slots.get(f.slot)?.referenceLike) &&
        own.every((f) => found.some((g) => g.start === f.start && g.end === f.end))
      ) {
        if (pick) return flow;
        pick = other.flow;
      }
    }
    return pick ?? flow;
  }

  /**
   * A clause read out of a story ("so I want to pay her back 350 euros") loses who "her" is;
   * the story named her ("my sister Laura"): that fills the started flow's name slot.
   */
  withPronounName(turn: Turn, commands: Command[]): Command[] {
    const started = commands[0];
    if (started?.type !== "start_flow" || started.slots || !PERSON_PRONOUN.test(turn.text)) {
      return commands;
    }
    const nameSlot = turn.model.flowSlots.get(started.flow)?.find((s) => s.nameLike);
    if (!nameSlot || commands.some((c) => c.type === "set_slot" && c.slot === nameSlot.name)) {
      return commands;
    }
    const named = turn.model.reader.relation(nameSlot, turn.text);
    return named
      ? [...commands, { type: "set_slot", slot: named.slot, value: named.value }]
      : commands;
  }

  /**
   * A flow started by one clause of a story ("my mother's line at Calle Sol 4, Sevilla has been
   * silent since monday and she can't call anyone"): the clause chose the flow, but the story
   * states values too. Those with a shape of their own (an address, a date, a code, a choice,
   * a capitalised name) are added; loose words after a cue ("for the car repair") may be the story's, not the
   * request's, and a number there may count something else.
   */
  withMessageValues(turn: Turn, commands: Command[]): Command[] {
    const [started, ...rest] = commands;
    if (started?.type !== "start_flow" || started.slots) return commands;
    const slots = turn.model.flowSlots.get(started.flow) ?? [];
    const named = new Set(rest.flatMap((c) => ("slot" in c ? [c.slot] : [])));
    const whole = this.mentionsFor(turn, started.flow, [], []);
    // "..., could you bring it to 8 Oak Avenue, Riverton?": the clause cut at a comma reads the
    // street alone; the whole message reads on to the town, the longer value of the same slot.
    const longer = (c: Command): Command => {
      if (c.type !== "set_slot" || typeof c.value !== "string") return c;
      const value = c.value;
      const slot = slots.find((s) => s.name === c.slot);
      if (!slot || !(slot.address || slot.nameLike)) return c;
      const f = whole.find((w) => w.slot === c.slot);
      return typeof f?.value === "string" &&
        f.value.length > value.length &&
        f.value.startsWith(value)
        ? { ...c, value: f.value }
        : c;
    };
    const added = whole.filter((f) => {
      const slot = slots.find((s) => s.name === f.slot);
      const shaped =
        slot &&
        (slot.address ||
          slot.nameLike ||
          (slot.kind !== "text" && slot.kind !== "number") ||
          (slot.people && countsPeople(turn.text, f)));
      return shaped && !named.has(f.slot);
    });
    return [
      started,
      ...added.map((f): Command => ({ type: "set_slot", slot: f.slot, value: f.value })),
      ...rest.map(longer),
    ];
  }

  start(turn: Turn, flow: string): Command[] {
    const found = this.mentionsFor(turn, flow, [], []);
    // "pay my neighbour 900": the one number of a request is its one amount, currency or not.
    const restarted = turn.frame?.flow === flow;
    const lone = restarted ? null : this.loneNumber(turn, flow, found);
    if (lone) found.push(lone);
    const counted = countedThing(turn, flow, found);
    if (counted) found.push(counted);
    // "pay the same person again": what the message does not state, the last flow may hold.
    for (const f of recentValues(turn.model, turn.state, turn.text, turn.acts.flat, flow, null)) {
      if (!found.some((g) => g.slot === f.slot)) found.push(f);
    }
    // Nothing of a new flow is asked yet: every value must fit its slot's shape.
    const fitting = found.filter((f) => fitsItsSlot(turn, f));
    return [
      { type: "start_flow", flow },
      ...fitting.map((f): Command => ({ type: "set_slot", slot: f.slot, value: f.value })),
      ...this.skips(turn, flow, found),
    ];
  }

  /**
   * The one number of a message no value read took, for the flow's one number slot when it is
   * empty: "pay my neighbour 900" starting a flow, "swan lake on the 16th, 2 in the stalls"
   * answering its first question with several values.
   */
  loneNumber(turn: Turn, flow: string, found: readonly Found[]): Found | null {
    const numberSlots = (turn.model.flowSlots.get(flow) ?? []).filter((s) => s.kind === "number");
    const slot = numberSlots.length === 1 ? numberSlots[0]! : undefined;
    if (!slot || found.some((f) => f.slot === slot.name)) return null;
    if ((turn.frame?.flow === flow ? turn.frame.slots[slot.name] : null) != null) return null;
    return this.freeNumberFor(turn, flow, slot, found);
  }

  /**
   * The one number of the message no value in `found` took, as the value of `flow`'s `slot`
   * ("5, and there'll be 2 of us" asked the nights: the guests took the 2). None when it shifts a
   * value or counts another thing.
   */
  freeNumberFor(turn: Turn, flow: string, slot: SlotInfo, found: readonly Found[]): Found | null {
    const tokens = tokenize(turn.text);
    const free = turn.model.reader
      .numbers(turn.text)
      .filter(
        (n) => !found.some((f) => n.start < f.end && f.start < n.end) && !isDifference(tokens, n),
      );
    const [only] = free;
    // "arrive two days later", "one more night": a shift of a value, not the value itself.
    const shift = only && SHIFT_AFTER.test(flat(turn.text.slice(only.end)));
    if (!only || free.length !== 1 || shift || countsOther(turn, only, found, slot, flow))
      return null;
    return { slot: slot.name, value: only.value, start: only.start, end: only.end };
  }

  /** skip_slot for the flow's empty optional slots the message declines ("no toppings"). */
  skips(turn: Turn, flow: string, found: readonly Found[]): Command[] {
    const frame = turn.frame?.flow === flow ? turn.frame : undefined;
    const all = turn.model.flowSlots.get(flow) ?? [];
    const open = all.filter(
      (s) =>
        s.optional &&
        !found.some((f) => f.slot === s.name) &&
        (frame?.slots[s.name] ?? null) === null,
    );
    if (open.length === 0) return [];
    return turn.model.reader
      .declined(turn.text, open, all)
      .map((s): Command => ({ type: "skip_slot", slot: s.name }));
  }

  mentionsFor(turn: Turn, flow: string, taken: Found[], skip: string[]): Found[] {
    // Several rules ask for the values a flow would take from the message: read them once.
    const plain = taken.length === 0 && skip.length === 0;
    const known = plain ? turn.mentions?.get(flow) : undefined;
    if (known) return [...known];
    const frame = turn.frame?.flow === flow ? turn.frame : undefined;
    const all = turn.model.flowSlots.get(flow) ?? [];
    // The flow's own list when nothing is left out: per-list caches (slot pairs) keep working.
    const slots =
      skip.length === 0 && !frame
        ? all
        : all.filter((s) => !skip.includes(s.name) && (frame?.slots[s.name] ?? null) === null);
    const found = turn.model.reader
      .mentions(turn.text, slots, turn.model.cues.get(flow) ?? [], taken)
      .filter(
        (f) =>
          turn.model.slots.get(f.slot)?.kind !== "text" ||
          !mostlyRequestWords(turn.model, String(f.value)),
      );
    if (!plain) return found;
    turn.mentions ??= new Map();
    turn.mentions.set(flow, found);
    return [...found];
  }

  /**
   * set_slot for the slot being asked and for empty slots; correct_slot for filled ones, and at
   * the confirmation for those answered empty.
   */
  setSlots(turn: Turn, found: Found[], pending: SlotInfo | null = null): Command[] {
    const frame = turn.frame;
    const seen = new Set<string>();
    const out: Command[] = [];
    const waiting = turn.state.waiting_for;
    const asked = waiting?.kind === "slot" ? waiting.slot : pending?.name;
    for (const f of found) {
      if (seen.has(f.slot)) continue;
      seen.add(f.slot);
      // Whatever rule read it: a value of a slot not asked must fit that slot's shape.
      if (f.slot !== asked && f.slot !== pending?.name && !fitsItsSlot(turn, f)) continue;
      const current: SlotValue | undefined = frame?.slots[f.slot];
      // At the confirmation, a slot held empty was answered ("no extras"): a value for it
      // changes that answer ("yes but add breakfast").
      const answered = current !== undefined && (current !== null || waiting?.kind === "confirm");
      const isFilled = answered && f.slot !== pending?.name;
      // "I meant the 26th" puts right the day of the date held, in its month.
      const value =
        isFilled && typeof current === "string" && turn.model.slots.get(f.slot)?.kind === "date"
          ? turn.model.reader.sameMonth(f, current, turn.text).value
          : f.value;
      out.push({ type: isFilled ? "correct_slot" : "set_slot", slot: f.slot, value });
    }
    return out;
  }
}

/**
 * The one flow of `flows` that asks for the values the message names (their `@slot` markers),
 * when no other of them asks for any: "high" answers a choice between a fault report with an
 * urgency and two requests without one.
 */
function onlyTaker(turn: Turn, flows: readonly string[]): string | null {
  // "no, I'll pay at the desk" turns the value's flow down.
  if (turn.view.markers.length === 0 || turn.acts.deny) return null;
  const takers = flows.filter((flow) => {
    const slots = turn.model.flowSlots.get(flow) ?? [];
    return turn.view.markers.some((group) =>
      group.some((m) => slots.some((s) => `@${s.name}` === m)),
    );
  });
  return takers.length === 1 ? takers[0]! : null;
}

/** A value read for a slot nobody asked yet fits that slot's shape (pattern, digits, IBAN). */
function fitsItsSlot(turn: Turn, f: { slot: string; value: SlotValue }): boolean {
  const info = turn.model.slots.get(f.slot);
  return !info || turn.model.reader.fits(info, f.value);
}

/** "X not Y", "X instead of Y": the new value, then the old one after the packs' words. */
const NEW_NOT_OLD = new RegExp(`^(?<new>.+?)[\\s,]+(?:${NOT_INSTEAD_SOURCE})\\s+(?<old>.+)$`, "i");

/**
 * Words that restate a request more than they give a value: all of them the flows' own words,
 * or at least two and half of them. "transfer money" after the "to" of "I want to transfer
 * money" (or "... money urgently") is the request itself, not a free-text value in the position
 * a trigger phrase (`send {amount} to {beneficiary_name}`) gives a slot.
 */
function mostlyRequestWords(model: DomainModel, text: string): boolean {
  const terms = model.analyzer.terms(text);
  const known = terms.filter((t) => !t.properName && model.index.knows(t.key)).length;
  return terms.length > 0 && (known === terms.length || (known >= 2 && known * 2 >= terms.length));
}

/** A key that names one slot of a flow alone. */
interface NamingKey {
  slot: SlotInfo;
  key: string[];
}

const namingKeysCache = new WeakMap<SlotInfo[], Map<string, NamingKey[]>>();

/**
 * Per first stem, the keys that name one slot of a flow alone: a key shared by two slots of the
 * flow names neither. Computed once per flow's slot list (it depends on the domain only), so a
 * message is matched by looking its stems up rather than by trying every key at every word.
 */
function namingKeys(slots: SlotInfo[]): Map<string, NamingKey[]> {
  let out = namingKeysCache.get(slots);
  if (!out) {
    out = new Map();
    // A generic part of a slot's name ("name") names it when no other slot of the flow has it.
    const named = (s: SlotInfo) => [...s.keys, ...s.genericKeys];
    for (const slot of slots) {
      for (const key of named(slot)) {
        const shared = slots.some(
          (o) => o !== slot && named(o).some((k) => k.join(" ") === key.join(" ")),
        );
        if (shared) continue;
        const first = out.get(key[0]!);
        if (first) first.push({ slot, key });
        else out.set(key[0]!, [{ slot, key }]);
      }
    }
    namingKeysCache.set(slots, out);
  }
  return out;
}

/** Per flow's slot list, its sublists by the names they keep. */
const keptCache = new WeakMap<SlotInfo[], Map<string, SlotInfo[]>>();
/** Sublists remembered per flow; bounded, as which slots hold a value varies by conversation. */
const KEPT_CACHE_SIZE = 64;

/**
 * The slots of `slots` that `keep` keeps, as the same array for the same names: the naming keys
 * of a list are cached by the list, and building them anew costs more than a message's read.
 */
function keptOf(slots: SlotInfo[], keep: (slot: SlotInfo) => boolean): SlotInfo[] {
  const kept = slots.filter(keep);
  if (kept.length === slots.length) return slots;
  let lists = keptCache.get(slots);
  if (!lists) {
    lists = new Map();
    keptCache.set(slots, lists);
  }
  const id = kept.map((s) => s.name).join("\n");
  const known = lists.get(id);
  if (known) return known;
  if (lists.size >= KEPT_CACHE_SIZE) lists.clear();
  lists.set(id, kept);
  return kept;
}

/**
 * "third time this month", "2nd time today": a part that counts how often something happened
 * (an ordinal or a number before a word of times) tells how bad it is; it asks for nothing.
 */
function countsTimes(part: string): boolean {
  const tokens = tokenize(part);
  return tokens.some(
    (t, k) =>
      k > 0 &&
      TIMES_WORDS.has(t.norm) &&
      ((ORDINALS[tokens[k - 1]!.norm] ?? -1) >= 0 || /^\d+$/.test(tokens[k - 1]!.norm)),
  );
}

/**
 * The one slot of `slots` the words name, with where its last naming key ends; null when they
 * name none or several.
 */
function oneSlotNamed(
  tokens: readonly Token[],
  stems: readonly string[],
  slots: SlotInfo[],
  acted: ReadonlySet<number> = NO_POSITIONS,
): { slot: SlotInfo; end: number } | null {
  // "not the name, the email is wrong": beside another slot's name, one right after a
  // negation is the one not meant ("that's not my address" alone still names it).
  const skipped = { any: false };
  const hit = slotNamedIn(tokens, stems, slots, skipped, acted);
  return hit || !skipped.any ? hit : slotNamedIn(tokens, stems, slots, null, acted);
}

const NO_POSITIONS: ReadonlySet<number> = new Set();

/** `m`, a value of the `i`th slot, lies inside a longer value another slot found. */
function insideAnother(
  finds: ReadonlyArray<ReadonlyArray<{ start: number; end: number }>>,
  i: number,
  m: { start: number; end: number },
): boolean {
  return finds.some(
    (other, j) =>
      j !== i &&
      other.some((o) => o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}

/** A word of the slot's name before its head ("cancel" of cancel_reason): it qualifies it. */
function qualifies(slot: SlotInfo, word: string): boolean {
  const parts = slot.name.split("_");
  return parts.slice(0, -1).some((p) => stem(p) === word);
}

function slotNamedIn(
  tokens: readonly Token[],
  stems: readonly string[],
  slots: SlotInfo[],
  skipped: { any: boolean } | null,
  acted: ReadonlySet<number>,
): { slot: SlotInfo; end: number } | null {
  const keys = namingKeys(slots);
  let hit = null as { slot: SlotInfo; end: number } | null;
  // "the number of people": the longest name said at a place is the one meant; its words
  // ("number", "people") name no other slot on their own.
  let read = -1;
  for (let i = 0; i < stems.length; i++) {
    const candidates = keys.get(stems[i]!);
    if (!candidates) continue;
    if (skipped && negatedAt(tokens, i)) {
      skipped.any = true;
      continue;
    }
    const said = candidates.filter(
      ({ slot, key }) =>
        i + key.length <= tokens.length &&
        key.every((k, j) => j === 0 || stems[i + j] === k) &&
        !(key.length === 1 && acted.has(i) && qualifies(slot, key[0]!)),
    );
    const longest = Math.max(0, ...said.map(({ key }) => key.length));
    if (longest === 0 || i + longest - 1 <= read) continue;
    read = i + longest - 1;
    for (const { slot, key } of said) {
      if (key.length < longest) continue;
      if (hit && hit.slot !== slot) return null;
      const end = tokens[i + key.length - 1]!.end;
      hit = { slot, end: Math.max(hit?.end ?? 0, end) };
    }
  }
  return hit;
}

/** "not the name, the email": a slot's name right after a negation is the one not meant. */
function negatedAt(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  if (k >= 0 && NEGATED_DETERMINERS.has(tokens[k]!.norm)) k--;
  return k >= 0 && CHOICE_NEGATIONS.has(tokens[k]!.norm);
}

interface RankingParts {
  choiceSlots: SlotInfo[];
  numberSlots: SlotInfo[];
  /** Number slots that may take an amount said in a currency: no counts (see `countsThings`). */
  amountSlots: SlotInfo[];
  ibanSlots: SlotInfo[];
  dateSlots: SlotInfo[];
  /** Slots of a distinctive pattern, each with its pattern compiled to find every match. */
  patterns: Array<{ slot: SlotInfo; pattern: RegExp }>;
  /** Digits slots of a declared length ("member number", 6 digits). */
  namedDigits: SlotInfo[];
  /** Free-text slots that ask for a place ("Which city?"). */
  placeSlots: SlotInfo[];
  /** Free-text slots: a value after one's name and a colon is evidence ("destination: Oslo"). */
  textSlots: SlotInfo[];
  /** Per flow with trigger cues for free-text slots: those slots and cues. */
  textCues: Array<{
    texts: SlotInfo[];
    cues: SlotCue[];
    /** Keys of the words the cues follow ("to" in `send {amount} to {beneficiary_name}`). */
    triggers: Set<string>;
    /** First stems of the slots' names ("name" of "name is ..."). */
    names: Set<string>;
    /** A cue follows "to", which a Spanish "a" can stand for. */
    spanishTo: boolean;
  }>;
}

const rankingPartsCache = new WeakMap<DomainModel, RankingParts>();

/** The slot lists the ranking view uses: they depend on the domain only, so built once. */
function rankingParts(model: DomainModel): RankingParts {
  let parts = rankingPartsCache.get(model);
  if (!parts) {
    const all = [...model.slots.values()].filter((s) => !s.def.internal);
    const textCues: RankingParts["textCues"] = [];
    for (const [flow, slots] of model.flowSlots) {
      const texts = slots.filter((s) => s.kind === "text");
      const cues = (model.cues.get(flow) ?? []).filter(
        (c) => c.before !== null && !c.prompt && texts.some((s) => s.name === c.slot),
      );
      if (cues.length > 0) {
        textCues.push({
          texts,
          cues,
          triggers: new Set(cues.map((c) => c.before!)),
          names: new Set(texts.flatMap((t) => t.keys.map((k) => k[0]!))),
          spanishTo: cues.some((c) => c.before === "to"),
        });
      }
    }
    parts = {
      choiceSlots: all.filter((s) => s.choices !== undefined),
      numberSlots: all.filter((s) => s.kind === "number"),
      amountSlots: all.filter((s) => s.kind === "number" && !countsThings(s)),
      ibanSlots: all.filter((s) => s.kind === "iban"),
      dateSlots: all.filter((s) => s.kind === "date"),
      patterns: all
        .filter((s) => s.distinctive && s.def.pattern)
        .map((slot) => ({ slot, pattern: new RegExp(slot.def.pattern!, "giu") })),
      namedDigits: all.filter((s) => s.def.extract === "digits" && s.def.length !== undefined),
      placeSlots: all.filter((s) => s.kind === "text" && s.place),
      textSlots: all.filter((s) => s.kind === "text"),
      textCues,
    };
    rankingPartsCache.set(model, parts);
  }
  return parts;
}

/**
 * One `@slot` marker group per value span of `found` (rankingView): "savings" may be an account
 * type or a source account. Module-level: no closure per view.
 */
function markValues(
  groups: Map<string, Set<string>>,
  spans: Array<{ start: number; end: number }>,
  slots: readonly SlotInfo[],
  found: ReadonlyArray<{ start: number; end: number }>,
): void {
  if (!slots.length) return;
  for (const span of found) {
    const key = `${span.start}:${span.end}`;
    const group = groups.get(key) ?? new Set<string>();
    for (const s of slots) group.add(`@${s.name}`);
    groups.set(key, group);
    spans.push(span);
  }
}

/** `text` without the values `found` in it, trimmed of the punctuation left around them. */
function cutOut(text: string, found: readonly Found[]): string {
  let rest = text;
  for (const f of [...found].sort((a, b) => b.start - a.start)) {
    rest = rest.slice(0, f.start) + rest.slice(f.end);
  }
  return rest.replace(/\s+([,.;])/g, "$1").replace(/^[\s,.;]+|[\s,.;]+$/g, "");
}

/** A value at an edge of the text or of one of its clauses (punctuation beside it). */
function standsApart(text: string, found: Found): boolean {
  const before = text.slice(0, found.start).trimEnd();
  const after = text.slice(found.end).trimStart();
  return before === "" || after === "" || /[,.;:!?(]$/.test(before) || /^[,.;:!?)]/.test(after);
}

/** The frame holds a value for `slot`. */
function isFilled(frame: FlowFrame, slot: SlotInfo): boolean {
  return frame.slots[slot.name] !== undefined && frame.slots[slot.name] !== null;
}

/** Nothing read the message. */
const NOT_UNDERSTOOD: Fired = { rule: "not-understood", commands: [] };

/** Rules that read a message the same way whatever is being asked. */
const ANY_STATE_RULES: readonly Rule<{ du: HeuristicUnderstanding; turn: Turn }>[] = [
  {
    name: "human",
    run: ({ turn }) =>
      !turn.acts.aboutAssistant && turn.model.handoff.test(turn.acts.flat)
        ? [{ type: "human_handoff", reason: turn.text.slice(0, 200) }]
        : null,
  },
  {
    // "repeat that", or "what was the reference?" about something just said.
    name: "repeat",
    run: ({ du, turn }) =>
      turn.acts.repeat ||
      (!turn.state.waiting_for && du.recalls(turn)) ||
      (turn.text.includes("?") && repeatWithReason(turn.text))
        ? REPEAT_LAST
        : null,
  },
  { name: "pick-offered-flow", run: ({ du, turn }) => du.pickOffered(turn) },
];

/** Greeting phrases as word lists, longest first, by their first word. */
const GREETING_PHRASES = new Map<string, string[][]>();
for (const phrase of [...GREETING].sort((a, b) => b.length - a.length)) {
  const words = phrase.split(" ");
  GREETING_PHRASES.set(words[0]!, [...(GREETING_PHRASES.get(words[0]!) ?? []), words]);
}

/** Emoji that answer a question on their own: a thumbs up is a "yes". */
const EMOJI_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/(?:\u{1F44D}|\u{1F44C}|\u2705|\u2714\uFE0F?|\u{1F197})[\u{1F3FB}-\u{1F3FF}]?/gu, " yes "],
  [/(?:\u{1F44E}|\u274C|\u{1F645})[\u{1F3FB}-\u{1F3FF}]?/gu, " no "],
];

/**
 * A copy of commands the DU made: flat objects whose values are primitives or arrays of
 * strings (a list slot's value, the flows of a clarification). What structuredClone gives for
 * them, at a fraction of its cost on the clause reads of a long message.
 */
function copyCommands(commands: readonly Command[]): Command[] {
  const out: Command[] = [];
  for (const c of commands) {
    const copy: Record<string, unknown> = { ...c };
    for (const key in copy) {
      const value = copy[key];
      if (Array.isArray(value)) copy[key] = [...value];
    }
    out.push(copy as Command);
  }
  return out;
}

/** Some member of `these` is in `set` (no copy of `these`: this runs per flow and view). */
function someIn(these: Iterable<string>, set: ReadonlySet<string>): boolean {
  for (const x of these) if (set.has(x)) return true;
  return false;
}

/** Below U+2700 (dingbats) no character is an emoji EMOJI_WORDS reads. */
const NO_EMOJI = /^[^\u2700-\uffff]*$/;

function emojiWords(message: string): string {
  // Most messages have no emoji: one scan instead of a Unicode replace per emoji group.
  if (NO_EMOJI.test(message)) return message;
  let out = message;
  for (const [pattern, word] of EMOJI_WORDS) out = out.replace(pattern, word);
  return out;
}

/** A short capitalised word with a full stop before a name ("Dr. Serra"): no sentence end. */
const ABBREVIATION = /\b([A-Z][a-z]{0,2})\.\s+(?=\p{Lu})/gu;
/** A message that is only a full name: "Jane Doe", "Mary-Jane O'Neill." */
const FULL_NAME_ALONE = /^\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}\s*[.!]?\s*$/u;
/** Set before a pair's "and" so that it parts no requests; taken out of the parts again. */
const PAIR_MARK = "\u0001";
/** The packs' "and" words, as a word of a message. */
const AND_WORD = new RegExp(`\\b(?:${[...AND_WORDS].join("|")})\\b`, "i");

/** Where one message may hold two requests: "... and (also/then) ...", "... then ...", ". ". */
const REQUEST_SPLIT =
  /\s*(?:,?\s+and\s+(?:also\s+|then\s+)?|,\s*(?:then|also|plus)\s+|[.;!?]\s+|\s+y\s+(?:tambien|también|luego)?\s*)/i;

/** "both", "all of them", "all my accounts", "every one": every choice of the slot asked. */
const EVERY_CHOICE =
  /^(?:(?:um+|ok|okay|well|hmm+)\s+)?(?:(?:i want |give me |show me |check )?(?:both(?: of them)?|all(?: of them| three| of (?:my|the) \w+| (?:my|the) \w+)?|every (?:one|account)|each (?:one|of them)|(?:todas|ambas|ambos)(?: mis \w+)?|las dos|los dos))(?:,?\s+please)?$/;

/** Said after a number ("2 days later", "one more night"), it makes the number a shift. */
const SHIFT_AFTER = new RegExp(`^(?:\\w+ )?(?:${SHIFT_WORDS.join("|")})\\b`);

/** The share of the usual coverage a request stated by its act and object needs (see decide). */
const STATED_SHARE = 2 / 3;

/**
 * "no heating since yesterday, what's going on": a flow matched only by the act of a phrase
 * ("what's going on" looks something up), naming nothing of its own, does not take the message
 * from a flow that its own words and one of its values name.
 */
function actOnlyAgainst(doer: FlowScore, named: FlowScore): boolean {
  return !doer.named && !doer.phrased && !doer.valued && !!named.named && !!named.valued;
}

/** How close a runner-up flow must score to win on a stated name (see byNamedValue). */
const RUNNER_UP_SHARE = 0.4;

/**
 * Whether LETTER_FRAME can match: each of its forms has one of these words. A plain substring
 * test is cheaper than the frame search, which tries its optional openers at every character.
 */
function mayFrame(text: string): boolean {
  const lower = text.toLowerCase();
  return LETTER_FRAME_WORDS.some((w) => lower.includes(w));
}

/** One to three capitalised words: "Tim", "Maria Lopez". */
const PROPER_NAME = /^\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2}$/u;

/** Words of a judgement that finds a value wrong ("wrong", "incorrect", "mal"), not right. */
const FAULTS: ReadonlySet<string> = new Set(
  [...JUDGEMENT].filter((w) => !AFFIRM.some((a) => a.split(" ").includes(w))),
);
/** The most words of a judgement said before a corrected value ("sorry, wrong number"). */
const FAULT_WORDS = 3;
/** A clause of a correction: up to a comma, full stop or "but" ("friday, not tomorrow"). */
const CLAUSE = /((?:(?![,.;!]\s|\sbut\s).)+)(?:[,.;!]\s+|\s+but\s+|$)/gi;

/** What may stand between a slot's name and its new value: "the amount to 300", "is: 300". */
const PREPOSITION_STEMS = new Set([...PREPOSITIONS].map(stem));

/** Length of a greeting that opens a longer message ("hi, so basically ..."), else 0. */
function leadingGreeting(text: string): number {
  const tokens = tokenize(text);
  for (const phrase of GREETING_PHRASES.get(tokens[0]?.norm ?? "") ?? []) {
    const n = phrase.length;
    if (tokens.length < n) continue;
    if (!phrase.every((word, i) => tokens[i]!.norm === word)) continue;
    // The whole message is the greeting ("hey there"): nothing to strip it from.
    return tokens.length === n ? 0 : tokens[n - 1]!.end;
  }
  return 0;
}

/** Words for people: "2 adults" counts who comes, not a thing. */
const PEOPLE = new Set(PEOPLE_WORDS);
/** "group of ", "we are ", "somos ": the text before a number ends with a lead to a head count. */
const PEOPLE_LEAD_BEFORE = new RegExp(`\\b(?:${PEOPLE_LEADS.join("|")})\\s*$`);

/**
 * "a car with two child seats", "we're a group of 7", "for 3 people": the number counts items of
 * a list slot said right after it, the thing of another flow's number slot, or, for a count of
 * days, people; not what `slot` counts.
 */
function countsOther(
  turn: Turn,
  n: { start: number; end: number },
  found: readonly Found[],
  slot: SlotInfo,
  flow: string,
): boolean {
  const text = turn.text;
  const items = found.some(
    (f) =>
      f.start >= n.end &&
      /^\s*$/.test(text.slice(n.end, f.start)) &&
      turn.model.slots.get(f.slot)?.kind === "list",
  );
  if (items) return true;
  // "hire the 4 berth boat" where the flow counts people: another flow's count.
  const own = turn.model.flowSlots.get(flow) ?? [];
  if (turn.model.reader.countsElsewhere(slot, own, text, n)) return true;
  if (!slot.days) return false;
  return countsPeople(text, n) || PEOPLE_LEAD_BEFORE.test(flat(text.slice(0, n.start)));
}

/**
 * "from savings" asked "From which account?": a lower-case preposition the slot's question
 * leads with (a cue learnt from the question) opens the answer only to lead to the value.
 */
function withoutCueWord(turn: Turn, slot: SlotInfo, found: Found): Found {
  if (typeof found.value !== "string" || slot.address) return found;
  const tokens = tokenize(found.value);
  const [first, second] = tokens;
  if (!first || !second || !/^\p{Ll}/u.test(first.raw) || !PREPOSITIONS.has(first.norm))
    return found;
  const flow = turn.frame?.flow;
  const key = turn.model.analyzer.key(first.norm);
  const cued = (flow ? turn.model.cues.get(flow) : undefined)?.some(
    (c) => c.slot === slot.name && c.prompt && c.before === key,
  );
  if (!cued) return found;
  // "from my checking": a possessive after the cue is no part of a thing's value (a person's
  // name slot keeps "my sister" whole, for the relation rules).
  const third = tokens[2];
  if (third && !slot.nameLike && POSSESSIVES.has(second.norm) && !STOP_WORDS.has(third.norm))
    return { ...found, value: found.value.slice(third.start), start: found.start + third.start };
  if (STOP_WORDS.has(second.norm)) return found;
  return { ...found, value: found.value.slice(second.start), start: found.start + second.start };
}

/** The most words a thing named after its count takes ("2 coffee grinders"). */
const COUNTED_THING_WORDS = 3;

/**
 * "I'd like to buy 3 t-shirts", "add 2 mugs to my cart": the words right after a count read for
 * the flow's number slot name the thing counted, which the flow asks for first as free text.
 * Only words the domain does not know (not "3 guests", the count's own word), up to the next stop
 * word or punctuation.
 */
function countedThing(turn: Turn, flow: string, found: readonly Found[]): Found | undefined {
  const slots = turn.model.flowSlots.get(flow) ?? [];
  const first = slots[0];
  if (first?.kind !== "text" || first.def.extract || first.def.choices) return undefined;
  if (found.some((f) => f.slot === first.name)) return undefined;
  const count = found.find(
    (f) =>
      typeof f.value === "number" &&
      slots.some((s) => s.name === f.slot && s.kind === "number" && !s.def.extract),
  );
  if (!count) return undefined;
  const counter = slots.find((s) => s.name === count.slot)!;
  // A head count ("for 2 people", "we are a family of four") counts who comes, not a thing.
  if (counter.people || ledAsPeople(turn.text, count.start)) return undefined;
  const own = new Set([
    ...counter.keys.flat(),
    ...tokenize(counter.def.prompt ?? "").map((t) => stem(t.norm)),
  ]);
  const after = tokenize(turn.text.slice(count.end));
  const words: Token[] = [];
  for (const t of after) {
    const gap = turn.text.slice(count.end + (words.at(-1)?.end ?? 0), count.end + t.start);
    if (/[,.;:!?]/.test(gap) || STOP_WORDS.has(t.norm) || !/^\p{L}[\p{L}'-]*$/u.test(t.raw)) break;
    // "for two nights": a count of days counts no thing.
    if (
      turn.model.analyzer.knows(t.norm) ||
      own.has(stem(t.norm)) ||
      PEOPLE.has(t.norm) ||
      DAY_STEMS.has(stem(t.norm))
    ) {
      return undefined;
    }
    words.push(t);
    if (words.length > COUNTED_THING_WORDS) return undefined;
  }
  if (words.length === 0) return undefined;
  const start = count.end + words[0]!.start;
  const end = count.end + words.at(-1)!.end;
  return { slot: first.name, value: turn.text.slice(start, end), start, end };
}

/**
 * "olvídalo, ya lo mando otro día", "uf, forget it, I'll drop it off myself": a cancel said
 * first (maybe behind an opener: "mejor olvídalo"), as a clause of its own after nothing but
 * fillers, then words that ask nothing (no question, no request or switch cue, no other
 * cancel): the rest is why, and the running flow stops, whatever values of other flows the
 * reason happens to say.
 */
function cancelThenReason(text: string): boolean {
  if (text.includes("?")) return false;
  const clauses = text.split(/[,.;:!]+/);
  for (let i = 0; i < clauses.length - 1; i++) {
    const clause = flat(clauses[i]!);
    if (!clause) continue;
    // "mejor olvídalo, lo dejo como estaba": a cancel opener ("better", "wait") before it.
    if (readActs(clause.replace(CANCEL_OPENER, "")).cancel) {
      const rest = flat(clauses.slice(i + 1).join(" "));
      return (
        rest.length > 0 &&
        !REQUEST_CUES.test(rest) &&
        !SWITCH_CUES.test(rest) &&
        !DIGRESSION_CUES.test(rest) &&
        !readActs(rest).cancelMentioned
      );
    }
    if (!clause.split(" ").every((w) => FILLERS.has(w) || NO_OPENER_WORDS.has(w))) return false;
  }
  return false;
}
const NO_OPENER_WORDS = new Set(NO_OPENERS.flatMap((p) => p.split(" ")));

const SLOT_WORDS = new WeakMap<SlotInfo, ReadonlySet<string>>();

/** Stems of the words a slot is written with: its name, label, prompt, description and choices. */
function slotWords(slot: SlotInfo): ReadonlySet<string> {
  let words = SLOT_WORDS.get(slot);
  if (!words) {
    const { def } = slot;
    const texts = [
      slot.name.replace(/_/g, " "),
      def.label ?? "",
      def.prompt ?? "",
      def.description ?? "",
      ...(def.choices ?? []).map((c) => String(c).replace(/_/g, " ")),
      ...Object.values(def.choice_labels ?? {}),
      ...Object.values(def.synonyms ?? {}).flat(),
    ];
    words = new Set(texts.flatMap((t) => tokenize(t).map((w) => stem(w.norm))));
    SLOT_WORDS.set(slot, words);
  }
  return words;
}
