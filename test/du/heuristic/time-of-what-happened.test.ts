import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, slotsOf } from "../helpers.ts";

/**
 * A time said of what happened is no day asked for: a bike shop that hires bikes for some days
 * and takes fault reports. Today is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
const read = (text: string) => du.read(text, shop, emptyState("t"));

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  bike: { type: string, choices: [road_bike, cargo_bike], prompt: 'Which bike?',",
      "          synonyms: { road_bike: [road bike, racer], cargo_bike: [cargo bike, bakfiets] } }",
      "  hire_from: { type: date, prompt: 'From when?' }",
      "  hire_until: { type: date, prompt: 'Until when?' }",
      "  fault: { type: string, extract: free_text, prompt: 'What is wrong?' }",
      "flows:",
      "  hire_bike:",
      "    description: Hire a bike for some days",
      "    trigger: { intents: ['hire a {bike} from {hire_from} to {hire_until}', 'rent a {bike} for {hire_from}'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bike }",
      "      - { step: f, type: collect, slot: hire_from }",
      "      - { step: u, type: collect, slot: hire_until }",
      "  report_fault:",
      "    description: Report a fault with a bike",
      "    trigger: { intents: ['my {bike} is broken', 'the {bike} snapped'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bike }",
      "      - { step: f, type: collect, slot: fault }",
    ],
    "bikes.yaml",
  );
});

describe("a part of today gone by tells when something happened", () => {
  it("is no evidence for a flow that asks a day to come", () => {
    expect(firstIntent(read("the cargo bike snapped a chain this morning"))).toBe("report_fault");
    expect(firstIntent(read("my racer snapped earlier today, it won't roll"))).toBe("report_fault");
  });
  it("a day to come still is", () => {
    const hire = read("rent a cargo bike for tomorrow");
    expect(firstIntent(hire)).toBe("hire_bike");
    expect(slotsOf(hire)).toMatchObject({ bike: "cargo_bike", hire_from: "2027-03-11" });
  });
});
