import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Asked a number, a bare number said beside another slot's value ("4, and we'll be 3 of us")
 * answers it with the number the other value left; at a Spanish confirmation "el día" names
 * the flow's date as "la fecha" does. On a small campsite's pitch bookings.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let campsite: LoadedDomain;
let camping: LoadedDomain;

const lines = (language: string) => [
  `settings: { language: ${language} }`,
  "slots:",
  "  arrival: { type: date, prompt: 'Arrival day?' }",
  "  nights: { type: integer, extract: number, prompt: 'How many nights?' }",
  "  campers: { type: integer, extract: number, prompt: 'How many people?' }",
  "  ok: { type: boolean }",
  "flows:",
  "  book_pitch:",
  "    description: Book a pitch",
  "    trigger: { intents: ['book a pitch', 'reservar una parcela'] }",
  "    steps:",
  "      - { step: a, type: collect, slot: arrival }",
  "      - { step: n, type: collect, slot: nights }",
  "      - { step: c, type: collect, slot: campers }",
  "      - { step: k, type: confirm, slot: ok, message: '{nights} nights from {arrival}?' }",
];

beforeAll(async () => {
  campsite = await domainFromLines(lines("en"), "campsite.yaml");
  camping = await domainFromLines(lines("es"), "camping.yaml");
});

describe("the number another value left", () => {
  it("answers the number asked", () => {
    const state = inFlow(campsite, "book_pitch", {
      waiting: "nights",
      slots: { arrival: "2027-03-20" },
    });
    expect(du.read("4, and we'll be 3 of us", campsite, state)).toEqual([
      { type: "set_slot", slot: "nights", value: 4 },
      { type: "set_slot", slot: "campers", value: 3 },
    ]);
  });
});

describe("the day named at a Spanish confirmation", () => {
  it("names the date slot", () => {
    const state = inFlow(camping, "book_pitch", {
      confirm: true,
      slots: { arrival: "2027-03-20", nights: 2, campers: 2 },
    });
    expect(du.read("no, el día está mal", camping, state)).toEqual([
      { type: "deny", slot_to_change: "arrival" },
    ]);
  });
});
