import type { Command, SlotValue } from "../../protocol/commands.ts";
import { type DialogueState, RECENT_FLOW_TURNS } from "../../protocol/state.ts";
import { sameValue } from "../same-value.ts";
import { readActs } from "./acts.ts";
import type { DomainModel } from "./domain-model.ts";
import { saysOwnAct } from "./flow-words.ts";
import {
  AFFIRM,
  AFTER_ALL,
  CHANGE_OF_MIND,
  DENY,
  FILLERS,
  FOLLOW_UP,
  GO_AHEAD,
  GO_ON,
  MIND_OPENERS,
  NO_OPENERS,
  SAME_AS_BEFORE,
  SAME_WORDS,
} from "./language/words.ts";
import type { SlotInfo } from "./slot-catalog.ts";
import type { Found } from "./slot-reader.ts";
import { stem, tokenize } from "./text.ts";

/**
 * Values of the last finished flow (`state.recent_flow`, kept by the DM for a few turns) that a
 * message asks for again: "from the same account", "the same card as before", "pay the same
 * person", or "same as before" for the question being asked.
 */

/** The recent flow, when it is still fresh enough to be meant. */
function recent(state: Readonly<DialogueState>, turns = RECENT_FLOW_TURNS) {
  const r = state.recent_flow;
  return r && state.turn_count - r.turn <= turns ? r : undefined;
}

function filled(value: SlotValue | undefined): value is Exclude<SlotValue, null> {
  return value !== undefined && value !== null;
}

/**
 * The recent values for `flow`'s slots the message asks to reuse. A slot named right after
 * "same" ("same card" names the card type and its digits) is taken; an IBAN comes along with a
 * reused recipient, since it is that person's account. With no slot named, "same as before"
 * answers the pending question. `flat` is the folded message.
 */
export function recentValues(
  model: DomainModel,
  state: Readonly<DialogueState>,
  text: string,
  flat: string,
  flow: string,
  pending: SlotInfo | null,
): Found[] {
  const memory = recent(state);
  if (!memory || !SAME_AS_BEFORE.test(flat)) return [];
  const slots = model.flowSlots.get(flow) ?? [];
  const tokens = tokenize(text);
  const stems = tokens.map((t) => stem(model.analyzer.correct(t.norm)));
  const at = tokens.findIndex((t) => SAME_WORDS.has(t.norm));
  const span = { start: 0, end: text.length };
  const named: SlotInfo[] = [];
  if (at >= 0) {
    // The slot may follow directly or after one word ("the same old card").
    for (const offset of [1, 2]) {
      const from = at + offset;
      for (const slot of slots) {
        const hit = slot.keys.find((key) => key.every((k, j) => stems[from + j] === k));
        if (!hit || named.includes(slot)) continue;
        named.push(slot);
        span.start = tokens[at]!.start;
        span.end = Math.max(span.start, tokens[from + hit.length - 1]!.end);
      }
      if (named.length) break;
    }
  }
  if (named.some((s) => s.nameLike)) {
    for (const slot of slots) if (slot.kind === "iban" && !named.includes(slot)) named.push(slot);
  }
  if (named.length === 0 && pending) named.push(pending);
  const out: Found[] = [];
  for (const slot of named) {
    const value = memory.slots[slot.name] ?? kindred(model, memory.slots, slot);
    if (filled(value)) out.push({ slot: slot.name, value, ...span });
  }
  return out;
}

/**
 * A value of another slot that means the same thing: the balance's `account_type` for the
 * transfer's `source_account` ("from the same account"). Both are read the same way, share a
 * naming word, and the value is one the slot accepts.
 */
function kindred(
  model: DomainModel,
  values: Record<string, SlotValue>,
  slot: SlotInfo,
): SlotValue | undefined {
  const names = new Set(slot.keys.map((k) => k.join(" ")));
  for (const [name, value] of Object.entries(values)) {
    const other = model.slots.get(name);
    if (!other || other.kind !== slot.kind || !filled(value) || other.def.internal) continue;
    if (!other.keys.some((k) => names.has(k.join(" ")))) continue;
    if (slot.def.choices && !slot.def.choices.includes(String(value))) continue;
    return value;
  }
  return undefined;
}

/**
 * "and in my checking account?" right after a balance was given: a short follow-up opening
 * with a pack's `followUp` phrase, asking for nothing else (no request word), that states a
 * new value of the last finished flow and no value another flow alone takes, runs that flow
 * again with the value.
 */
export function followUp(
  model: DomainModel,
  state: Readonly<DialogueState>,
  flat: string,
  read: (flow: string) => readonly Found[],
): Command[] | null {
  const memory = recent(state);
  if (!memory || memory.declined || !FOLLOW_UP.test(flat)) return null;
  if (flat.split(" ").length > FOLLOW_UP_WORDS || model.asks.test(flat.replace(FOLLOW_UP, ""))) {
    return null;
  }
  const found = read(memory.flow).filter((f) => !sameValue(f.value, memory.slots[f.slot]));
  if (found.length === 0) return null;
  return [
    { type: "start_flow", flow: memory.flow },
    ...found.map((f): Command => ({ type: "set_slot", slot: f.slot, value: f.value })),
  ];
}

/** Words of a follow-up at most: a longer message is a request of its own. */
const FOLLOW_UP_WORDS = 8;

/** What may come before "actually" in a change of mind: "sorry, yes actually", "ugh, actually". */
const OPENERS = new Set(
  [...FILLERS, ...NO_OPENERS, ...AFFIRM, ...MIND_OPENERS].flatMap((p) => p.split(" ")),
);
const DENY_WORDS = new Set(DENY.filter((p) => !p.includes(" ")));

/**
 * A yes said as a change of mind ("actually yes, send it", "go ahead after all"), with no "no"
 * after the change ("ok, actually no" is none).
 */
function changesMind(flat: string): boolean {
  if (!GO_AHEAD.test(flat)) return false;
  if (GO_ON.test(flat) && readActs(flat).affirm) return true;
  if (AFTER_ALL.test(flat)) return true;
  const cue = CHANGE_OF_MIND.exec(flat);
  if (!cue) return false;
  const before = flat.slice(0, cue.index).split(" ").filter(Boolean);
  const after = flat.slice(cue.index + cue[0].length).split(" ");
  return before.every((w) => OPENERS.has(w)) && !after.some((w) => DENY_WORDS.has(w));
}

/**
 * "actually yes, pay it" right after declining a confirmation: the declined flow starts again
 * with the values it had, so it goes straight back to its confirmation.
 */
export function reviveDeclined(
  model: DomainModel,
  state: Readonly<DialogueState>,
  flat: string,
): Command[] | null {
  const memory = recent(state, 2);
  if (!memory?.declined) return null;
  // "yes, cancel it" right after saying no to the cancellation: a yes to what it does.
  const acts = readActs(flat);
  const again = acts.affirmLead && !acts.denyLead && saysOwnAct(model, memory.flow, flat);
  if (!again && !changesMind(flat)) return null;
  const slots: Record<string, SlotValue> = {};
  const declined: Command[] = [];
  for (const slot of model.flowSlots.get(memory.flow) ?? []) {
    const value = memory.slots[slot.name];
    if (filled(value)) slots[slot.name] = value;
    // An optional slot the user declined stays declined: it is not asked again.
    else if (slot.optional && value === null && Object.hasOwn(memory.slots, slot.name))
      declined.push({ type: "skip_slot", slot: slot.name });
  }
  return [{ type: "start_flow", flow: memory.flow, slots }, ...declined];
}
