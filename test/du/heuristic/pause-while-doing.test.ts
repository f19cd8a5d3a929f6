import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A pause followed by what is being done meanwhile ("one sec, asking my wife", "hang on,
 * opening the app") is a pause, not an answer; without the pause asked for it is not one. On a
 * small boiler service's visits.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let boilers: LoadedDomain;

beforeAll(async () => {
  boilers = await domainFromLines(
    [
      "slots:",
      "  model: { type: string, prompt: 'Which boiler model is it?' }",
      "  visit_day: { type: date, prompt: 'Which day suits you?' }",
      "flows:",
      "  service_boiler:",
      "    description: Book a boiler service",
      "    trigger: { intents: ['service my boiler'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: model }",
      "      - { step: d, type: collect, slot: visit_day }",
    ],
    "boilers.yaml",
  );
});

const read = (text: string, waiting = "visit_day") =>
  du.read(text, boilers, inFlow(boilers, "service_boiler", { waiting }));

describe("a pause while doing something", () => {
  it("is a pause", () => {
    for (const text of [
      "one sec, asking my wife which day works",
      "hang on, opening the calendar on my phone",
      "hold on, getting the manual out of the drawer",
      "just a moment, I'm looking at the label on the side",
    ]) {
      expect(read(text, text.includes("label") ? "model" : "visit_day"), text).toMatchObject([
        { type: "chitchat", kind: "wait" },
      ]);
    }
  });

  it("is not a pause without one asked for", () => {
    expect(read("asking my wife which day works")).not.toMatchObject([
      { type: "chitchat", kind: "wait" },
    ]);
  });
});
