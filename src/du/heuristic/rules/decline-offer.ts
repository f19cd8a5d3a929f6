import type { Turn } from "../heuristic-understanding.ts";
import { DECLINE_OFFER, DENY, FILLERS, THANKS } from "../language/words.ts";
import type { SlotInfo } from "../slot-catalog.ts";
import { declines } from "./shared.ts";

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
  for (let j = Math.min(words.length, i + LONGEST); j > i; j--) {
    if (!OFFER.has(words.slice(i, j).join(" "))) continue;
    const rest = words.slice(j).filter((w) => !THANKS_WORDS.has(w) && !FILLERS.has(w));
    if (rest.length === 0) return true;
    const tail = rest.join(" ");
    if (declines(tail, slot)) return true;
    const slots = turn.model.flowSlots.get(flow) ?? [slot];
    const noun = turn.model.reader.declinedNoun(tail, slot, slots);
    return noun !== null && declines(rest.filter((w) => w !== noun).join(" "), slot);
  }
  return false;
}
