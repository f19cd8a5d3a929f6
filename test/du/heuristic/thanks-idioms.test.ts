import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * "thanks a million" is thanks, not an amount of a million: no flow taking an amount starts.
 * On a small charity's donation desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let charity: LoadedDomain;

beforeAll(async () => {
  charity = await domainFromLines(
    [
      "slots:",
      "  gift: { type: float, extract: money, prompt: 'How much would you like to give?' }",
      "flows:",
      "  donate:",
      "    description: Make a donation",
      "    trigger: { intents: ['I want to donate', 'give {gift} to the shelter'] }",
      "    steps:",
      "      - { step: g, type: collect, slot: gift }",
    ],
    "charity.yaml",
  );
});

describe("thanks said as an idiom", () => {
  it("is small talk, with or without a goodbye after it", () => {
    for (const text of ["thanks a million", "thanks a million, I'm all set"]) {
      const [first] = du.read(text, charity, emptyState("t"));
      expect(first?.type).toBe("chitchat");
    }
  });
});
