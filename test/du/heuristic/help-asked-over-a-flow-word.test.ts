import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW } from "../helpers.ts";

/**
 * "what can you help me with?" asks what the assistant does, though a flow has "help" among its
 * words (roadside help): a whole help phrase asked by a question word, with nothing running,
 * is help (rule `help-asked`). A request for that flow with "help" in it still starts it. A
 * cycle hire scheme.
 */
const YAML = `
slots:
  dock: { type: string, extract: free_text, prompt: "Which dock are you at?" }
flows:
  bike_help:
    description: Help with a broken hire bike
    trigger: { intents: ["I need help with my bike", "the bike is broken, help"] }
    steps:
      - { step: d, type: collect, slot: dock }
      - { step: done, type: say, message: "A mechanic is on the way." }
  prices:
    description: Hire prices
    trigger: { intents: ["how much does it cost to hire a bike"] }
    steps:
      - { step: done, type: say, message: "£2 an hour." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let hire: LoadedDomain;
const read = (text: string) => du.read(text, hire, emptyState("test"));

beforeAll(async () => {
  hire = await domainFromYaml(YAML);
});

describe("a help question beside a flow's word", () => {
  it("asks what the assistant does", () => {
    for (const text of [
      "what can you help me with?",
      "what sort of things can you help me with",
      "what kind of stuff can you help with?",
    ]) {
      expect(read(text), text).toEqual([{ type: "clarify" }]);
    }
  });
  it("a request for help with a thing still starts the flow", () => {
    expect(read("I need help with my bike")).toContainEqual({
      type: "start_flow",
      flow: "bike_help",
    });
  });
});
