import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A water utility written for this test: a customer number (a pattern) and a meter index
 * (4 to 6 digits), both shown in the summary of one flow.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let water: LoadedDomain;

beforeAll(async () => {
  water = await loadDomainFromText(
    [
      "slots:",
      "  customer_no: { extract: pattern, pattern: 'WA-\\d{5}', prompt: 'Your customer number?' }",
      "  meter_index:",
      "    type: string",
      "    extract: digits",
      "    min_length: 4",
      "    max_length: 6",
      "    prompt: 'What does the water meter show?'",
      "  ok: { type: boolean }",
      "flows:",
      "  send_index:",
      "    description: Send a water meter index",
      "    trigger: { intents: ['send my water meter index'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: customer_no }",
      "      - { step: i, type: collect, slot: meter_index }",
      "      - { step: k, type: confirm, slot: ok, message: 'Index {meter_index} for {customer_no}, right?' }",
    ].join("\n"),
    "water.yaml",
  );
});

const atSummary = (text: string) =>
  du.read(
    text,
    water,
    inFlow(water, "send_index", {
      confirm: true,
      slots: { customer_no: "WA-12345", meter_index: "4410" },
    }),
  );

describe("a code said again at the summary, with only function words around it", () => {
  it("corrects the one filled code slot the new value fits", () => {
    const fixed = [{ type: "correct_slot", slot: "meter_index", value: "4470" }];
    expect(atSummary("4470")).toEqual(fixed);
    expect(atSummary("oh wait it's 4470")).toEqual(fixed);
    expect(atSummary("sorry, it is 4470")).toEqual(fixed);
  });
  it("is no correction when the value is the one already held", () => {
    expect(atSummary("it's 4410")).not.toContainEqual(
      expect.objectContaining({ type: "correct_slot" }),
    );
  });
  it("a value that fits no filled code slot corrects nothing", () => {
    expect(atSummary("it's 12")).not.toContainEqual(
      expect.objectContaining({ type: "correct_slot" }),
    );
  });
});
