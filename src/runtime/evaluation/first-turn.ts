import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { intentOf, slotsOf, stateFor } from "../../du/evaluation.ts";
import type { DialogueUnderstanding } from "../../du/understanding.ts";
import type { Command } from "../../protocol/commands.ts";
import type { DomainEvalCase } from "./eval-file.ts";
import { sameAnswer } from "./same-answer.ts";

export interface FirstTurnResult {
  case: DomainEvalCase;
  commands: Command[];
  intent: string;
  intentOk: boolean;
  /** Intent right and exactly the expected slot values. */
  exact: boolean;
  latencyMs: number;
}

export interface FirstTurnReport {
  cases: number;
  intentAccuracy: number;
  slotPrecision: number;
  slotRecall: number;
  p50Ms: number;
  results: FirstTurnResult[];
}

/** Scores single messages read in their context: intent, slot precision and recall, latency. */
export async function scoreFirstTurns(
  du: DialogueUnderstanding,
  domain: LoadedDomain,
  cases: readonly DomainEvalCase[],
): Promise<FirstTurnReport> {
  const results: FirstTurnResult[] = [];
  let predicted = 0;
  let expected = 0;
  let correct = 0;
  for (const c of cases) {
    const state = stateFor(c, domain);
    const started = performance.now();
    const { commands } = await du.understand(c.text, { domain, state });
    const latencyMs = performance.now() - started;
    const intent = intentOf(commands);
    const deny = commands.find((x) => x.type === "deny");
    const intentOk =
      intent === c.intent && (c.intent !== "deny" || deny?.slot_to_change === c.change);
    const got: Record<string, unknown> = slotsOf(commands);
    const right = Object.keys(got).filter((k) => k in c.slots && sameAnswer(got[k], c.slots[k]));
    predicted += Object.keys(got).length;
    expected += Object.keys(c.slots).length;
    correct += right.length;
    const exact =
      intentOk &&
      right.length === Object.keys(c.slots).length &&
      right.length === Object.keys(got).length;
    results.push({ case: c, commands, intent, intentOk, exact, latencyMs });
  }
  const latencies = results.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    cases: results.length,
    intentAccuracy: results.length ? results.filter((r) => r.intentOk).length / results.length : 1,
    slotPrecision: predicted ? correct / predicted : 1,
    slotRecall: expected ? correct / expected : 1,
    p50Ms: latencies.length ? latencies[Math.ceil(latencies.length / 2) - 1]! : 0,
    results,
  };
}
