import { readActs, withoutAcceptTail } from "../acts.ts";
import { flowWords } from "../flow-words.ts";
import { FILLERS, ONLY_WORDS, STOP_WORDS, THANKS } from "../language/words.ts";
import { flat } from "../text.ts";
import { declines } from "./shared.ts";
import type { SlotContext } from "./slot.ts";

const THANKS_WORDS = new Set(THANKS.flatMap((p) => p.split(" ")));

/**
 * "no thank you, just the wash is fine", "only the car wash, nothing extra" asked an optional slot:
 * a clause keeps only what the flow itself is about ("only", then the flow's own words), and
 * every other clause declines. The extras are turned down. A clause naming a value of the
 * flow's slots is an answer, not this.
 */
export function keepsOnlyTheBase(c: SlotContext): boolean {
  const { turn, slot } = c;
  if (turn.text.includes("?") || c.answer || c.others.length > 0) return false;
  const own = flowWords(turn.model, c.frame.flow);
  let base = false;
  for (const clause of turn.text.split(/[,.;!]+(?:\s|$)/)) {
    const said = flat(clause);
    if (!said) continue;
    if (onlyOwn(said.split(" "), own)) base = true;
    else if (!declines(said, slot) && !readActs(clause).offerDeclined) return false;
  }
  return base;
}

/** "just the wash", "only the car wash please": an "only" word, then the flow's own words. */
function onlyOwn(words: readonly string[], own: ReadonlySet<string>): boolean {
  const rest = withoutAcceptTail(words).filter(
    (w) => ONLY_WORDS.has(w) || !(STOP_WORDS.has(w) || FILLERS.has(w) || THANKS_WORDS.has(w)),
  );
  const at = rest.findIndex((w) => ONLY_WORDS.has(w));
  if (at < 0) return false;
  const after = rest.slice(at + 1);
  return at === 0 && after.length > 0 && after.every((w) => own.has(w));
}
