import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/**
 * A question by a question word ("how many ...") between two flows too close to tell apart goes
 * to the one whose phrases ask that way: a gym that rents extras and tells what each plan includes.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gym: LoadedDomain;
const read = (text: string) => du.read(text, gym, emptyState("t"));

beforeAll(async () => {
  gym = await domainFromLines(
    [
      "slots:",
      "  plan: { type: string, choices: [basic, premium], prompt: 'Which plan?' }",
      "  extra: { type: string, choices: [locker, towel], prompt: 'Which extra?' }",
      "flows:",
      "  add_extra:",
      "    description: Rent a locker or a towel with a membership",
      "    trigger:",
      "      intents: ['can I take a {extra}', 'add a {extra} to my membership', 'buy an extra towel']",
      "    steps:",
      "      - { step: e, type: collect, slot: extra }",
      "  included_extras:",
      "    description: The extras each plan includes",
      "    trigger:",
      "      intents: ['how many towels come with {plan}', 'is a {extra} included on {plan}']",
      "    steps:",
      "      - { step: p, type: collect, slot: plan }",
    ],
    "gym.yaml",
  );
});

describe("a question by a question word", () => {
  it("goes to the flow whose phrases ask that way", () => {
    expect(startedFlows(read("How many towels can I take on premium?"))).toEqual([
      "included_extras",
    ]);
  });
  it("a request that is no such question is left as it was", () => {
    expect(startedFlows(read("can I take a towel on premium"))).not.toEqual(["included_extras"]);
  });
});
