import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/**
 * A lending library, written for these tests: a trigger phrase puts a plain-text value right
 * after "my" ("and my {item}?"), as a follow-up is typed.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let library: LoadedDomain;

beforeAll(async () => {
  library = await domainFromLines(
    [
      "slots:",
      "  item: { type: string, prompt: 'Which item?' }",
      "flows:",
      "  check_fine:",
      "    description: Tell the fine owed on a borrowed item",
      "    trigger: { intents: ['how much is my fine', 'and my {item}?'] }",
      "    steps:",
      "      - { step: i, type: collect, slot: item }",
      "  renew_loan:",
      "    description: Renew a loan",
      "    trigger: { intents: ['renew a loan'] }",
      "    steps:",
      "      - { step: i, type: collect, slot: item }",
    ],
    "library",
  );
});

describe("a possessive before a placeholder", () => {
  it("reads no value without the phrase's word before it", () => {
    const commands = du.read("what's my fine for the atlas?", library, emptyState("t"));
    expect(startedFlows(commands)).toEqual(["check_fine"]);
    expect(readValues(commands)).toEqual({});
  });

  it("reads the value after the phrase's own words", () => {
    const commands = du.read("how much is my fine and my atlas?", library, emptyState("t"));
    expect(readValues(commands)).toEqual({ item: "atlas" });
  });
});
