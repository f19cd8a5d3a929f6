import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { type CaseResult, type EvalReport, evaluate } from "../../du/evaluation.ts";
import type { DialogueUnderstanding } from "../../du/understanding.ts";
import type { DomainEvalCase } from "./eval-file.ts";
import { sameAnswer } from "./same-answer.ts";

export type FirstTurnResult = CaseResult<DomainEvalCase>;
export type FirstTurnReport = EvalReport<DomainEvalCase>;

/**
 * Scores single messages read in their context: intent, slot precision and recall, latency.
 * Expected lists compare as sets and strings ignore case and spacing (sameAnswer).
 */
export function scoreFirstTurns(
  du: DialogueUnderstanding,
  domain: LoadedDomain,
  cases: readonly DomainEvalCase[],
): Promise<FirstTurnReport> {
  return evaluate(du, domain, cases, sameAnswer);
}
