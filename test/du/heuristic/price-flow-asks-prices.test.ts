import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * The flow that tells prices is the one whose own phrases ask a price ("how much do you charge
 * for a lesson"), though its "charge" is a word of paying; a flow that changes a price plan
 * ("lock in my prices") only speaks of prices. On a small driving school.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let school: LoadedDomain;

beforeAll(async () => {
  school = await domainFromLines(
    [
      "slots:",
      "  package:",
      "    choices: [single, block_of_ten]",
      "    synonyms: { block_of_ten: [ten lessons, block of ten, 10 lessons] }",
      "    prompt: 'Single lessons or a block of ten?'",
      "flows:",
      "  change_package:",
      "    description: Change your lesson package",
      "    trigger:",
      "      intents:",
      "        - switch to the {package} package",
      "        - I want to lock in my prices",
      "        - change my package",
      "    steps:",
      "      - { step: p, type: collect, slot: package }",
      "  school_info:",
      "    description: Our prices and our instructors",
      "    trigger:",
      "      intents:",
      "        - how much do you charge for a lesson",
      "        - tell me about your instructors",
      "    steps:",
      "      - { step: s, type: say, message: 'A lesson is 40 euros.' }",
    ],
    "school.yaml",
  );
});

const read = (text: string) => startedFlow(du.read(text, school, emptyState("t")));

describe("the flow that tells prices", () => {
  it("is the one whose phrases ask a price", () => {
    expect(read("what's the rate for the block of ten?")).toBe("school_info");
  });

  it("leaves a request to change the package to its flow", () => {
    expect(read("switch me to the block of ten package please")).toBe("change_package");
  });
});
