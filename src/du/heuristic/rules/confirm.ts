import type { Command } from "../../../protocol/commands.ts";
import { sameValue } from "../../same-value.ts";
import { flowWords, saysOwnAct } from "../flow-words.ts";
import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import {
  CHANGE_WORDS,
  DEFERRALS,
  FILLERS,
  KEEP_IT,
  KEEP_OLD,
  LEAVE_AS_IS,
  NEGATED_ACT,
  QUESTION_START,
  REQUEST_CUES,
  STOP_WORDS,
  WHOLE_THING,
} from "../language/words.ts";
import { listEdit } from "../list-edit.ts";
import type { SlotInfo } from "../slot-catalog.ts";
import { tokenize } from "../text.ts";
import { cancelTheThing } from "./cancel-the-thing.ts";
import { dropHeld } from "./drop-held.ts";
import { actsBySign } from "./negated-act.ts";
import type { Rule } from "./rule.ts";
import {
  AMOUNT_REASON,
  FRUSTRATED,
  faultsValue,
  OPENED_NO,
  onlyJudgement,
  PAUSED,
} from "./shared.ts";

/** A confirm step waits for yes/no. */
export class ConfirmContext {
  constructor(
    readonly du: HeuristicUnderstanding,
    readonly turn: Turn,
  ) {}
  #digression?: Command[] | null;
  get frame() {
    return this.turn.frame!;
  }
  get digression(): Command[] | null {
    if (this.#digression === undefined) this.#digression = this.du.digression(this.turn);
    return this.#digression;
  }
  get named() {
    // "the date is wrong" with a departure date and an empty return date: the summary shows
    // one date, so a name several slots share names the one that holds a value.
    const { slots } = this.frame;
    return (
      this.du.namedSlot(this.turn, this.frame.flow, undefined, true) ??
      this.du.namedSlot(
        this.turn,
        this.frame.flow,
        (s) => (slots[s.name] ?? null) !== null,
        true,
      ) ??
      // "no, wrong doctor" asked "Which doctor do you need?": the prompt's own noun names it.
      this.du.askedSlot(this.turn, this.frame.flow)
    );
  }
}

/** The message without the words of the slot's names ("that's not the right" of "... date"). */
function withoutNameWords(turn: Turn, slot: SlotInfo): string {
  const tokens = tokenize(turn.text);
  const stems = turn.model.analyzer.correctedStems(tokens);
  const own = new Set(slot.keys.flat());
  return tokens
    .filter((_, i) => !own.has(stems[i]!))
    .map((t) => t.raw)
    .join(" ");
}

/**
 * "cancel", "cancel the order" asked "Cancel order 1003?": the flow's own request said again in
 * its own words, nothing else, answers its confirmation. Other cancel phrases ("forget it",
 * "never mind", "stop") are not its words and still stop the flow.
 */
function echoesOwnRequest(turn: Turn, flow: string): boolean {
  if (!turn.acts.cancelMentioned) return false;
  const own = flowWords(turn.model, flow);
  return tokenize(turn.text).every(
    (t) => own.has(t.norm) || STOP_WORDS.has(t.norm) || FILLERS.has(t.norm) || /\d/.test(t.norm),
  );
}

/** Where a clause may end: a comma or semicolon, or an "and", before the next one. */
const CLAUSE_CUT = /[,;]\s+|\s+and\s+/g;

/**
 * "we'll be 4 people, and can you add dessert" at the summary: a correction, then a
 * clause that only adds to (or takes from) a list of the flow. The correction read from the
 * words before that clause must be the one read from the whole message; the edit is kept too.
 */
function withListEditAfter(
  du: HeuristicUnderstanding,
  turn: Turn,
  corrected: Command[] | null,
): Command[] | null {
  if (!corrected?.length) return corrected;
  const said = new Set(corrected.map((c) => ("slot" in c ? c.slot : undefined)));
  for (const cut of turn.text.matchAll(CLAUSE_CUT)) {
    const tail = turn.text.slice(cut.index + cut[0].length);
    const edit = listEdit(du.turnFor(tail, turn.model.loaded, turn.state));
    if (!edit || said.has(edit.slot)) continue;
    const head = du.turnFor(turn.text.slice(0, cut.index), turn.model.loaded, turn.state);
    if (JSON.stringify(du.correction(head, null)) !== JSON.stringify(corrected)) continue;
    return [...corrected, ...du.setSlots(turn, [edit])];
  }
  return corrected;
}

/** Yes or no to the summary; corrections and "no, change the amount" are accepted. */
export const CONFIRM_RULES: readonly Rule<ConfirmContext>[] = [
  {
    // "yes, cancel it" asked "Cancel order 1003?": a yes that repeats the flow's own act
    // confirms it; the cancel word names what is confirmed, not a wish to stop.
    name: "yes-own-act",
    run: ({ turn, frame }) =>
      (turn.acts.affirmLead || echoesOwnRequest(turn, frame.flow)) &&
      !turn.acts.denyLead &&
      !OPENED_NO.test(turn.acts.flat) &&
      saysOwnAct(turn.model, frame.flow, turn.acts.flat)
        ? [{ type: "affirm" }]
        : null,
  },
  {
    // "forget the beer", "no beer actually" at the summary: one held value taken back.
    name: "drop-held-value",
    run: ({ du, turn }) => dropHeld(du, turn),
  },
  { name: "cancel-the-thing", run: ({ du, turn }) => cancelTheThing(du, turn) },
  {
    // "mmm no, mejor déjalo como está", "no, leave it as it is": nothing is to be done, though
    // "déjalo" alone stops the flow.
    name: "leave-as-is",
    run: ({ turn }) => (LEAVE_AS_IS.test(turn.acts.flat) ? [{ type: "deny" }] : null),
  },
  {
    name: "cancel",
    run: ({ du, turn }) => {
      const { acts } = turn;
      // "hmm no, leave it": a "no" behind an opener is a no to the summary, as a bare one is.
      // "no, drop the whole thing": a word for all of it makes the no a cancel of the flow.
      const no =
        (acts.deny || acts.denyLead || OPENED_NO.test(acts.flat)) && !WHOLE_THING.test(acts.flat);
      return acts.cancel || (!no && du.cancelsActive(turn)) ? [{ type: "cancel_flow" }] : null;
    },
  },
  {
    name: "list-edit",
    run: ({ du, turn }) => {
      const edit = listEdit(turn);
      return edit ? du.setSlots(turn, [edit]) : null;
    },
  },
  { name: "question-aside", run: ({ du, turn }) => du.questionAside(turn, null) },
  {
    // "no, the name is wrong", "the time is wrong": a "no" or a fault naming what to change,
    // whose only "value" is a judgement.
    name: "no-naming-slot",
    run: (c) => {
      const named = c.named;
      const { acts } = c.turn;
      if (!named) return null;
      // "no, make it the plus plan": the new value said before the slot's name is a correction.
      const said =
        named.slot.kind === "text" ? null : c.turn.model.reader.answer(named.slot, c.turn.text);
      if (said && !sameValue(said.value, c.frame.slots[named.slot.name])) return null;
      const rest = c.turn.text.slice(named.end);
      // "that's not the right date", "that's the wrong address": the judgement said before
      // the name, nothing after it.
      const judged =
        ((acts.denyLead || acts.deny) && onlyJudgement(rest)) ||
        faultsValue(rest) ||
        (!/\p{L}|\d/u.test(rest) && faultsValue(withoutNameWords(c.turn, named.slot)));
      return judged ? [{ type: "deny", slot_to_change: named.slot.name }] : null;
    },
  },
  {
    name: "correction",
    run: ({ du, turn }) => withListEditAfter(du, turn, du.correction(turn, null)),
  },
  {
    // A different value for a filled slot is a correction even unannounced ("from savings");
    // the same value said again shows the summary again.
    name: "unannounced-correction",
    run: ({ du, turn, frame }) => {
      const { acts } = turn;
      if (acts.affirm || acts.deny) return null;
      const filled = (turn.model.flowSlots.get(frame.flow) ?? []).filter(
        (s) => (frame.slots[s.name] ?? null) !== null && s.kind !== "text",
      );
      const mentioned = turn.model.reader.mentions(
        turn.text,
        filled,
        turn.model.cues.get(frame.flow) ?? [],
      );
      const changed = mentioned.filter((f) => !sameValue(f.value, frame.slots[f.slot]));
      if (changed.length) return du.setSlots(turn, changed);
      if (mentioned.length && !REQUEST_CUES.test(acts.flat)) return du.setSlots(turn, mentioned);
      return null;
    },
  },
  {
    name: "change-named-slot",
    run: (c) => {
      const named = c.named;
      if (!named || !(c.turn.acts.denyLead || CHANGE_WORDS.test(c.turn.acts.flat))) return null;
      // "no, leave the old dates": the slot is named to be kept, not changed.
      if (KEEP_OLD.test(c.turn.acts.flat)) return [{ type: "deny" }];
      // "no, better I pay it another day": put off to no set day, the flow is refused, not a
      // slot other than a date or time changed.
      const { extract } = named.slot;
      if (extract !== "date" && extract !== "time" && c.turn.acts.flat.search(DEFERRALS) >= 0)
        return [{ type: "deny" }];
      return [{ type: "deny", slot_to_change: named.slot.name }];
    },
  },
  {
    // "no, that's too much": names the amount without saying "amount".
    name: "amount-reason",
    run: ({ turn, frame }) => {
      const numbers = (turn.model.flowSlots.get(frame.flow) ?? []).filter(
        (s) => s.kind === "number",
      );
      return numbers.length === 1 && !turn.acts.affirmLead && AMOUNT_REASON.test(turn.acts.flat)
        ? [{ type: "deny", slot_to_change: numbers[0]!.name }]
        : null;
    },
  },
  {
    // "on second thought I'll keep them" asked "Refund order TK-1?": the thing the flow would
    // give up is kept.
    name: "keep-it",
    run: ({ turn, frame }) =>
      KEEP_IT.test(turn.acts.flat) && turn.model.index.actsOf(frame.flow).has("cancel")
        ? [{ type: "deny" }]
        : null,
  },
  {
    // "pensándolo mejor, no la anulo", "on second thoughts I won't cancel" asked to confirm
    // the flow: its own act said behind a negation, and not said otherwise, is a no.
    name: "negated-own-act",
    run: ({ turn, frame }) => {
      // `search`, not `test`: the patterns are global and `test` would move their lastIndex.
      if (!NEGATED_ACT.some((re) => turn.acts.flat.search(re) >= 0)) return null;
      const { negated, said } = actsBySign(turn);
      const own = turn.model.index.actsOf(frame.flow);
      return [...own].some((a) => negated.has(a)) && ![...own].some((a) => said.has(a))
        ? [{ type: "deny" }]
        : null;
    },
  },
  {
    name: "yes",
    run: ({ turn: { acts } }) =>
      acts.affirm || (acts.affirmLead && !acts.denyLead) ? [{ type: "affirm" }] : null,
  },
  {
    // "wait no, better move it to another day" asked "Cancel your visit?": a no followed by
    // the act of another flow (no cancel), and none of this one's, turns to that flow.
    name: "no-then-other-act",
    run: (c) => {
      const { acts, model } = c.turn;
      if (!(acts.deny || acts.denyLead || OPENED_NO.test(acts.flat))) return null;
      // "no, don't send it", "no I changed my mind": a cancel said is a no to this flow.
      const said = [...model.analyzer.features(acts.flat).tasks.values()];
      if (acts.cancelMentioned || said.some((t) => t.act === "cancel")) return null;
      const target = c.digression?.find((d) => d.type === "start_flow");
      if (target?.type !== "start_flow" || target.flow === c.frame.flow) return null;
      if (saysOwnAct(model, c.frame.flow, acts.flat) || !saysOwnAct(model, target.flow, acts.flat))
        return null;
      return [{ type: "cancel_flow" }, ...c.digression!];
    },
  },
  {
    // "actually no, keep it", "wait, no": a "no" behind an opener counts too.
    name: "no",
    run: ({ turn: { acts } }) =>
      acts.deny || acts.denyLead || OPENED_NO.test(acts.flat) ? [{ type: "deny" }] : null,
  },
  { name: "frustration", run: ({ turn }) => (turn.acts.frustrated ? FRUSTRATED : null) },
  PAUSED,
  {
    name: "switch-flow",
    run: (c) =>
      c.digression && c.du.replacesFlow(c.turn) ? [{ type: "cancel_flow" }, ...c.digression] : null,
  },
  { name: "digression", run: (c) => c.digression },
  {
    // A bare code replaces the flow's only code ("GAS-2026-0042").
    name: "bare-code",
    run: ({ du, turn }) => {
      const code = du.bareCode(turn);
      return code ? du.setSlots(turn, [code]) : null;
    },
  },
  {
    name: "help",
    run: ({ turn }) => (turn.acts.help || turn.acts.helpQuestion ? [{ type: "clarify" }] : null),
  },
  {
    name: "term-question",
    run: ({ du, turn }) => {
      const term = du.termTopic(turn);
      return term ? [{ type: "clarify", topic: term }] : null;
    },
  },
  { name: "small-talk", run: ({ du, turn }) => (turn.acts.chitchat ? du.chitchat(turn) : null) },
  {
    // "who am I sending it to?": a question about the summary, which is shown again.
    name: "question-about-summary",
    run: ({ turn }) =>
      turn.text.includes("?") || QUESTION_START.test(turn.acts.flat) ? [{ type: "clarify" }] : null,
  },
];
