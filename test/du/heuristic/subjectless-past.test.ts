import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent } from "../helpers.ts";

/**
 * A chat message that drops its subject ("dropped my phone in the sink") still tells what
 * happened: a phone plan's desk with a cancel flow and a damage report.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let desk: LoadedDomain;
const read = (text: string) => du.read(text, desk, emptyState("t"));

beforeAll(async () => {
  desk = await domainFromLines(
    [
      "slots:",
      "  handset: { type: string, choices: [pixel, galaxy], prompt: 'Which phone?' }",
      "flows:",
      "  cancel_plan:",
      "    description: Cancel the phone plan",
      "    trigger: { intents: ['cancel my plan', 'end my contract'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Plan cancelled.' }",
      "  report_damage:",
      "    description: Report a damaged phone",
      "    trigger: { intents: ['my {handset} is broken', 'the {handset} screen cracked'] }",
      "    steps:",
      "      - { step: h, type: collect, slot: handset }",
    ],
    "plans.yaml",
  );
});

describe("a past opening the message with its object tells what happened", () => {
  it("asks to cancel nothing", () => {
    expect(firstIntent(read("dropped my pixel in the sink last night"))).not.toBe("cancel_plan");
  });
  it("the present still asks", () => {
    expect(firstIntent(read("drop my plan please"))).toBe("cancel_plan");
  });
});
