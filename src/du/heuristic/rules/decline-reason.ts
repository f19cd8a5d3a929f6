import { flowWords } from "../flow-words.ts";
import type { Turn } from "../heuristic-understanding.ts";
import { FILLERS, STOP_WORDS } from "../language/words.ts";
import type { SlotInfo } from "../slot-catalog.ts";
import { flat, tokenize } from "../text.ts";
import { declines } from "./shared.ts";

/** A reason said after a "no" is a sentence, not a story: longer than this, it is read whole. */
const REASON_WORDS = 12;

/**
 * "No drinks, thank you, we have juice at home", "No thank you, dear, just the pizza will do":
 * the first clause declines the optional slot asked, and the rest only says why. The rest names
 * nothing the flow could take or be asked for: no digit, no capitalised name, no task word, no
 * question, and no word the domain knows but the running flow's own request words ("pizza" of
 * an ordering flow; "no, the large one" names a value and is a correction).
 */
export function declinesWithReason(turn: Turn, slot: SlotInfo, flow: string): boolean {
  const { text, model } = turn;
  if (text.includes("?") || /\d/.test(text) || turn.acts.cancelMentioned) return false;
  const cut = text.search(/[,.;!]\s/);
  if (cut < 0) return false;
  const rest = tokenize(text.slice(cut + 1));
  if (rest.length === 0 || rest.length > REASON_WORDS) return false;
  if (!declines(flat(text.slice(0, cut)), slot)) return false;
  const own = flowWords(model, flow);
  const { analyzer } = model;
  for (const t of rest) {
    if (STOP_WORDS.has(t.norm) || FILLERS.has(t.norm) || own.has(t.norm)) continue;
    // A capitalised word may be a name or a place the flow would take.
    if (t.raw[0] !== t.raw[0]!.toLowerCase()) return false;
    if (analyzer.knows(analyzer.correct(t.norm))) return false;
  }
  return !model.index.hasTask(text.slice(cut + 1));
}
