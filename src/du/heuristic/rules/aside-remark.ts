import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import { ASIDE_OPENER } from "../language/words.ts";
import type { Rule } from "./rule.ts";

/**
 * "lol sorry, my cat walked on the keyboard", "thanks so much, last night's dinner was great":
 * a message that opens with a laugh or thanks (pack `asideOpener`), asks nothing and that no
 * other rule read is a remark aside: small talk. Run last, so any value or request wins.
 */
export const ASIDE_REMARK: Rule<{ du: HeuristicUnderstanding; turn: Turn }> = {
  name: "aside-remark",
  run: ({ du, turn }) => {
    const { flat } = turn.acts;
    if (!ASIDE_OPENER.test(flat) || turn.text.includes("?")) return null;
    return turn.model.asks.test(flat) ? null : du.chitchat(turn);
  },
};
