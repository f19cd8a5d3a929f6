import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { type CaseResult, type EvalCase, evaluate } from "../evaluation.ts";
import type { DialogueUnderstanding } from "../understanding.ts";
import {
  type Candidate,
  type ChosenExamples,
  candidatesFrom,
  capKey,
  type ExampleKind,
  withCandidate,
} from "./candidates.ts";
import { splitCases } from "./split.ts";

export interface OptimizeOptions {
  /** Seed of the train/validation split. */
  seed?: number;
  /** Share of each label's cases held out for validation. */
  validationShare?: number;
  /** At most this many examples added per flow. */
  perFlowCap?: number;
  /** At most this many examples added in all. */
  maxExamples?: number;
  /** `flows` (phrasings, for the heuristic DU) or `turns` (few-shot turns, for the LLM DU). */
  kind?: ExampleKind;
  /** Called after each example is kept (progress output). */
  onKeep?: (step: OptimizeStep) => void;
}

export const OPTIMIZE_DEFAULTS = {
  seed: 1,
  validationShare: 0.3,
  perFlowCap: 5,
  maxExamples: 50,
  kind: "flows" as ExampleKind,
};

export interface Score {
  cases: number;
  /** Cases whose intent (flow or dialogue act) was read right. */
  intentCorrect: number;
  /** Cases read exactly right: intent and every slot value. */
  exactCorrect: number;
  intentAccuracy: number;
  exactMatch: number;
}

export interface OptimizeStep {
  candidate: Candidate;
  train: Score;
  validation: Score;
}

export interface OptimizeResult {
  kind: ExampleKind;
  seed: number;
  train: EvalCase[];
  validation: EvalCase[];
  before: { train: Score; validation: Score };
  after: { train: Score; validation: Score };
  /** The examples kept, in the order they were chosen. */
  chosen: ChosenExamples;
  steps: OptimizeStep[];
  /** How many candidate domains were scored (each one a pass over the training cases). */
  evaluations: number;
}

function score(results: readonly CaseResult[]): Score {
  const cases = results.length;
  const intentCorrect = results.filter((r) => r.intentOk).length;
  const exactCorrect = results.filter((r) => r.exact).length;
  return {
    cases,
    intentCorrect,
    exactCorrect,
    intentAccuracy: cases ? intentCorrect / cases : 1,
    exactMatch: cases ? exactCorrect / cases : 1,
  };
}

/** Neither number lower. */
function noWorse(a: Score, b: Score): boolean {
  return a.intentCorrect >= b.intentCorrect && a.exactCorrect >= b.exactCorrect;
}

function gain(a: Score, b: Score): number {
  return a.intentCorrect - b.intentCorrect + (a.exactCorrect - b.exactCorrect);
}

/** The domain with `chosen` added to the examples it already has. */
export function withExamples(loaded: LoadedDomain, chosen: ChosenExamples): LoadedDomain {
  const base = loaded.domain.examples;
  const flows: Record<string, string[]> = { ...base.flows };
  for (const [flow, texts] of Object.entries(chosen.flows)) {
    flows[flow] = [...(flows[flow] ?? []), ...texts];
  }
  return {
    ...loaded,
    domain: { ...loaded.domain, examples: { flows, turns: [...base.turns, ...chosen.turns] } },
  };
}

/**
 * Greedy forward selection of DU examples (docs/understanding.md, "Examples and `soni optimize`"). The cases are split
 * (seeded, stratified) into train and validation. Each round, every candidate drawn from the
 * training cases the DU still gets wrong is tried; the one that helps most is kept, provided it
 * lowers neither intent accuracy nor exact match on train (and raises one of them) and lowers
 * neither on validation. Stops when no candidate helps or a cap is reached. With a
 * deterministic DU the result is the same on every run.
 */
export async function optimize(
  du: DialogueUnderstanding,
  loaded: LoadedDomain,
  cases: readonly EvalCase[],
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  const settings = {
    seed: options.seed ?? OPTIMIZE_DEFAULTS.seed,
    validationShare: options.validationShare ?? OPTIMIZE_DEFAULTS.validationShare,
    perFlowCap: options.perFlowCap ?? OPTIMIZE_DEFAULTS.perFlowCap,
    maxExamples: options.maxExamples ?? OPTIMIZE_DEFAULTS.maxExamples,
    kind: options.kind ?? OPTIMIZE_DEFAULTS.kind,
  };
  const { train, validation } = splitCases(cases, settings.validationShare, settings.seed);
  if (train.length === 0) throw new Error("the dataset leaves no training cases");
  let evaluations = 0;
  const run = async (examples: ChosenExamples, set: EvalCase[]) => {
    evaluations++;
    return (await evaluate(du, withExamples(loaded, examples), set)).results;
  };

  let chosen: ChosenExamples = { flows: {}, turns: [] };
  let trainResults = await run(chosen, train);
  let current = { train: score(trainResults), validation: score(await run(chosen, validation)) };
  const before = current;
  const steps: OptimizeStep[] = [];
  const added = new Map<string, number>();

  while (steps.length < settings.maxExamples) {
    const candidates = candidatesFrom(trainResults, loaded.domain, chosen, settings.kind).filter(
      (c) => (added.get(capKey(c)) ?? 0) < settings.perFlowCap,
    );
    let best:
      | { candidate: Candidate; results: CaseResult[]; train: Score; validation: Score }
      | undefined;
    for (const candidate of candidates) {
      const next = withCandidate(chosen, candidate);
      const results = await run(next, train);
      const trained = score(results);
      if (!noWorse(trained, current.train) || gain(trained, current.train) <= 0) continue;
      // Ties keep the earlier candidate, so the choice does not depend on anything but order.
      if (best && gain(trained, current.train) <= gain(best.train, current.train)) continue;
      const validated = score(await run(next, validation));
      if (!noWorse(validated, current.validation)) continue;
      best = { candidate, results, train: trained, validation: validated };
    }
    if (!best) break;
    chosen = withCandidate(chosen, best.candidate);
    trainResults = best.results;
    current = { train: best.train, validation: best.validation };
    const key = capKey(best.candidate);
    added.set(key, (added.get(key) ?? 0) + 1);
    const step = { candidate: best.candidate, train: best.train, validation: best.validation };
    steps.push(step);
    options.onKeep?.(step);
  }

  return {
    kind: settings.kind,
    seed: settings.seed,
    train,
    validation,
    before,
    after: current,
    chosen,
    steps,
    evaluations,
  };
}
