import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "no idea" before a description still answers a free-text question: a garden centre's
 * plant-doctor desk asks what is wrong with the plant.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let garden: LoadedDomain;
const answer = (text: string) =>
  du.read(text, garden, inFlow(garden, "plant_doctor", { waiting: "what_is_wrong" }));

beforeAll(async () => {
  garden = await domainFromLines(
    [
      "slots:",
      "  what_is_wrong: { type: string, extract: free_text, prompt: 'What is wrong with it?' }",
      "flows:",
      "  plant_doctor:",
      "    description: Ask the plant doctor about a sick plant",
      "    trigger: { intents: ['my plant is sick'] }",
      "    steps:",
      "      - { step: w, type: collect, slot: what_is_wrong }",
    ],
    "garden.yaml",
  );
});

describe("not knowing, then describing", () => {
  it("the description is the answer", () => {
    const text = "no idea, the leaves went yellow after we repotted it last week";
    expect(answer(text)).toEqual([{ type: "set_slot", slot: "what_is_wrong", value: text }]);
  });
  it("not knowing alone still asks for help", () => {
    expect(answer("no idea, sorry")).toEqual([{ type: "clarify", topic: "what_is_wrong" }]);
    expect(answer("not sure what you mean")).toEqual([{ type: "clarify", topic: "what_is_wrong" }]);
  });
});
