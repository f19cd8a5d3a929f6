import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "sorry, what did you say? the line is terrible": asking to hear the last message again, then
 * a short reason (no number, no cancel), asks for the repeat. A cycle hire scheme.
 */
const YAML = `
slots:
  dock: { type: string, extract: free_text, prompt: "Which dock are you at?" }
  bike_number: { type: string, extract: pattern, pattern: "\\\\d{5}", prompt: "What is the bike's number?" }
flows:
  bike_help:
    description: Help with a broken hire bike
    trigger: { intents: ["I need help with my bike"] }
    steps:
      - { step: d, type: collect, slot: dock }
      - { step: n, type: collect, slot: bike_number }
      - { step: done, type: say, message: "A mechanic is on the way." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let hire: LoadedDomain;
const read = (text: string, waiting: string) =>
  du.read(text, hire, inFlow(hire, "bike_help", { waiting }));

beforeAll(async () => {
  hire = await domainFromYaml(YAML);
});

describe("a repeat asked with a reason", () => {
  it("asks for the last message again", () => {
    for (const text of [
      "sorry what did you say? the traffic is so loud here",
      "pardon? I can't hear you very well",
      "what was that? the wind took it",
    ]) {
      expect(read(text, "bike_number"), text).toEqual([{ type: "repeat_last" }]);
    }
  });
  it("not with a number after it, nor a cancel", () => {
    expect(read("sorry what? it's 48213", "bike_number")).toContainEqual({
      type: "set_slot",
      slot: "bike_number",
      value: "48213",
    });
    expect(read("what did you say? never mind, forget it", "bike_number")).toEqual([
      { type: "cancel_flow" },
    ]);
  });
});
