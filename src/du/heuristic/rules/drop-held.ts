import type { Command, SlotValue } from "../../../protocol/commands.ts";
import { sameValue } from "../../same-value.ts";
import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import {
  FILLERS,
  ITEM_NEGATORS,
  LIST_REMOVE,
  ONLY_WORDS,
  SECOND_THOUGHTS,
  STOP_WORDS,
  TASKS,
  THANKS,
} from "../language/words.ts";
import { keySpans, stem, tokenize } from "../text.ts";

const THANKS_WORDS = new Set(THANKS.flatMap((p) => p.split(" ")));

/** The packs' removal words, every one of them in a message. */
const LIST_REMOVE_ALL = new RegExp(LIST_REMOVE.source, "g");

/** The packs' one-word cancel verbs ("scrap", "drop", "remove"). */
const CANCEL_VERBS = new Set((TASKS.cancel ?? []).filter((w) => !w.includes(" ")));

/**
 * "forget the beer", "no beer actually", "drop the ham" while a flow runs: a cancel phrase or a
 * "no" about one value an optional slot holds (or about the slot by name: "scrap the drink"),
 * and nothing else, takes that value back; the flow goes on. A list keeps its other items; a
 * value emptied is `skip_slot`. Null when the message says anything more, or when the value is
 * a required slot's (that is a change, or a cancel of the whole thing).
 */
export function dropHeld(du: HeuristicUnderstanding, turn: Turn): Command[] | null {
  const frame = turn.frame;
  const { acts } = turn;
  if (!frame || acts.cancel) return null;
  // "on second thought, ...": a change of mind said first is no part of what is taken back.
  let said = acts.flat.replace(SECOND_THOUGHTS, "");
  // "drop the parking, just breakfast": what follows "just" is kept, not taken back.
  const only = said.split(" ").findIndex((w, i) => i > 1 && ONLY_WORDS.has(w));
  if (only > 1) said = said.split(" ").slice(0, only).join(" ");
  const words = said.split(" ");
  const phrase = acts.cancelMentioned;
  const remove = LIST_REMOVE.exec(said);
  let rest: string[];
  if (phrase && said.includes(phrase)) {
    const at = ` ${said} `.indexOf(` ${phrase} `);
    rest = `${said.slice(0, at)} ${said.slice(at + phrase.length)}`.split(" ").filter(Boolean);
  } else if (remove) {
    // "take off the beer", "hold the olives", "take the marmalade out": the words that take an item
    // out of a list.
    rest = said.replace(LIST_REMOVE_ALL, " ").split(" ").filter(Boolean);
  } else {
    // "no beer actually", "scrap the drink": a "no" or a cancel verb in front of the value,
    // behind fillers at most.
    const lead = words.findIndex((w) => !FILLERS.has(w));
    const w = words[lead] ?? "";
    if (lead < 0 || w === "nothing" || !(ITEM_NEGATORS.has(w) || CANCEL_VERBS.has(w))) return null;
    rest = words.filter((_, i) => i !== lead);
  }
  const content = rest.filter(
    (w) => !STOP_WORDS.has(w) && !FILLERS.has(w) && !THANKS_WORDS.has(w) && !ITEM_NEGATORS.has(w),
  );
  if (content.length === 0 || content.length > 3) return null;
  const text = content.join(" ");
  const stems = tokenize(text).map((t) => stem(t.norm));
  const slots = turn.model.flowSlots.get(frame.flow) ?? [];
  for (const slot of slots) {
    const held = frame.slots[slot.name];
    if (!slot.optional || held === undefined || held === null) continue;
    // "scrap the drink": the slot by its name, and nothing else.
    const named = keySpans(stems, slot.keys).some(
      ([from, to]) => from === 0 && to === stems.length,
    );
    if (named) return [{ type: "skip_slot", slot: slot.name }];
    const read = turn.model.reader.answer(slot, text);
    if (!read) continue;
    const span = tokenize(text.slice(read.start, read.end)).length;
    if (span !== stems.length) continue;
    if (Array.isArray(held) && Array.isArray(read.value)) {
      const gone = read.value;
      if (gone.length === 0 || !gone.every((v) => held.includes(v))) continue;
      const left: SlotValue = held.filter((v) => !gone.includes(v));
      if (left.length === 0) return [{ type: "skip_slot", slot: slot.name }];
      return du.setSlots(turn, [{ ...read, value: left }]);
    }
    if (sameValue(read.value, held)) return [{ type: "skip_slot", slot: slot.name }];
  }
  return null;
}
