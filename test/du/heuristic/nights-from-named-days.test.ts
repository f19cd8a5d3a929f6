import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, inFlow } from "../helpers.ts";

/**
 * A slot counting nights read from the days named: "friday and saturday night" is a start and
 * two nights; "until sunday" asked the nights counts them from the start held. On a small
 * campsite, read on Wednesday 12 April 2028.
 */
const du = new HeuristicUnderstanding({ now: () => new Date(2028, 3, 12, 12) });
let camp: LoadedDomain;

beforeAll(async () => {
  camp = await domainFromLines(
    [
      "slots:",
      "  arrival: { type: date, prompt: 'When do you arrive?' }",
      "  nights: { type: integer, prompt: 'How many nights?' }",
      "flows:",
      "  book_pitch:",
      "    description: Book a tent pitch",
      "    trigger: { intents: ['book a tent pitch', 'a pitch for {nights} nights'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: arrival }",
      "      - { step: n, type: collect, slot: nights }",
    ],
    "camp.yaml",
  );
});

describe("nights from the days named", () => {
  it("reads days listed with 'and' before 'nights' as a start and a count", () => {
    expect(du.read("a tent pitch for thursday and friday nights", camp, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "book_pitch" },
      { type: "set_slot", slot: "arrival", value: "2028-04-13" },
      { type: "set_slot", slot: "nights", value: 2 },
    ]);
  });

  it("counts the nights to the day after 'until' from the arrival held", () => {
    const state = inFlow(camp, "book_pitch", {
      waiting: "nights",
      slots: { arrival: "2028-04-13" },
    });
    expect(du.read("until sunday", camp, state)).toEqual([
      { type: "set_slot", slot: "nights", value: 3 },
    ]);
  });

  it("reads no count without an arrival held", () => {
    const state = inFlow(camp, "book_pitch", { waiting: "nights" });
    expect(du.read("until sunday", camp, state)).not.toContainEqual(
      expect.objectContaining({ slot: "nights" }),
    );
  });
});
