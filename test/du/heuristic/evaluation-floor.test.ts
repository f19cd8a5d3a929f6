import { describe, expect, it } from "vitest";
import { loadDomain } from "../../../src/config/loader.ts";
import { evaluate, readEvalSet } from "../../../src/du/evaluation.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import {
  BANKING_EVAL,
  BANKING_HELDOUT,
  BANKING_HELDOUT_NATURAL,
  BANKING_HELDOUT_ROUND2,
  BANKING_HELDOUT_ROUND3,
  BANKING_HELDOUT_ROUND4,
} from "../helpers.ts";

/**
 * Accuracy floors on the labelled banking set, just under what the heuristic DU achieves
 * (see `npm run eval:du` and docs/understanding.md). A change that lowers them is a regression.
 */
const FLOOR = { intentAccuracy: 0.97, slotPrecision: 0.97, slotRecall: 0.95 };
/** The held-out set was never tuned on, so its floor is lower. */
const HELDOUT_FLOOR = { intentAccuracy: 0.9, slotPrecision: 0.95, slotRecall: 0.95 };
/** Round 2's held-out set scores 97.9% / 100% / 100% (docs/understanding.md). */
const ROUND2_FLOOR = { intentAccuracy: 0.93, slotPrecision: 0.95, slotRecall: 0.93 };
/** Round 3's held-out set: 70.5% / 91.7% / 81.5% before that round, 100% / 96.4% / 100% after. */
const ROUND3_FLOOR = { intentAccuracy: 0.95, slotPrecision: 0.93, slotRecall: 0.95 };
/** Round 4's held-out set: 75.0% / 92.6% / 71.4% before that round, 88.6% / 97.0% / 88.9% after
 * (three labels corrected to the DU conventions first: docs/understanding.md). */
const ROUND4_FLOOR = { intentAccuracy: 0.86, slotPrecision: 0.95, slotRecall: 0.86 };

describe("heuristic DU on the banking evaluation sets", () => {
  it.each([
    ["banking-eval.yaml", BANKING_EVAL, FLOOR, 150],
    ["banking-heldout.yaml", BANKING_HELDOUT, HELDOUT_FLOOR, 40],
    ["banking-heldout-natural.yaml", BANKING_HELDOUT_NATURAL, HELDOUT_FLOOR, 60],
    ["banking-heldout-round2.yaml", BANKING_HELDOUT_ROUND2, ROUND2_FLOOR, 40],
    ["banking-heldout-round3.yaml", BANKING_HELDOUT_ROUND3, ROUND3_FLOOR, 40],
    ["banking-heldout-round4.yaml", BANKING_HELDOUT_ROUND4, ROUND4_FLOOR, 40],
  ] as const)("%s keeps accuracy above the floor", async (_name, file, floor, minCases) => {
    const { set, domainPath } = await readEvalSet(file);
    expect(set.cases.length).toBeGreaterThanOrEqual(minCases);
    const domain = await loadDomain(domainPath);
    const today = new Date(`${set.today}T12:00:00`);
    const report = await evaluate(
      new HeuristicUnderstanding({ now: () => today }),
      domain,
      set.cases,
    );
    const misses = report.results
      .filter((r) => !r.exact)
      .map(
        (r) =>
          `${JSON.stringify(r.case.text)}: expected ${r.case.intent}, got ${JSON.stringify(r.commands)}`,
      );
    expect(report.intentAccuracy, misses.join("\n")).toBeGreaterThanOrEqual(floor.intentAccuracy);
    expect(report.slotPrecision, misses.join("\n")).toBeGreaterThanOrEqual(floor.slotPrecision);
    expect(report.slotRecall, misses.join("\n")).toBeGreaterThanOrEqual(floor.slotRecall);
  });
});
