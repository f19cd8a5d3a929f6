import type { Command } from "../../../protocol/commands.ts";
import { sameValue } from "../../same-value.ts";
import { readActs } from "../acts.ts";
import { findIbans } from "../extract/codes.ts";
import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import {
  ASIDE_OPENER,
  DENY,
  DIGRESSION_CUES,
  EVERYTHING,
  FILLERS,
  ITEM_NEGATORS,
  NOT_AT_HAND,
  NOT_KNOWN,
  NOTHING,
  NOTHING_VERBS,
  POSSESSIVES,
  PRICE_QUESTION,
  QUESTION_START,
  REQUEST_CUES,
  SAME_DAY,
  STOP_WORDS,
  TASKS,
  THANKS_WORD,
  WISH_START,
} from "../language/words.ts";
import { listEdit } from "../list-edit.ts";
import { recentValues } from "../recent-values.ts";
import type { SlotInfo } from "../slot-catalog.ts";
import type { Found } from "../slot-reader.ts";
import { flat, tokenize } from "../text.ts";
import { ASIDE_REMARK } from "./aside-remark.ts";
import { cancelTheThing } from "./cancel-the-thing.ts";
import { declinesOfferFirst } from "./decline-offer.ts";
import { AFTERTHOUGHT_WORDS, declinesWithReason } from "./decline-reason.ts";
import { dropHeld } from "./drop-held.ts";
import { keepsOnlyTheBase } from "./only-the-base.ts";
import { priceFlow } from "./open.ts";
import type { Rule } from "./rule.ts";
import {
  declines,
  FRUSTRATED,
  OUT_OF_SCOPE,
  onlyCancels,
  PAUSED,
  saysNotKnown,
  saysOwnDecline,
} from "./shared.ts";
import { asksUnknownThing } from "./unknown-thing.ts";

/** Words after "no idea" that make a description, not a shrug. */
const DESCRIPTION_WORDS = 4;

/**
 * "no idea, it just stopped working after the update" asked what is happening: the words after
 * the not-knowing describe it; a free-text answer needs no certainty.
 */
function describesAnyway(c: SlotContext): boolean {
  // "ni idea de dónde está, no ha llegado nunca" asked lost or damaged: the not knowing is of
  // something else; a clause after it names one of the choices asked for.
  if (c.slot.def.choices) {
    const comma = c.turn.text.indexOf(",");
    const answer = c.answer;
    return comma > 0 && answer !== null && answer.start > comma;
  }
  if (c.slot.def.extract !== "free_text") return false;
  const text = flat(c.turn.text);
  const hit = NOT_KNOWN.exec(text);
  if (!hit || text.slice(0, hit.index).trim() !== "") return false;
  const rest = text.slice(hit.index + hit[0].length).split(" ");
  return rest.filter((w) => w && !STOP_WORDS.has(w) && !FILLERS.has(w)).length >= DESCRIPTION_WORDS;
}

/**
 * "ni idea, empiezo de cero" asked the level: a first clause that only says the user does not
 * know, then the asked slot's value after the clause mark. The value is the answer.
 */
function answersAfterShrug(c: SlotContext): boolean {
  if (!c.typed) return false;
  const text = c.turn.text;
  const mark = text.search(/[,.;:!]\s/);
  if (mark < 0 || !saysNotKnown(flat(text.slice(0, mark)), c.slot)) return false;
  const answer = c.answer;
  return answer !== null && answer.start > mark;
}

/** A collect step waits for `slot`; what several rules need is read once, on first use. */
export class SlotContext {
  constructor(
    readonly du: HeuristicUnderstanding,
    readonly turn: Turn,
    readonly slot: SlotInfo,
  ) {}
  #others?: Found[];
  #digression?: Command[] | null;
  #term?: string | null;
  #alone?: Found | null;
  #answer?: Found | null;
  #jointDates?: Found[] | null;

  get frame() {
    return this.turn.frame!;
  }
  /** Values of other slots of the flow said alongside ("Ana, 50 euros"). */
  get others(): Found[] {
    this.#others ??= this.jointDates
      ? this.jointDates.filter((f) => f.slot !== this.slot.name)
      : this.du.mentionsFor(this.turn, this.frame.flow, [], [this.slot.name]);
    this.#others = this.laterDates(this.#others);
    return this.#others;
  }
  /**
   * "friday until sunday" asked the pick-up date: several dates are no answer alone, but read
   * with the flow's other empty date slots they fill them in order, the asked one included. So
   * do two choices in a row for two slots taking the same choices ("ibiza palma" asked the
   * port of departure).
   */
  get jointDates(): Found[] | null {
    if (this.#jointDates === undefined) {
      const { turn, slot } = this;
      const joint =
        (slot.kind === "date" || slot.kind === "choice") && !this.alone
          ? this.du.mentionsFor(turn, this.frame.flow, [], [])
          : [];
      this.#jointDates = joint.some((f) => f.slot === slot.name) ? joint : null;
    }
    return this.#jointDates;
  }
  /** Another flow asked for clearly enough to interrupt this one. */
  get digression(): Command[] | null {
    if (this.#digression === undefined) this.#digression = this.du.digression(this.turn);
    return this.#digression;
  }
  get term(): string | null {
    if (this.#term === undefined) this.#term = this.du.termTopic(this.turn);
    return this.#term;
  }
  /** The message read as the asked slot's value on its own. */
  private get alone(): Found | null {
    if (this.#alone === undefined) {
      const { model, text } = this.turn;
      const read = model.reader.answer(this.slot, text);
      // "5 nights" asked the guests is the nights, said again or for the first time.
      const slots = model.flowSlots.get(this.frame.flow) ?? [];
      const cues = model.cues.get(this.frame.flow) ?? [];
      this.#alone =
        read && model.reader.namesOther(this.slot, slots, cues, text, read) ? null : read;
    }
    return this.#alone;
  }
  /** The message read as the answer to the pending question. */
  get answer(): Found | null {
    if (this.#answer === undefined) {
      const read = this.alone ?? this.jointDates?.find((f) => f.slot === this.slot.name) ?? null;
      this.#answer =
        read && this.slot.kind === "date"
          ? this.afterEarlier(read, [])
          : (read ?? this.sameDay() ?? this.daysUntil());
    }
    return this.#answer;
  }
  /**
   * "till saturday" asked a count of days (a campsite's nights): the days from the flow's
   * latest date to that day (SlotReader.daysUntil); nothing when no date is held.
   */
  private daysUntil(): Found | null {
    if (this.slot.kind !== "number" || !this.slot.days) return null;
    let latest: string | undefined;
    for (const s of this.turn.model.flowSlots.get(this.frame.flow) ?? []) {
      const v = this.frame.slots[s.name];
      if (s.kind === "date" && typeof v === "string" && (!latest || v > latest)) latest = v;
    }
    const days = latest ? this.turn.model.reader.daysUntil(this.turn.text, latest) : null;
    return days
      ? { slot: this.slot.name, value: days, start: 0, end: this.turn.text.length }
      : null;
  }
  /**
   * "just for the day" asked an end date: the span ends on the day it starts, the flow's latest
   * earlier date (pack `sameDay`); nothing when no earlier date is held.
   */
  private sameDay(): Found | null {
    if (this.slot.kind !== "date" || !SAME_DAY.test(flat(this.turn.text))) return null;
    let latest: string | undefined;
    for (const s of this.turn.model.flowSlots.get(this.frame.flow) ?? []) {
      if (s.name === this.slot.name) break;
      const v = this.frame.slots[s.name];
      if (s.kind === "date" && typeof v === "string" && (!latest || v > latest)) latest = v;
    }
    return latest
      ? { slot: this.slot.name, value: latest, start: 0, end: this.turn.text.length }
      : null;
  }
  /**
   * A weekday or a day of the month alone read for a later date slot (a return, a check-out)
   * that would fall before the flow's earlier date, given before or in the same message: the
   * first such day after it (SlotReader.afterEarlier).
   */
  private afterEarlier(found: Found, alongside: readonly Found[]): Found {
    let latest: string | undefined;
    for (const s of this.turn.model.flowSlots.get(this.frame.flow) ?? []) {
      if (s.name === found.slot) break;
      if (s.kind !== "date") continue;
      const v = alongside.find((f) => f.slot === s.name)?.value ?? this.frame.slots[s.name];
      if (typeof v === "string" && (!latest || v > latest)) latest = v;
    }
    return latest ? this.turn.model.reader.afterEarlier(found, latest, this.turn.text) : found;
  }
  /** Dates of `found` moved after the flow's earlier date where they are weekdays before it. */
  laterDates(found: Found[]): Found[] {
    if (!found.some((f) => this.dateSlot(f.slot))) return found;
    const all = this.answer ? [this.answer, ...found] : found;
    return found.map((f) => (this.dateSlot(f.slot) ? this.afterEarlier(f, all) : f));
  }
  private dateSlot(name: string): boolean {
    return (this.turn.model.flowSlots.get(this.frame.flow) ?? []).some(
      (s) => s.name === name && s.kind === "date",
    );
  }
  get question(): boolean {
    const text = this.turn.text;
    if (text.includes("?")) return true;
    // "que revisen también los frenos": a wish for what they should do opens as "¿qué?" does.
    return QUESTION_START.test(this.turn.acts.flat) && !WISH_START.test(text.trim().toLowerCase());
  }
  /** One word: the answer itself, even when the word is also one of the flow's own words. */
  get oneWord(): boolean {
    return tokenize(this.turn.text).length === 1;
  }
  /** A typed (not free-text) slot. */
  get typed(): boolean {
    return this.slot.kind !== "text";
  }
}

/**
 * "nothing in it, and some soup" asked the fillings: values said beside a decline for slots still
 * empty are taken too.
 */
function emptyOthers(c: SlotContext): Command[] {
  const fresh = c.others.filter((f) => (c.frame.slots[f.slot] ?? null) === null);
  return fresh.length ? c.du.setSlots(c.turn, fresh) : [];
}

/** Kinds whose answer is only read when the message states one: a choice, a date, a number. */
const STRICT_KINDS: ReadonlySet<SlotInfo["kind"]> = new Set(["choice", "date", "number"]);

/** The message is the pending question's answer unless one of these reads it first. */
export const SLOT_RULES: readonly Rule<SlotContext>[] = [
  {
    // "nothing to drink" asked the toppings: another optional slot declined by name, and
    // nothing else said. That slot is skipped; the asked one too when declined alongside
    // ("no toppings and no drink"), else it is asked again.
    name: "decline-other-optional",
    run: ({ turn, slot, frame }) => {
      if (turn.acts.cancel) return null;
      // A filled one is taken back ("actually no toppings" asked the drink): skipped, emptied.
      const all = turn.model.flowSlots.get(frame.flow) ?? [];
      const open = all.filter((s) => s !== slot && s.optional);
      // "nothing extra" asked an optional question answers that one, not another unnamed.
      const gone = open.length
        ? turn.model.reader.declined(turn.text, open, all, !slot.optional)
        : [];
      if (gone.length === 0) return null;
      const asked = slot.optional ? turn.model.reader.declined(turn.text, [slot], all) : [];
      if (!declines(turn.acts.flat, [...gone, ...asked])) return null;
      return [...asked, ...gone].map((s): Command => ({ type: "skip_slot", slot: s.name }));
    },
  },
  {
    // "no toppings", "none", "no thanks" to an optional question: answered with no value. Only
    // an explicit cancel phrase ("cancel the order") cancels (docs/understanding.md). When "no"
    // is one of the slot's choices, it is the answer.
    name: "decline-optional",
    run: (c) => {
      const { turn, slot, frame } = c;
      return slot.optional &&
        !turn.acts.cancel &&
        !slot.def.choices?.includes("no") &&
        (declines(turn.acts.flat, slot) ||
          (turn.acts.offerDeclined && slot.kind !== "boolean") ||
          declinesLast(turn, slot) ||
          negatesItems(turn, slot) ||
          declinesByNoun(turn, slot, frame.flow) ||
          declinesWithReason(turn, slot, frame.flow) ||
          declinesOfferFirst(turn, slot, frame.flow) ||
          opensWithNothing(turn.acts.flat) ||
          declinesForAll(turn.acts.flat) ||
          saysNotKnown(turn.acts.flat, slot) ||
          saysOwnDecline(turn.acts.flat, slot) ||
          keepsOnlyTheBase(c))
        ? [{ type: "skip_slot", slot: slot.name }, ...emptyOthers(c)]
        : null;
    },
  },
  {
    // A yes/no question: "no" is an answer here, not a refusal to go on.
    name: "yes-no-answer",
    run: (c) => {
      const { acts } = c.turn;
      if (c.slot.kind !== "boolean" || !c.answer) return null;
      return acts.affirm || acts.deny || acts.affirmLead || acts.denyLead
        ? [{ type: "set_slot", slot: c.slot.name, value: c.answer.value }]
        : null;
    },
  },
  {
    // "forget the beer", "no drink after all" asked the address: one held value taken back.
    name: "drop-held-value",
    run: ({ du, turn }) => dropHeld(du, turn),
  },
  { name: "cancel-the-thing", run: ({ du, turn }) => cancelTheThing(du, turn) },
  {
    // Asked a name, a word one letter from a cancel word ("Canela", "cancela") is the name:
    // only the words as typed cancel.
    name: "name-not-cancel",
    run: (c) =>
      c.slot.nameLike &&
      c.answer &&
      c.turn.acts.cancelMentioned &&
      !readActs(c.turn.text).cancelMentioned
        ? [{ type: "set_slot", slot: c.slot.name, value: c.answer.value }]
        : null,
  },
  {
    name: "cancel",
    run: ({ du, turn }) => {
      if (!(turn.acts.cancel || du.cancelsActive(turn) || onlyCancels(turn))) return null;
      const next = du.flowAfterCancel(turn);
      return next ? [{ type: "cancel_flow" }, ...du.start(turn, next)] : [{ type: "cancel_flow" }];
    },
  },
  {
    // "investment" when asked "checking or savings?": answered, so the DM lists the allowed ones.
    name: "disallowed-choice",
    run: ({ du, turn, slot }) => {
      const value = du.disallowedChoice(turn, slot);
      return value ? [{ type: "set_slot", slot: slot.name, value }] : null;
    },
  },
  { name: "every-choice", run: ({ du, turn, slot }) => du.everyChoice(turn, slot) },
  {
    // "the same account as before": values of the flow that just finished.
    name: "same-as-before",
    run: ({ du, turn, slot, frame }) => {
      const again = recentValues(
        turn.model,
        turn.state,
        turn.text,
        turn.acts.flat,
        frame.flow,
        slot,
      ).filter((f) => f.slot === slot.name || (frame.slots[f.slot] ?? null) === null);
      return again.some((f) => f.slot === slot.name) ? du.setSlots(turn, again, slot) : null;
    },
  },
  {
    // "add mushrooms too", "remove the olives": a list given earlier changes, keeping the rest.
    name: "list-edit",
    run: ({ du, turn }) => {
      const edit = listEdit(turn);
      return edit ? du.setSlots(turn, [edit]) : null;
    },
  },
  {
    name: "question-aside",
    run: ({ du, turn, slot }) => (du.asksAbout(turn, slot) ? null : du.questionAside(turn, slot)),
  },
  {
    // "hang on, let me look at it": before a correction ("hang on" opens one too),
    // after a request for another flow ("hang on, let me ask for the other thing first").
    name: PAUSED.name,
    run: (c) => {
      const paused = PAUSED.run(c);
      if (!paused) return null;
      // As the digression rule below, another flow needs a cue that asks for it; the whole
      // message being a pause, its own words ("let me search my drawer") ask for nothing, so
      // only a cue that puts a request first ("let me check the other thing first") does.
      const asks = DIGRESSION_CUES.test(c.turn.acts.flat) || c.turn.text.includes("?");
      return asks && c.digression ? null : paused;
    },
  },
  {
    // A correction that keeps no value (a slot named in a story: "el seguimiento no se mueve
    // desde el día 5" asked what happened) reads nothing: the later rules read the message.
    name: "correction",
    run: ({ du, turn, slot }) => {
      const commands = du.correction(turn, slot);
      return commands?.length ? commands : null;
    },
  },
  {
    // "where can I see the IBAN?": a question about the thing asked.
    name: "asks-about-question",
    run: ({ du, turn, slot }) =>
      du.asksAbout(turn, slot) ? [{ type: "clarify", topic: slot.name }] : null,
  },
  {
    // "forget it, I want to check my balance instead": drop this flow, then start that one.
    name: "switch-flow",
    run: (c) => {
      if (!c.du.replacesFlow(c.turn)) return null;
      if (c.digression)
        return c.du.deferredOnly(c.turn)
          ? [{ type: "cancel_flow" }]
          : [{ type: "cancel_flow" }, ...c.digression];
      // "wait no, I'd rather just move it" while a cancel asks the code: a change of plan and
      // the verb of one other flow, whose acts this flow does not share, say which flow is
      // meant though the message names nothing (too few of its words for a digression).
      const { turn } = c;
      if (!turn.acts.switches || turn.text.includes("?") || c.answer) return null;
      const { index, loaded, greetings } = turn.model;
      const own = index.actsOf(c.frame.flow);
      const acting = turn.rank.filter(
        (r) =>
          r.acting &&
          r.flow !== c.frame.flow &&
          !loaded.domain.flows[r.flow]?.internal &&
          !greetings.has(r.flow),
      );
      if (acting.length !== 1) return null;
      const flow = acting[0]!.flow;
      const acts = index.actsOf(flow);
      if (acts.size === 0 || [...acts].some((a) => own.has(a))) return null;
      return [{ type: "cancel_flow" }, ...c.du.start(turn, flow)];
    },
  },
  {
    // Without a request cue, values of this flow's slots ("from savings") are answers, not a
    // request for a flow that happens to use the same words; a typed answer still wins.
    name: "digression",
    // The flows are ranked last: most messages here are plain answers the cheap checks settle.
    run: (c) => {
      // A bare yes or no ("vale", "ok, thanks") answers the question, though another flow's
      // phrase holds the word ("cuánto vale ...").
      const { acts } = c.turn;
      if (acts.affirm || acts.deny || acts.chitchat === "thanks") return null;
      // A number inside another flow's code ("cancel HB-123456" asked the nights) is no answer
      // when a task word asks for that flow (checked last: a plain answer is never ranked).
      if (
        c.typed &&
        c.answer &&
        !(c.turn.model.index.hasTask(c.turn.text) && c.du.valueOfOtherFlow(c.turn))
      )
        return null;
      const request = REQUEST_CUES.test(c.turn.acts.flat) || c.turn.text.includes("?");
      if (!(request || (c.typed && c.others.length === 0))) return null;
      // "lol what a morning": a remark opened with a laugh or thanks asks for
      // nothing without a cue (rule aside-remark).
      if (!request && ASIDE_OPENER.test(c.turn.acts.flat)) return null;
      // "en Pozuelo, el del centro comercial" asked the salon: values of the asked choice
      // (two, or said loosely) answer it, whichever other flow also takes them.
      if (!request && c.slot.choices && c.slot.choices.find(c.turn.text).length > 0) return null;
      // Several flows take what was said and nothing tells which: ask, do not pick one.
      const choices = c.du.digressionChoices(c.turn);
      return choices ? [{ type: "clarify", flows: choices }] : c.digression;
    },
  },
  {
    name: "frustration",
    run: (c) => (c.turn.acts.frustrated && !(c.typed && c.answer) ? FRUSTRATED : null),
  },
  {
    // "what do you mean by reference?" asks about that slot, whatever the pending question.
    name: "slot-term-question",
    run: (c) =>
      c.term && c.turn.model.slots.has(c.term) ? [{ type: "clarify", topic: c.term }] : null,
  },
  {
    // "How much do I have?" while an IBAN is asked: another flow's trigger phrase but for one
    // word interrupts this one, as its full phrase would.
    name: "near-trigger-digression",
    run: ({ du, turn, frame }) => {
      if (turn.acts.affirm || turn.acts.deny) return null;
      const flow = turn.model.index.nearPhrase(turn.text);
      return flow && flow !== frame.flow ? du.start(turn, flow) : null;
    },
  },
  {
    // "can I get a mortgage?": neither the answer nor about the question. "could I get the
    // blue one?" asked a choice names one: a polite answer, read below.
    name: "out-of-scope-question",
    run: (c) => {
      const { acts } = c.turn;
      // Small talk ("are you a bot?") is answered as such, then the question asked again.
      return c.question &&
        !(c.typed && c.answer) &&
        !acts.help &&
        !acts.helpQuestion &&
        !acts.chitchat &&
        c.du.offTopic(c.turn, c.slot)
        ? OUT_OF_SCOPE
        : null;
    },
  },
  {
    // "how much is the breakfast?" asked the extras: a question about a price names a value
    // without choosing it. Where one other flow tells prices it answers the question, as a
    // digression (the value is the price flow's, not this answer); else no flow answers it.
    name: "asked-price-question",
    run: ({ du, turn, frame }) => {
      const text = flat(turn.text);
      if (!PRICE_QUESTION.test(text)) return null;
      if (tokenize(turn.text).some((t) => POSSESSIVES.has(t.norm))) return null;
      const flow = priceFlow(turn);
      if (!flow) return OUT_OF_SCOPE;
      return flow === frame.flow ? null : du.start(turn, flow);
    },
  },
  {
    // "no, I don't have it with me": a "no" to the question, with why (docs/dialogue.md).
    name: "no-not-at-hand",
    run: ({ turn: { acts } }) => {
      if (!acts.denyLead) return null;
      const words = acts.flat.split(" ");
      const rest = DENY_WORDS.has(words[0]!) ? words.slice(1).join(" ") : "";
      return NOT_AT_HAND.test(rest) ? [{ type: "deny" }] : null;
    },
  },
  {
    // "I don't know, like 50?" still gives a value for a typed question.
    name: "help",
    run: (c) => {
      const { acts } = c.turn;
      const unsure =
        acts.helpQuestion && c.typed && c.slot.kind !== "iban" && /\d/.test(c.turn.text);
      if (acts.helpQuestion && answersAfterShrug(c)) return null;
      return acts.help || (acts.helpQuestion && !(unsure && c.answer) && !describesAnyway(c))
        ? [{ type: "clarify", topic: c.slot.name }]
        : null;
    },
  },
  { name: "term-question", run: (c) => (c.term ? [{ type: "clarify", topic: c.term }] : null) },
  {
    // "morning" when asked "morning or afternoon?", "this morning" when asked since when: the
    // answer, not a greeting; so is "morning" asked the day, being a choice of another slot of
    // the flow. (Codes and IBANs are read loosely: "hello" is no reference.)
    name: "small-talk",
    run: (c) => {
      if (!c.turn.acts.chitchat || (STRICT_KINDS.has(c.slot.kind) && c.answer)) return null;
      // The whole message must be the value, but for fillers ("morning please"): "good
      // morning" asked the day stays a greeting.
      const { text, model } = c.turn;
      const whole = (f: Found) =>
        STRICT_KINDS.has(model.slots.get(f.slot)?.kind ?? "text") &&
        tokenize(text.slice(0, f.start) + text.slice(f.end)).every((t) => FILLERS.has(t.norm));
      return c.others.some(whole) ? null : c.du.chitchat(c.turn);
    },
  },
  {
    // "yes"/"no" to an open question: the DM re-asks it, or takes it as the answer to its
    // offer of a human; "no thanks" means the user does not want to go on.
    name: "yes-no-to-open-question",
    run: ({ turn }) => {
      const { acts } = turn;
      if (!acts.affirm && !acts.deny) return null;
      if (!turn.state.offered_handoff && acts.deny && THANKS_WORD.test(acts.flat)) {
        return [{ type: "cancel_flow" }];
      }
      return [{ type: acts.affirm ? "affirm" : "deny" }];
    },
  },
  {
    // "nothing to add", "no, nobody" asked a name: no answer, so the question is asked again.
    name: "nothing-for-text",
    run: (c) => (!c.typed && opensWithNothing(c.turn.acts.flat) ? [{ type: "deny" }] : null),
  },
  {
    // The running flow's request said again ("send 50 to Ana" while its IBAN is asked).
    name: "request-again-for-iban",
    run: ({ du, turn, slot, frame }) =>
      slot.kind === "iban" && findIbans(turn.text).length === 0 && du.requestsAgain(turn)
        ? du.start(turn, frame.flow)
        : null,
  },
  {
    // An IBAN or amount said again while a free-text question is asked is not its answer.
    name: "typed-value-for-text",
    run: (c) => {
      if (c.typed) return null;
      const found = c.du.bareCorrection(c.turn, c.slot, true);
      if (!found) return null;
      // One word that is not a value said again ("123456" asked a code, the amount being
      // 12000) answers the question.
      if (c.oneWord && !sameValue(found.value, c.frame.slots[found.slot])) return null;
      return c.du.setSlots(c.turn, [found]);
    },
  },
  {
    // "does the hotel have a pool?" asked the date: a thing the domain has no word for.
    name: "unknown-thing-question",
    run: (c) => (c.question && asksUnknownThing(c.du, c.turn, true) ? OUT_OF_SCOPE : null),
  },
  {
    // "who can I send it to?" asks about the question; it is not the answer.
    name: "question-for-text",
    run: (c) => (!c.typed && c.question ? [{ type: "clarify", topic: c.slot.name }] : null),
  },
  {
    // "new transfer" while asked who gets it: the request said again, not a name. One word
    // ("checking" asked "which account?" in a flow triggered by "check my balance") answers.
    name: "restates-for-text",
    run: (c) =>
      !c.typed && !c.oneWord && c.du.restates(c.turn) ? c.du.start(c.turn, c.frame.flow) : null,
  },
  {
    // "from savings" while asked the concept, "afternoon" while asked the patient's name: a
    // value of another slot, not the answer.
    name: "other-slot-value-for-text",
    run: ({ du, turn, slot, typed }) => {
      if (typed) return null;
      const cued = du.cuedChoice(turn, slot);
      return cued ? du.setSlots(turn, [cued]) : null;
    },
  },
  {
    name: "answer",
    run: (c) => {
      if (!c.typed) {
        const answer = c.du.textAnswer(c.turn, c.slot, c.others);
        return answer ? c.du.setSlots(c.turn, answer) : null;
      }
      if (!c.answer) return null;
      const extra =
        c.jointDates !== null
          ? c.others
          : c.laterDates(c.du.mentionsFor(c.turn, c.frame.flow, [c.answer], [c.slot.name]));
      const found = [c.answer, ...extra];
      // "swan lake on the 16th, 2 in the stalls": with other values given beside the answer,
      // the one number no value took is the flow's one number slot.
      const lone = extra.length > 0 ? c.du.loneNumber(c.turn, c.frame.flow, found) : null;
      if (lone) found.push(lone);
      // "large, no toppings": the optional slot declined on the way is skipped.
      return [...c.du.setSlots(c.turn, found), ...c.du.skips(c.turn, c.frame.flow, found)];
    },
  },
  {
    // "from my savings" while asked the amount.
    name: "other-slot-values",
    // "no fillings, and crisps" asked the fillings: the optional slot declined beside is skipped.
    run: (c) => {
      if (!c.others.length) return null;
      // "5, and there'll be 2 of us" asked the nights: the number the others left answers.
      const lone =
        c.slot.kind === "number" && !c.others.some((f) => f.slot === c.slot.name)
          ? c.du.freeNumberFor(c.turn, c.frame.flow, c.slot, c.others)
          : null;
      const found = lone ? [lone, ...c.others] : c.others;
      return [...c.du.setSlots(c.turn, found), ...c.du.skips(c.turn, c.frame.flow, found)];
    },
  },
  {
    // "Peter Walsh" while asked the IBAN of "my neighbour": the name replaces the relation.
    name: "name-for-relation",
    run: ({ du, turn, slot }) => {
      const person = du.nameForRelation(turn, slot);
      return person ? [{ type: "set_slot", slot: person.slot, value: person.value }] : null;
    },
  },
  {
    // "1,500.50" while asked the source account, the amount being filled: a correction.
    name: "bare-correction",
    run: ({ du, turn, slot }) => {
      const bare = du.bareCorrection(turn, slot);
      return bare ? du.setSlots(turn, [bare]) : null;
    },
  },
  {
    name: "restates-flow",
    run: (c) => (c.du.restates(c.turn) ? c.du.start(c.turn, c.frame.flow) : null),
  },
  {
    // "1234" while asked "debit or credit?": kept for the slot that takes it.
    name: "early-value",
    run: ({ du, turn, slot }) => {
      const early = du.bareOther(turn, slot);
      return early ? du.setSlots(turn, [early]) : null;
    },
  },
  {
    name: "unclear-question",
    run: (c) => (c.question ? [{ type: "clarify", topic: c.slot.name }] : null),
  },
  ASIDE_REMARK,
];

/**
 * "nothing to add", "no, none of that": after any "no" and fillers, a word for nothing, not the
 * subject of a verb ("nadie ha venido" tells what happened).
 */
function opensWithNothing(text: string): boolean {
  const words = text.split(" ");
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (NOTHING.has(w)) return !NOTHING_VERBS.has(words[i + 1] ?? "");
    if (!DENY_WORDS.has(w) && !FILLERS.has(w)) return false;
  }
  return false;
}
const DENY_WORDS = new Set(DENY.filter((p) => !p.includes(" ")));

/**
 * "no, just show me everything" asked an optional slot that narrows a search: a no, then only
 * a word for everything with function words, fillers and words that ask to see: no value.
 */
function declinesForAll(text: string): boolean {
  const words = text.split(" ").filter(Boolean);
  if (words.length < 2 || !DENY_WORDS.has(words[0]!)) return false;
  let all = false;
  for (const w of words.slice(1)) {
    if (EVERYTHING.has(w)) all = true;
    else if (!DENY_WORDS.has(w) && !FILLERS.has(w) && !STOP_WORDS.has(w) && !SEE_WORDS.has(w))
      return false;
  }
  return all;
}
const SEE_WORDS = new Set((TASKS.lookup ?? []).filter((p) => !p.includes(" ")));

/**
 * "no extras" asked a list its domain calls otherwise: the plural noun after the negator stands
 * for the list's items (SlotReader.declinedNoun), and the rest declines.
 */
function declinesByNoun(turn: Turn, slot: SlotInfo, flow: string): boolean {
  const slots = turn.model.flowSlots.get(flow) ?? [slot];
  const noun = turn.model.reader.declinedNoun(turn.text, slot, slots);
  if (!noun) return false;
  const rest = turn.acts.flat
    .split(" ")
    .filter((w) => w !== noun)
    .join(" ");
  return declines(rest, slot);
}

/**
 * "just plain, nothing on it", "as it comes, no thanks": a short lead-in that uses no word of
 * the domain's vocabulary (so names no value) and asks nothing, then a clause that declines.
 */
function declinesLast(turn: Turn, slot: SlotInfo): boolean {
  const { text } = turn;
  if (text.includes("?")) return false;
  let cut = -1;
  for (const m of text.matchAll(/[,.;!]\s/g)) cut = m.index;
  if (cut < 0) return false;
  const lead = tokenize(text.slice(0, cut));
  if (lead.length === 0 || lead.length > AFTERTHOUGHT_WORDS) return false;
  const known = lead.some(
    (t) =>
      !STOP_WORDS.has(t.norm) &&
      !FILLERS.has(t.norm) &&
      turn.model.analyzer.knows(turn.model.analyzer.correct(t.norm)),
  );
  const tail = flat(text.slice(cut + 1));
  return !known && (declines(tail, slot) || opensWithNothing(tail));
}

/** "no parking", "no onions thanks" asked a list: every item named is left out, nothing else said. */
function negatesItems(turn: Turn, slot: SlotInfo): boolean {
  if (slot.kind !== "list" || !slot.choices) return false;
  const { kept, negated } = slot.choices.items(turn.text, ITEM_NEGATORS);
  if (kept.length > 0 || negated.length === 0) return false;
  let rest = turn.text;
  for (const m of [...negated].sort((a, b) => b.start - a.start)) {
    rest = rest.slice(0, m.start) + rest.slice(m.end);
  }
  return declines(flat(rest), slot);
}
