import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import { reviveDeclined } from "../recent-values.ts";
import type { Rule } from "./rule.ts";
import { askingClauses, FRUSTRATED, finalClause } from "./shared.ts";

/** Nothing is being asked (or a flow is between questions). */
export interface OpenContext {
  du: HeuristicUnderstanding;
  turn: Turn;
}

const decision = ({ du, turn }: OpenContext) => du.decide(turn.rank, du.limits.minCoverage);

/** Nothing is being asked: start a flow, or small talk, help, cancel. In this order. */
export const OPEN_RULES: readonly Rule<OpenContext>[] = [
  {
    // "yes" after "would you like to do X next?"-style offers of a declined flow.
    name: "revive-declined",
    run: ({ turn }) => (turn.frame ? null : reviveDeclined(turn.model, turn.state, turn.acts.flat)),
  },
  {
    name: "cancel",
    run: ({ du, turn }) =>
      turn.acts.cancel || (turn.frame && du.cancelsActive(turn)) ? [{ type: "cancel_flow" }] : null,
  },
  {
    name: "several-requests",
    run: ({ du, turn }) => (turn.frame ? null : du.severalRequests(turn)),
  },
  {
    // "hi, I want to check my balance": the request wins over the greeting.
    name: "greeting-with-request",
    run: (c) => {
      const d = decision(c);
      return c.turn.acts.greeting && !c.turn.frame && d && "flow" in d
        ? c.du.start(c.turn, d.flow)
        : null;
    },
  },
  { name: "small-talk", run: ({ du, turn }) => (turn.acts.chitchat ? du.chitchat(turn) : null) },
  {
    name: "start-flow",
    run: (c) => {
      const d = decision(c);
      return d && "flow" in d ? c.du.start(c.turn, c.du.byNamedValue(c.turn, d.flow)) : null;
    },
  },
  {
    name: "ambiguous-flows",
    run: (c) => {
      const d = decision(c);
      return d && "ambiguous" in d ? [{ type: "clarify", flows: d.ambiguous }] : null;
    },
  },
  { name: "frustration", run: ({ turn }) => (turn.acts.frustrated ? FRUSTRATED : null) },
  {
    name: "help",
    run: ({ turn }) => (turn.acts.help || turn.acts.helpQuestion ? [{ type: "clarify" }] : null),
  },
  {
    name: "term-question",
    run: ({ du, turn }) => {
      const term = du.termTopic(turn);
      return term ? [{ type: "clarify", topic: term }] : null;
    },
  },
  // A bare yes/no with nothing asked mostly answers "anything else?"; the DM words it.
  { name: "bare-yes", run: ({ turn }) => (turn.acts.affirm ? [{ type: "affirm" }] : null) },
  { name: "bare-no", run: ({ turn }) => (turn.acts.deny ? [{ type: "deny" }] : null) },
  {
    // A long story with the request at its end: the story's words dilute the match, so the
    // last clause is read on its own.
    name: "story-last-clause",
    run: ({ du, turn }) => {
      const tail = finalClause(turn.text);
      const read = tail ? du.read(tail, turn.model.loaded, turn.state) : [];
      return read.length > 0 ? du.withPronounName(turn, read) : null;
    },
  },
  {
    // ... or in the middle of it: the clause that asks is read on its own.
    name: "story-asking-clause",
    run: ({ du, turn }) => {
      for (const clause of askingClauses(turn.text, turn.model.asks)) {
        const commands = du.read(clause, turn.model.loaded, turn.state);
        if (commands.some((c) => c.type === "start_flow"))
          return du.withPronounName(turn, commands);
      }
      return null;
    },
  },
];
