import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "what's X? and how Y?": of two questions in a row, the first asks what a term is, the second
 * follows it up; the term asked is the first one's, not the value. On a small ski hire.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let skis: LoadedDomain;

beforeAll(async () => {
  skis = await domainFromLines(
    [
      "slots:",
      "  kit:",
      "    type: list",
      "    required: false",
      "    choices: [helmet, boot_warmers, goggles]",
      "    prompt: 'Any kit: helmet, boot warmers or goggles?'",
      "flows:",
      "  hire_skis:",
      "    description: Hire skis",
      "    trigger: { intents: ['hire skis'] }",
      "    steps:",
      "      - { step: k, type: collect, slot: kit }",
    ],
    "skis.yaml",
  );
});

const read = (text: string) => du.read(text, skis, inFlow(skis, "hire_skis", { waiting: "kit" }));

describe("a term question followed up by another", () => {
  it("asks about the first question's term", () => {
    expect(read("what is boot warmers? do they plug in?")).toEqual([
      { type: "clarify", topic: "boot warmers" },
    ]);
  });

  it("still takes the value said without a question", () => {
    expect(read("boot warmers please")).toEqual([
      { type: "set_slot", slot: "kit", value: ["boot_warmers"] },
    ]);
  });
});
