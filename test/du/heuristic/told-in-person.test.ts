import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Asked an optional note, keeping it for someone in person ("I'd rather tell the vet in
 * person", "prefiero contárselo en persona") turns the question down; a note said beside it is
 * still the answer. On a small pet groomer's bookings.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let groomer: LoadedDomain;

beforeAll(async () => {
  groomer = await domainFromLines(
    [
      "slots:",
      "  notes:",
      "    type: string",
      "    extract: free_text",
      "    required: false",
      "    prompt: 'Anything the groomer should know? / ¿Algo que deba saber?'",
      "flows:",
      "  book_groom:",
      "    description: Book a grooming session",
      "    trigger: { intents: ['book a groom'] }",
      "    steps:",
      "      - { step: n, type: collect, slot: notes }",
    ],
    "groomer.yaml",
  );
});

const read = (text: string) =>
  du.read(text, groomer, inFlow(groomer, "book_groom", { waiting: "notes" }));

describe("an answer kept for someone in person", () => {
  it("turns the optional question down", () => {
    for (const text of [
      "I'd rather tell the groomer in person",
      "I'll explain it to her when I get there",
      "prefiero contárselo en persona",
    ]) {
      expect(read(text), text).toEqual([{ type: "skip_slot", slot: "notes" }]);
    }
  });

  it("leaves a note said plainly the answer", () => {
    expect(read("he bites when you touch his paws")).toEqual([
      { type: "set_slot", slot: "notes", value: "he bites when you touch his paws" },
    ]);
  });
});
