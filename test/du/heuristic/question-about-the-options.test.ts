import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A question whose words stand for the options offered or the thing asked ("how heavy are
 * they?", "which ones do you have?", "where are those written?"), the rest in the slot's own
 * words, asks about the pending question; one asking what the slot does not tell is off the
 * topic. On a small bike hire.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bikes: LoadedDomain;

beforeAll(async () => {
  bikes = await domainFromLines(
    [
      "slots:",
      "  bike:",
      "    type: string",
      "    prompt: 'Which bike: city, road or mountain?'",
      "    description: 'The bike: city (18 kg), road (8 kg) or mountain (13 kg).'",
      "    choices: [city, road, mountain]",
      "    synonyms: { road: [racer, light] }",
      "  frame_code:",
      "    type: string",
      "    extract: digits",
      "    length: 5",
      "    prompt: 'What are the 5 digits stamped under the frame?'",
      "flows:",
      "  hire_bike:",
      "    description: Hire a bike",
      "    trigger: { intents: ['hire a bike'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bike }",
      "  report_theft:",
      "    description: Report a stolen bike",
      "    trigger: { intents: ['my bike was stolen'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: frame_code }",
    ],
    "bikes.yaml",
  );
});

const hire = (text: string) =>
  du.read(text, bikes, inFlow(bikes, "hire_bike", { waiting: "bike" }));

describe("a question about the options asked", () => {
  it("asks about the pending question", () => {
    for (const text of ["how light is each one in kg?", "which ones do you have?"]) {
      expect(hire(text), text).toEqual([{ type: "clarify", topic: "bike" }]);
    }
    const theft = inFlow(bikes, "report_theft", { waiting: "frame_code" });
    expect(du.read("where are those stamped?", bikes, theft)).toEqual([
      { type: "clarify", topic: "frame_code" },
    ]);
  });

  it("is off the topic when it asks what the slot does not tell", () => {
    expect(hire("which ones come with a child seat?")).toEqual([{ type: "out_of_scope" }]);
  });
});
