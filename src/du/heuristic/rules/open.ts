import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import { BUSINESS_QUESTION, STOP_WORDS, YOUR_QUESTION } from "../language/words.ts";
import { reviveDeclined } from "../recent-values.ts";
import { tokenize } from "../text.ts";
import type { Rule } from "./rule.ts";
import {
  askingClauses,
  FRUSTRATED,
  finalClause,
  LONG_MESSAGE_WORDS,
  OUT_OF_SCOPE,
} from "./shared.ts";

/** Nothing is being asked (or a flow is between questions). */
export interface OpenContext {
  du: HeuristicUnderstanding;
  turn: Turn;
}

const decision = ({ du, turn }: OpenContext) => {
  const d = du.decide(turn.rank, du.limits.minCoverage);
  return d && "flow" in d && toldAside(du, turn, d.flow) ? null : d;
};

/**
 * One date or number among words the domain does not know, in a sentence that neither asks nor
 * has a word of the flow, tells of something else ("what's the weather in Madrid today"); a
 * bare value ("4 people tomorrow"), several values, or a request around one ("I want to save a
 * spot for two") still ask for the flow.
 */
function toldAside(du: HeuristicUnderstanding, turn: Turn, flow: string): boolean {
  return (
    turn.rank.find((r) => r.flow === flow)?.worded === false &&
    turn.model.index.foreign(turn.view.text).length > 0 &&
    !turn.model.asks.test(turn.acts.flat) &&
    du.mentionsFor(turn, flow, [], []).length < 2
  );
}

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
    // "Make a transfer please" when a flow's trigger is "make a transfer": the author's own
    // phrase starts its flow even when a sibling flow with the same words scores close.
    name: "own-trigger-phrase",
    run: ({ du, turn }) => {
      const flow = turn.model.index.ownPhrase(turn.text);
      return flow ? du.start(turn, flow) : null;
    },
  },
  {
    name: "several-requests",
    run: ({ du, turn }) => (turn.frame ? null : du.severalRequests(turn)),
  },
  {
    // "do you sell phones", "what's your address": a question about what the business does or
    // has is a request only when it gives values a flow takes ("do you have room for six on
    // friday") or the domain knows all its words ("do you have rooms in Barcelona"), or, about
    // the business's own things, when it names a task.
    name: "business-question",
    run: ({ turn }) => {
      // "are you a real person?" asks about the assistant, not about the business: small talk.
      if (turn.frame || turn.view.markers.length > 0 || turn.acts.chitchat) return null;
      const index = turn.model.index;
      if (BUSINESS_QUESTION.test(turn.acts.flat) && index.foreign(turn.view.text).length > 0) {
        return OUT_OF_SCOPE;
      }
      return YOUR_QUESTION.test(turn.acts.flat) && !index.hasTask(turn.text) ? OUT_OF_SCOPE : null;
    },
  },
  {
    // "hi, I want to check my balance": the request wins over the greeting. A message that is
    // one greeting phrase ("good morning") requests nothing, whatever value it contains.
    name: "greeting-with-request",
    run: (c) => {
      const d = decision(c);
      if (!c.turn.acts.greeting || c.turn.frame || !d || !("flow" in d)) return null;
      if (c.du.onlyGreeting(c.turn) && !c.turn.model.greetings.has(d.flow)) return null;
      return c.du.start(c.turn, d.flow);
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
    // "3 guests, valencia, arriving june 10", "I want to stay in Seville": no flow's words
    // win, but the values do. The flow that takes the most of them wins when it alone takes a
    // value no other candidate asks for (docs/understanding.md, "Ranking details").
    name: "values-pick-flow",
    run: ({ du, turn }) => {
      if (turn.frame || turn.acts.cancelMentioned || turn.rank.length === 0) return null;
      // A story is read by its clauses (below), not by every value it mentions.
      if (turn.text.split(/\s+/).length >= LONG_MESSAGE_WORDS) return null;
      const d = du.decide(turn.rank, du.limits.minCoverage);
      if (d && "flow" in d) return null;

      // Only flows the words already point at: within the ambiguity band of the best. A flow
      // some word of the message matches outweighs one only its values match ("feeding three
      // kids tonight, can you deliver": the verb is of one flow, the values fit another).
      const worded = turn.rank.some((r) => r.worded);
      const pointed = worded ? turn.rank.filter((r) => r.worded) : turn.rank;
      const top = pointed[0]!.score;
      const near = pointed.filter((r) => r.score >= top * du.limits.ambiguity).slice(0, 4);
      const told = !worded && toldAside(du, turn, pointed[0]!.flow);
      const candidates = near.map((r) => ({
        flow: r.flow,
        found: du.mentionsFor(turn, r.flow, [], []),
      }));
      const asks = (flow: string, slot: string) =>
        (turn.model.flowSlots.get(flow) ?? []).some((s) => s.name === slot);
      const scored = candidates
        .map((c) => ({
          ...c,
          own: c.found.filter((f) => !candidates.some((o) => o !== c && asks(o.flow, f.slot))),
        }))
        .sort((a, b) => b.found.length - a.found.length);
      const [best, next] = scored;
      if (!best || best.own.length === 0) return null;
      if (next && next.found.length >= best.found.length) return null;
      if (told && best.found.length < 2) return null;
      // A bare list of one date or number any business takes and a word the domain does not
      // know is about something else ("dermatology, friday morning" in a pizza shop); a value
      // only this domain has (a choice, a code: "I hurt my back, I need physio"), several
      // values, or a sentence around them ("need a spot on saturday") still pick the flow.
      const slots = turn.model.loaded.domain.slots;
      const distinctive = best.own.some((f) => slots[f.slot]?.choices || slots[f.slot]?.pattern);
      const bareList = !tokenize(turn.view.text).some((t) => STOP_WORDS.has(t.norm));
      const foreign = turn.model.index.foreign(turn.view.text).length > 0;
      if (foreign && bareList && !distinctive && best.found.length < 2) return null;
      return du.start(turn, best.flow);
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
  {
    // "How much do I have?" when a trigger is "How much money do I have?": the author's phrase
    // but for one word, when nothing else read the message.
    name: "near-trigger-phrase",
    run: ({ du, turn }) => {
      if (turn.frame) return null;
      const flow = turn.model.index.nearPhrase(turn.text);
      return flow ? du.start(turn, flow) : null;
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
      // A point that leaves some flows open ("Reference 1003.") is settled by the story, when
      // the whole message ranks one of them clearly first ("... wondering when it might arrive").
      const [only] = read;
      if (read.length === 1 && only?.type === "clarify" && only.flows) {
        const open = only.flows;
        const [top, next] = turn.rank.filter((r) => open.includes(r.flow));
        if (top && (!next || next.score < top.score * du.limits.ambiguity)) {
          return du.start(turn, top.flow);
        }
      }
      return read.length > 0 ? du.withPronounName(turn, du.withMessageValues(turn, read)) : null;
    },
  },
  {
    // ... or in the middle of it: the clause that asks is read on its own.
    name: "story-asking-clause",
    run: ({ du, turn }) => {
      for (const clause of askingClauses(turn.text, turn.model.asks)) {
        const commands = du.read(clause, turn.model.loaded, turn.state);
        if (commands.some((c) => c.type === "start_flow"))
          return du.withPronounName(turn, du.withMessageValues(turn, commands));
      }
      return null;
    },
  },
  {
    // "I'd like to cancel, I've found a clinic closer to home": in a shorter message, the clause
    // that asks starts its flow when that flow does the clause's act and the whole message
    // points at it too (ranks it first, or has its act); the other clauses only say why.
    name: "asking-clause",
    run: ({ du, turn }) => {
      if (turn.frame || turn.rank.length === 0) return null;
      const clauses = askingClauses(turn.text, turn.model.asks, true);
      if (clauses.length === 0 || clauses[0] === turn.text.trim()) return null;
      for (const clause of clauses) {
        const view = du.rankingView(turn.model, clause);
        const ranked = turn.model.index.rank(view.text, view.markers);
        const d = du.decide(ranked, du.limits.minCoverage);
        if (!d || !("flow" in d) || !ranked.find((r) => r.flow === d.flow)?.acting) continue;
        const whole = turn.rank.find((r) => r.flow === d.flow);
        if (whole && (whole === turn.rank[0] || whole.acting)) return du.start(turn, d.flow);
      }
      return null;
    },
  },
];
