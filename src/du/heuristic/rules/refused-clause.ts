import { REFUSED_ASK } from "../language/words.ts";
import { flat } from "../text.ts";
import type { OpenContext } from "./open.ts";
import type { Rule } from "./rule.ts";
import { clausesOf } from "./shared.ts";

/**
 * "I can't attend, please cancel it, don't give me another day": a clause that asks for
 * something not to be done (pack `refusedAsk`) names what is not wanted. When the flow picked
 * is matched by it and the other clauses, read alone, rank first and well ahead another flow
 * whose act they name, that other flow is meant.
 */
export const REFUSED_CLAUSE: Rule<OpenContext> = {
  name: "refused-clause",
  run: ({ du, turn }) => {
    if (turn.frame || turn.rank.length < 2) return null;
    const clauses = clausesOf(turn.text);
    if (clauses.length < 2) return null;
    const kept = clauses.filter((c) => !REFUSED_ASK.test(flat(c)));
    if (kept.length === 0 || kept.length === clauses.length) return null;
    const d = du.decide(turn.rank, du.limits.minCoverage);
    if (!d || !("flow" in d)) return null;
    const view = du.rankingView(turn.model, kept.join(", "));
    const ranked = turn.model.index.rank(view.text, view.markers);
    // The rest is often short and mostly a reason ("I can't attend"): its best flow, doing the
    // act it names and well ahead of any other, is enough.
    const [top, next] = ranked;
    if (!top?.acting || top.flow === d.flow) return null;
    return !next || next.score < top.score * du.limits.ambiguity ? du.start(turn, top.flow) : null;
  },
};
