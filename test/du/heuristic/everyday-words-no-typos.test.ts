import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { Analyzer } from "../../../src/du/heuristic/analyzer.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/** A library's fines written for this test: a standing order ("debit") and a balance look-up. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let fines: LoadedDomain;

beforeAll(async () => {
  fines = await loadDomainFromText(
    [
      "flows:",
      "  standing_debit:",
      "    description: Pay your fines by debit",
      "    trigger: { intents: ['set up a debit for my fines', 'pay fines by debit'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Done.' }",
      "  fines_balance:",
      "    description: See your fines balance",
      "    trigger: { intents: ['how much are my fines', 'is my card in credit'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'None.' }",
    ].join("\n"),
    "fines.yaml",
  );
});

describe("an everyday word one letter from a domain word is not its typo", () => {
  it("'debt' stays a debt beside a domain that has 'debit'", () => {
    const analyzer = new Analyzer(fines.domain);
    expect(analyzer.correct("debt")).toBe("debt");
    expect(analyzer.correct("debts")).toBe("debts");
    expect(analyzer.correct("debti")).toBe("debit");
  });
  it("so a question about a debt starts no debit", () => {
    expect(startedFlow(du.read("is my card in debt or credit", fines, emptyState("t")))).toBe(
      "fines_balance",
    );
  });
});
