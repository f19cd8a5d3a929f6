import { offerOpenings } from "../acts.ts";
import type { Turn } from "../heuristic-understanding.ts";
import { DECLINE_OFFER, DENY, FILLERS, THANKS } from "../language/words.ts";
import type { SlotInfo } from "../slot-catalog.ts";
import { stem } from "../text.ts";
import { declines, ownWords, sideWord } from "./shared.ts";

const OFFER = new Set(DECLINE_OFFER);
const LONGEST = Math.max(...DECLINE_OFFER.map((p) => p.split(" ").length));
const NO_WORDS = new Set(DENY.filter((p) => !p.includes(" ")));
const THANKS_WORDS = new Set(THANKS.flatMap((p) => p.split(" ")));

/**
 * "nah I'm good", "no, I'm fine without extras" asked an optional slot: after a "no" and
 * fillers, a phrase that turns an offer down, then nothing, thanks, or words that decline the
 * slot itself (by its name, or for a list by a plural noun the domain does not use).
 */
export function declinesOfferFirst(turn: Turn, slot: SlotInfo, flow: string): boolean {
  const words = turn.acts.flat.split(" ").filter(Boolean);
  let i = 0;
  while (i < words.length && (NO_WORDS.has(words[i]!) || FILLERS.has(words[i]!))) i++;
  // "no need for a name" opens with its own "no".
  return offerOpenings(words, i).some((w) => offerThenRest(turn, slot, flow, w));
}

/** `words` open with a way of turning an offer down, then the rest declines too. */
function offerThenRest(
  turn: Turn,
  slot: SlotInfo,
  flow: string,
  words: readonly string[],
): boolean {
  for (let j = Math.min(words.length, LONGEST); j > 0; j--) {
    if (!OFFER.has(words.slice(0, j).join(" "))) continue;
    const rest = words.slice(j).filter((w) => !THANKS_WORDS.has(w) && !FILLERS.has(w));
    if (rest.length === 0) return true;
    const tail = rest.join(" ");
    if (declines(tail, slot) || namesSlot(rest, slot)) return true;
    const slots = turn.model.flowSlots.get(flow) ?? [slot];
    const noun = turn.model.reader.declinedNoun(tail, slot, slots);
    return noun !== null && declines(rest.filter((w) => w !== noun).join(" "), slot);
  }
  return false;
}

/** "no need for a name": the words after the refusal only name the slot asked. */
function namesSlot(rest: readonly string[], slot: SlotInfo): boolean {
  const own = ownWords([slot]);
  return rest.some((w) => own.has(stem(w))) && rest.every((w) => sideWord(w, own));
}
