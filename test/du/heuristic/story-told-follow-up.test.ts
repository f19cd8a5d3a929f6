import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * A council's repair requests: a word told as a story ("I sent something last week") is the
 * follow-up flow's, whose author wrote it so, not the flow that does it anew ("send a
 * request"); and of flows a shared value makes as close, the one that explains the message
 * is meant.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let council: LoadedDomain;
const started = (text: string): string | undefined =>
  du
    .read(text, council, emptyState("t"))
    .find((c): c is Extract<Command, { type: "start_flow" }> => c.type === "start_flow")?.flow;

beforeAll(async () => {
  council = await domainFromLines(
    [
      "slots:",
      "  broken_item: { type: string, choices: [bench, lamp], prompt: 'What is broken?' }",
      "  wanted_item: { type: string, choices: [bench, bin], prompt: 'What should we put there?' }",
      "  moved_item: { type: string, choices: [bench, planter], prompt: 'What should we move?' }",
      "  request_ref: { type: string, prompt: 'The reference?' }",
      "flows:",
      "  new_repair:",
      "    description: Ask for a repair of a street fixture",
      "    trigger: { intents: ['send a repair request for the {broken_item}', 'the {broken_item} is broken'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: broken_item }",
      "  new_fixture:",
      "    description: Ask for a new street fixture",
      "    trigger: { intents: ['we need a new {wanted_item}', 'put a {wanted_item} on our street'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: wanted_item }",
      "  move_fixture:",
      "    description: Move a street fixture elsewhere",
      "    trigger: { intents: ['move the {moved_item} to another spot'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: moved_item }",
      "  chase_repair:",
      "    description: Follow up a repair request",
      "    trigger:",
      "      intents:",
      "        - I sent a request last month and heard nothing",
      "        - where is my request at",
      "        - has anyone looked at my request yet",
      "        - any news on my request",
      "    steps:",
      "      - { step: r, type: collect, slot: request_ref }",
    ],
    "council.yaml",
  );
});

describe("a word told as a story", () => {
  it("follows up rather than asking anew", () => {
    expect(started("I sent something about the lamp last thursday")).toBe("chase_repair");
  });
  it("still asks anew when said as a request", () => {
    expect(started("I'd like to send a repair request for the lamp")).toBe("new_repair");
  });
});

describe("a value several flows take", () => {
  it("yields to the one close flow that explains the message", () => {
    expect(started("I sent a thing about the bench last thursday")).toBe("chase_repair");
  });
});
