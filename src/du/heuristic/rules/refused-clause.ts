import { REFUSED_ASK, REFUSED_WANT } from "../language/words.ts";
import { flat } from "../text.ts";
import type { OpenContext } from "./open.ts";
import type { Rule } from "./rule.ts";
import { clausesOf } from "./shared.ts";

/**
 * "I can't attend, please cancel it, don't give me another day": a clause that asks for
 * something not to be done (pack `refusedAsk`) names what is not wanted. When the flow picked
 * is matched by it and the other clauses, read alone, rank first and well ahead another flow
 * whose act they name, that other flow is meant. Not wanting a thing (pack `refusedWant`) is
 * refused so only beside a clause that asks ("I don't want a table, I want a pizza brought home").
 */
export const REFUSED_CLAUSE: Rule<OpenContext> = {
  name: "refused-clause",
  run: ({ du, turn }) => {
    if (turn.frame || turn.rank.length < 2) return null;
    const clauses = clausesOf(turn.text);
    if (clauses.length < 2) return null;
    // "I don't want a table, I want a pizza brought home": not wanting is refused only beside a
    // clause that asks for something; then the message may have picked no flow at all.
    const unwanted = unwantedClauses(clauses, turn.model.asks);
    const contrast = unwanted.length > 0;
    const kept = clauses.filter(
      (c) => !REFUSED_ASK.test(flat(c)) && !(contrast && unwanted.includes(c)),
    );
    if (kept.length === 0 || kept.length === clauses.length) return null;
    const d = du.decide(turn.rank, du.limits.minCoverage);
    if (!contrast && (!d || !("flow" in d))) return null;
    const picked = d && "flow" in d ? d.flow : undefined;
    const view = du.rankingView(turn.model, kept.join(", "));
    const ranked = turn.model.index.rankView(view);
    // The rest is often short and mostly a reason ("I can't attend"): its best flow, doing the
    // act it names and well ahead of any other, is enough.
    const [top, next] = ranked;
    if (!top || top.flow === picked) return null;
    // What is wanted instead, asked in a clause of its own, need not name an act: it is clear
    // enough when that clause alone picks the flow.
    const wanted = contrast && du.decide(ranked, du.limits.minCoverage);
    if (!top.acting && !(wanted && "flow" in wanted && wanted.flow === top.flow)) return null;
    return !next || next.score < top.score * du.limits.ambiguity ? du.start(turn, top.flow) : null;
  },
};

/**
 * The clauses saying what is not wanted ("I don't want a table"), when another clause asks for
 * something ("I want a pizza brought home"); else none (alone, not wanting is the request).
 */
export function unwantedClauses(clauses: readonly string[], asks: RegExp): string[] {
  const unwanted = clauses.filter((c) => REFUSED_WANT.test(flat(c)));
  if (unwanted.length === 0) return [];
  return clauses.some((c) => !unwanted.includes(c) && asks.test(flat(c))) ? unwanted : [];
}
