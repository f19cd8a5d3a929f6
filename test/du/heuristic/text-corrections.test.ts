import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import type { DialogueState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Corrections of a plain-text value said while another slot is asked or at the confirmation,
 * on a small walking-tour domain whose questions live on its collect steps.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tours: LoadedDomain;
const read = (text: string, state: DialogueState): Command[] => du.read(text, tours, state);

beforeAll(async () => {
  tours = await domainFromLines(
    [
      "slots:",
      "  town: { type: string }",
      "  walker: { type: string }",
      "  tour_day: { type: date }",
      "  walkers: { type: integer }",
      "  ok: { type: boolean }",
      "flows:",
      "  book_tour:",
      "    description: Book a guided walking tour",
      "    trigger: { intents: ['book a walking tour'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: town, prompt: 'Which town?' }",
      "      - { step: d, type: collect, slot: tour_day, prompt: 'What day?' }",
      "      - { step: n, type: collect, slot: walkers, prompt: 'How many walkers?' }",
      "      - { step: k, type: confirm, slot: ok, message: 'A tour of {town} on {tour_day}?' }",
      "  gift_tour:",
      "    description: Give a walking tour as a present",
      "    trigger: { intents: ['give a tour as a gift'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: town, prompt: 'Which town?' }",
      "      - { step: w, type: collect, slot: walker, prompt: 'Who is it for?' }",
      "      - { step: d, type: collect, slot: tour_day, prompt: 'What day?' }",
    ],
    "tours.yaml",
  );
});

const askingDay = () =>
  inFlow(tours, "book_tour", { waiting: "tour_day", slots: { town: "Leeds" } });
const confirming = () =>
  inFlow(tours, "book_tour", {
    confirm: true,
    slots: { town: "Leeds", tour_day: "2027-03-12", walkers: 2 },
  });

describe("corrections of a free-text value", () => {
  it("takes a lone value said as a correction for the flow's only filled text slot", () => {
    const change = [{ type: "correct_slot", slot: "town", value: "Hull" }];
    expect(read("actually make it Hull", askingDay())).toEqual(change);
    expect(read("oh wait, i meant hull", askingDay())).toEqual([
      { type: "correct_slot", slot: "town", value: "hull" },
    ]);
    expect(read("actually make it Hull", confirming())).toEqual(change);
  });

  it("takes the value after a noun of the slot's question", () => {
    expect(read("sorry, the town is Hull", askingDay())).toEqual([
      { type: "correct_slot", slot: "town", value: "Hull" },
    ]);
  });

  it("leaves ordinary answers and other corrections alone", () => {
    expect(read("next friday", askingDay())).toEqual([
      { type: "set_slot", slot: "tour_day", value: "2027-03-12" },
    ]);
    expect(read("actually make it 3", confirming())).toEqual([
      { type: "correct_slot", slot: "walkers", value: 3 },
    ]);
    for (const text of [
      "sorry, what?",
      "sorry, no idea",
      "actually I need to give a tour as a gift",
    ]) {
      expect(read(text, askingDay())).not.toContainEqual(
        expect.objectContaining({ type: "correct_slot", slot: "town" }),
      );
    }
  });

  it("does not guess between two filled text slots without a name", () => {
    const state = inFlow(tours, "gift_tour", {
      waiting: "tour_day",
      slots: { town: "Leeds", walker: "Ana" },
    });
    expect(read("actually make it Hull", state)).not.toContainEqual(
      expect.objectContaining({ type: "correct_slot" }),
    );
    expect(read("sorry, the town is Hull", state)).toEqual([
      { type: "correct_slot", slot: "town", value: "Hull" },
    ]);
  });
});
