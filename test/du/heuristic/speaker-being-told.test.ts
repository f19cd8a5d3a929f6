import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/**
 * A part telling what the speaker is ("I'm new here", "soy nueva") asks for nothing, even when
 * one of its words is in another flow's phrases: a climbing gym's front desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gym: LoadedDomain;
const read = (text: string) => du.read(text, gym, emptyState("t"));

beforeAll(async () => {
  gym = await domainFromLines(
    [
      "flows:",
      "  find_reception:",
      "    description: Where the front reception is and when it is staffed",
      "    trigger:",
      "      intents: ['where is the reception', 'where can I find the reception desk']",
      "    steps:",
      "      - { step: s, type: say, message: 'Ground floor.' }",
      "  join_gym:",
      "    description: Sign up for a new membership",
      "    trigger: { intents: ['I want a new membership', 'sign me up as a new member'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Welcome.' }",
    ],
    "gym.yaml",
  );
});

describe("a part telling what the speaker is", () => {
  it("asks for nothing of its own", () => {
    expect(startedFlows(read("where is the reception? I'm new here"))).toEqual(["find_reception"]);
  });
  it("a part asking beside it is still a request", () => {
    const flows = startedFlows(read("where is the reception? I want a new membership"));
    expect([...flows].sort()).toEqual(["find_reception", "join_gym"]);
  });
});
