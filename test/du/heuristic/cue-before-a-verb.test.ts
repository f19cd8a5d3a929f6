import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, slotsOf } from "../helpers.ts";

/** A ferry line, written for these tests: two ports told apart by "from" and "to". */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let ferry: LoadedDomain;

beforeAll(async () => {
  ferry = await loadDomainFromText(
    [
      "slots:",
      "  origin: { type: string, choices: [dover, calais, hull], prompt: 'Sailing from?' }",
      "  destination: { type: string, choices: [dover, calais, hull], prompt: 'Sailing to?' }",
      "flows:",
      "  book_crossing:",
      "    description: Book a ferry crossing",
      "    trigger: { intents: ['sail from {origin} to {destination}', 'a crossing to {destination}'] }",
      "    steps:",
      "      - { step: o, type: collect, slot: origin }",
      "      - { step: d, type: collect, slot: destination }",
    ].join("\n"),
    "ferry.yaml",
  );
});

describe("a place word before a verb of the domain", () => {
  it("is the verb's, not the value's place", () => {
    const commands = du.read("how much would it be to sail dover to hull", ferry, emptyState("t"));
    expect(slotsOf(commands)).toEqual({ origin: "dover", destination: "hull" });
  });

  it("still places a value said right after it", () => {
    const commands = du.read("a crossing to calais from hull", ferry, emptyState("t"));
    expect(slotsOf(commands)).toEqual({ origin: "hull", destination: "calais" });
  });
});
