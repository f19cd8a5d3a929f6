import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * On a small boat-hire business: "we'd" in a trigger phrase is no word that draws any message
 * saying "we'd" to the flow; and an amount said with its currency fills the flow's only money
 * slot also when the flow counts something else ("4 seats, up to £300").
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let boats: LoadedDomain;

beforeAll(async () => {
  boats = await domainFromLines(
    [
      "slots:",
      "  seats:",
      "    type: integer",
      "    aliases: [seat, seater]",
      "    prompt: 'How many seats should the boat have?'",
      "  spend:",
      "    type: float",
      "    extract: money",
      "    required: false",
      "    prompt: 'What is the most you would spend?'",
      "  hire_day: { type: date, prompt: 'Which day?' }",
      "  deposit: { type: float, extract: money, prompt: 'How much deposit?' }",
      "flows:",
      "  find_boat:",
      "    description: Find a boat to hire",
      "    trigger: { intents: ['which boats do you have', 'a boat with {seats} seats'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: seats }",
      "      - { step: m, type: collect, slot: spend }",
      "  hire_boat:",
      "    description: Hire a boat for a day on the lake",
      '    trigger: { intents: ["we\'d like to take a boat out on the lake"] }',
      "    steps:",
      "      - { step: d, type: collect, slot: hire_day }",
      "  pay_deposit:",
      "    description: Pay the deposit",
      "    trigger: { intents: ['pay the deposit', 'pay {deposit} deposit'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: deposit }",
    ],
    "boats.yaml",
  );
});

describe("a contraction in a trigger phrase", () => {
  it('gives no flow a message whose only shared word is "we\'d"', () => {
    expect(du.read("we'd like to say thank you", boats, emptyState("t"))).not.toContainEqual({
      type: "start_flow",
      flow: "hire_boat",
    });
  });

  it("still starts the flow on its own words", () => {
    expect(
      du.read("we'd love to take a boat out on friday", boats, emptyState("t")),
    ).toContainEqual({ type: "start_flow", flow: "hire_boat" });
  });
});

describe("an amount beside a count", () => {
  it("fills the flow's money slot and the count", () => {
    expect(du.read("any boats with 6 seats, up to £300?", boats, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "find_boat" },
      { type: "set_slot", slot: "seats", value: 6 },
      { type: "set_slot", slot: "spend", value: 300 },
    ]);
  });

  it("leaves a count without its currency to the count", () => {
    expect(du.read("which boats do you have with 6 seats", boats, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "find_boat" },
      { type: "set_slot", slot: "seats", value: 6 },
    ]);
  });
});
