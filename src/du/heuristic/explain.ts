import type { LoadedDomain } from "../../config/loaded-domain.ts";
import type { Command, SlotValue } from "../../protocol/commands.ts";
import type { DialogueState } from "../../protocol/state.ts";
import type { HeuristicUnderstanding } from "./heuristic-understanding.ts";

/** Why the offline DU read a message the way it did (`soni explain`, `soni chat --explain`). */
export interface Explanation {
  /** The rule that fired (docs/understanding.md, "Rules"). */
  rule: string;
  commands: Command[];
  /** Candidate flows, best first: BM25 score, share of the message explained, matched terms. */
  flows: Array<{ flow: string; score: number; coverage: number; matched: string[] }>;
  /** Per candidate flow, the values its slots would take from the message. */
  values: Array<{ flow: string; slot: string; value: SlotValue }>;
}

const CANDIDATES = 5;

export function explainMessage(
  du: HeuristicUnderstanding,
  message: string,
  domain: LoadedDomain,
  state: Readonly<DialogueState>,
): Explanation {
  const fired = du.readWithRule(message, domain, state);
  const text = message.trim();
  if (!text) return { ...fired, flows: [], values: [] };
  const turn = du.turnFor(text, domain, state);
  const flows = turn.model.index
    .rank(turn.view.text, turn.view.markers, undefined, true, turn.view.words)
    .slice(0, CANDIDATES)
    .map((r) => ({ flow: r.flow, score: r.score, coverage: r.coverage, matched: r.matched ?? [] }));
  const values = flows.flatMap(({ flow }) =>
    du.mentionsFor(turn, flow, [], []).map((f) => ({ flow, slot: f.slot, value: f.value })),
  );
  return { rule: fired.rule, commands: fired.commands, flows, values };
}

/** The explanation as lines of text. */
export function formatExplanation(e: Explanation): string[] {
  const lines = [`rule: ${e.rule}`, `commands: ${JSON.stringify(e.commands)}`];
  if (e.flows.length === 0) lines.push("flows: none matches a word of the message");
  for (const f of e.flows) {
    lines.push(
      `flow ${f.flow}: score ${f.score.toFixed(2)}, coverage ${(f.coverage * 100).toFixed(0)}%, matched ${f.matched.length ? f.matched.map((m) => JSON.stringify(m)).join(", ") : "-"}`,
    );
    for (const v of e.values.filter((x) => x.flow === f.flow)) {
      lines.push(`  ${v.slot} = ${JSON.stringify(v.value)}`);
    }
  }
  return lines;
}
