import type { Domain, ExampleTurn } from "../../config/schema.ts";
import type { Command } from "../../protocol/commands.ts";
import type { CaseResult, EvalCase } from "../evaluation.ts";
import { flowPhrases } from "../flow-phrases.ts";
import { escapeRegExp, fold } from "../heuristic/text.ts";

/** An example the optimizer may add: a phrasing of a flow, or a few-shot turn for the LLM. */
export type Candidate =
  | { kind: "flow"; flow: string; text: string; from: string }
  | { kind: "turn"; turn: ExampleTurn; from: string };

/** Which examples the optimizer chooses: phrasings (heuristic DU) or few-shot turns (LLM DU). */
export type ExampleKind = "flows" | "turns";

/** The examples the optimizer chose, in the shape of the domain's `examples:` key. */
export interface ChosenExamples {
  flows: Record<string, string[]>;
  turns: ExampleTurn[];
}

/** The flow a candidate counts against for the per-flow cap. */
export function capKey(candidate: Candidate): string {
  if (candidate.kind === "flow") return candidate.flow;
  const start = candidate.turn.commands.find((c) => c.type === "start_flow");
  return start?.flow ?? candidate.turn.context?.flow ?? "(no flow)";
}

/** The commands a labelled case stands for; null when the label does not say them all. */
export function commandsForCase(c: EvalCase): Command[] | null {
  const slots = Object.entries(c.slots);
  switch (c.intent) {
    case "set_slot":
    case "correct_slot":
      return slots.map(([slot, value]) => ({ type: c.intent as "set_slot", slot, value }));
    case "affirm":
      return [{ type: "affirm" }];
    case "deny":
      return [{ type: "deny", ...(c.change ? { slot_to_change: c.change } : {}) }];
    case "cancel":
      return [{ type: "cancel_flow" }];
    case "help":
      return [{ type: "clarify" }];
    case "human":
      return [{ type: "human_handoff", reason: c.text }];
    case "chitchat":
      return [{ type: "chitchat", kind: "other", message: c.text }];
    case "out_of_scope":
      return [];
    // Which flows were ambiguous is not part of the label.
    case "clarify_flows":
      return null;
    default:
      return [
        { type: "start_flow", flow: c.intent },
        ...slots.map(([slot, value]): Command => ({ type: "set_slot", slot, value })),
      ];
  }
}

/**
 * The message as a flow phrasing: labelled slot values written literally in it become
 * `{slot}` placeholders ("send 50 to Maria" -> "send {amount} to {beneficiary_name}"), so the
 * phrasing generalises to other values and teaches where values stand. Null when the text holds
 * braces (they would read as placeholders).
 */
export function flowPhrasing(c: EvalCase, flowSlots: ReadonlySet<string>): string | null {
  if (/[{}]/.test(c.text)) return null;
  let text = c.text.trim();
  const values = Object.entries(c.slots)
    .filter(([slot, v]) => flowSlots.has(slot) && (typeof v === "string" || typeof v === "number"))
    .map(([slot, v]) => [slot, String(v)] as const)
    .sort((a, b) => b[1].length - a[1].length);
  for (const [slot, value] of values) {
    if (!value.trim()) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, "iu");
    text = text.replace(pattern, `{${slot}}`);
  }
  return text;
}

/** Slots a flow asks for: placeholders only stand for these. */
function slotsOfFlow(domain: Domain, flow: string): Set<string> {
  const out = new Set<string>();
  const visit = (steps: Domain["flows"][string]["steps"]) => {
    for (const step of steps) {
      if (step.type === "collect") out.add(step.slot);
      if (step.type === "while") visit(step.do);
    }
  };
  const def = domain.flows[flow];
  if (def) visit(def.steps);
  return out;
}

const sameText = (a: string, b: string) => fold(a).trim() === fold(b).trim();

/**
 * Candidates from the training cases the DU got wrong, in dataset order, without duplicates
 * or examples the domain already has. `flows`: a misread message whose label is a flow becomes
 * a phrasing of that flow. `turns`: any misread message becomes a few-shot turn with the
 * commands its label stands for.
 */
export function candidatesFrom(
  results: readonly CaseResult[],
  domain: Domain,
  current: ChosenExamples,
  kind: ExampleKind,
): Candidate[] {
  const out: Candidate[] = [];
  for (const r of results) {
    const c = r.case;
    if (kind === "flows") {
      if (r.intentOk) continue;
      const def = domain.flows[c.intent];
      if (!def || def.internal) continue;
      const text = flowPhrasing(c, slotsOfFlow(domain, c.intent));
      if (!text) continue;
      const known = [...flowPhrases(domain, c.intent), ...(current.flows[c.intent] ?? [])];
      const taken = out.some(
        (o) => o.kind === "flow" && o.flow === c.intent && sameText(o.text, text),
      );
      if (taken || known.some((k) => sameText(k, text))) continue;
      out.push({ kind: "flow", flow: c.intent, text, from: c.text });
    } else {
      if (r.exact || c.offered) continue;
      const commands = commandsForCase(c);
      if (!commands) continue;
      const turn: ExampleTurn = {
        text: c.text,
        ...(c.context ? { context: c.context } : {}),
        commands,
      };
      const same = (t: ExampleTurn) =>
        sameText(t.text, turn.text) && JSON.stringify(t.context) === JSON.stringify(turn.context);
      if (
        domain.examples.turns.some(same) ||
        current.turns.some(same) ||
        out.some((o) => o.kind === "turn" && same(o.turn))
      )
        continue;
      out.push({ kind: "turn", turn, from: c.text });
    }
  }
  return out;
}

/** `chosen` plus one candidate (a new object; `chosen` is left as it is). */
export function withCandidate(chosen: ChosenExamples, candidate: Candidate): ChosenExamples {
  if (candidate.kind === "turn")
    return { flows: chosen.flows, turns: [...chosen.turns, candidate.turn] };
  return {
    flows: {
      ...chosen.flows,
      [candidate.flow]: [...(chosen.flows[candidate.flow] ?? []), candidate.text],
    },
    turns: chosen.turns,
  };
}
