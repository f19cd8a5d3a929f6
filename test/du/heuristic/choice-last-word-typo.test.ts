import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { Analyzer } from "../../../src/du/heuristic/analyzer.ts";
import { ChoiceMatcher } from "../../../src/du/heuristic/extract/choices.ts";
import { domainFromLines } from "../helpers.ts";

/** A garden-centre domain whose plants are named by two words. */
let domain: LoadedDomain;
let matcher: ChoiceMatcher;

beforeAll(async () => {
  domain = await domainFromLines(
    [
      "slots:",
      "  plant: { type: string, choices: [red_rose, olive_tree, bay_leaf], prompt: 'Which plant?' }",
      "actions:",
      "  order: { inputs: [plant] }",
      "flows:",
      "  order_plant:",
      "    description: Order a plant",
      "    trigger: { intents: ['order a {plant}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: plant }",
      "      - { step: go, type: action, action: order }",
    ],
    "garden.yaml",
  );
  matcher = new ChoiceMatcher(domain.domain.slots.plant!, new Analyzer(domain.domain));
});

describe("a choice of several words with a letter left out of its last word", () => {
  it("is that choice when the words before it are typed right", () => {
    expect(matcher.single("one olive tre please")?.value).toBe("olive_tree");
    expect(matcher.single("the red rse")?.value).toBe("red_rose");
  });

  it("needs the first letter and the words before it", () => {
    expect(matcher.single("one olive ree please")).toBeNull();
    expect(matcher.single("a rse")).toBeNull();
  });
});
