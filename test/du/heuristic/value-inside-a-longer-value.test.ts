import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { explainMessage } from "../../../src/du/heuristic/explain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlow } from "../helpers.ts";

/**
 * A word that is one slot's value ("wooden") inside a longer value of another slot ("wooden
 * floor") is the longer value's word: it is no evidence for the flows asking the short one. On
 * a small cleaning company.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let cleaning: LoadedDomain;

beforeAll(async () => {
  cleaning = await domainFromLines(
    [
      "slots:",
      "  furniture:",
      "    choices: [wooden, upholstered]",
      "    synonyms: { wooden: [wood, oak], upholstered: [sofa, fabric] }",
      "    prompt: 'Wooden or upholstered furniture?'",
      "  treatment:",
      "    choices: [floor_polish, deep_clean]",
      "    synonyms: { floor_polish: [wooden floor, parquet, polish], deep_clean: [deep clean] }",
      "    prompt: 'A floor polish or a deep clean?'",
      "flows:",
      "  furniture_care:",
      "    description: Care for your furniture",
      "    trigger: { intents: ['clean my {furniture} furniture', 'treat my table'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: furniture }",
      "  book_treatment:",
      "    description: Book a treatment for your home",
      "    trigger: { intents: ['book a {treatment}', 'I would like a {treatment}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: treatment }",
    ],
    "cleaning.yaml",
  );
});

const read = (text: string) => du.read(text, cleaning, emptyState("t"));

describe("a value inside a longer value of another slot", () => {
  it("is the longer value's word", () => {
    const text = "I'd like to go on the polish, just got a wooden floor";
    const commands = read(text);
    expect(startedFlow(commands)).toBe("book_treatment");
    expect(readValues(commands)).toEqual({ treatment: "floor_polish" });
    // No evidence for the flow asking the short value: it is no candidate.
    const flows = explainMessage(du, text, cleaning, emptyState("t")).flows.map((f) => f.flow);
    expect(flows).not.toContain("furniture_care");
  });

  it("is still a value said on its own", () => {
    expect(readValues(read("please clean my wooden furniture"))).toEqual({ furniture: "wooden" });
  });
});
