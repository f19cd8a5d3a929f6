import type { Command, SlotValue } from "../../../protocol/commands.ts";
import { sameValue } from "../../same-value.ts";
import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import { FILLERS, ITEM_NEGATORS, STOP_WORDS, TASKS, THANKS } from "../language/words.ts";
import { keySpans, stem, tokenize } from "../text.ts";

const THANKS_WORDS = new Set(THANKS.flatMap((p) => p.split(" ")));
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
  const words = acts.flat.split(" ");
  const phrase = acts.cancelMentioned;
  let rest: string[];
  if (phrase) {
    const at = ` ${acts.flat} `.indexOf(` ${phrase} `);
    rest = `${acts.flat.slice(0, at)} ${acts.flat.slice(at + phrase.length)}`
      .split(" ")
      .filter(Boolean);
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
    const named = [...keySpans(stems, slot.keys)].some(
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
