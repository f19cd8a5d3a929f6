import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, inFlow } from "../helpers.ts";

/**
 * A day of the month said alone ("the 14th") is read against the date the flow already holds:
 * asked a later date (the day a cabin is left), it is the first such day from the earlier
 * date; putting a held date right ("I meant the 16th"), it keeps that date's month. On a small
 * cabin rental, read on Wednesday 12 April 2028.
 */
const du = new HeuristicUnderstanding({ now: () => new Date(2028, 3, 12, 12) });
let cabins: LoadedDomain;
let cabanas: LoadedDomain;

const lines = (language: string) => [
  `settings: { language: ${language} }`,
  "slots:",
  "  arrival_day: { type: date, prompt: 'Arriving?' }",
  "  leaving_day: { type: date, prompt: 'Leaving?' }",
  "  visit_day: { type: date, prompt: 'Which day?' }",
  "flows:",
  "  rent_cabin:",
  "    description: Rent a cabin by the lake",
  "    trigger: { intents: ['rent a cabin'] }",
  "    steps:",
  "      - { step: a, type: collect, slot: arrival_day }",
  "      - { step: l, type: collect, slot: leaving_day }",
  "  move_visit:",
  "    description: Move the visit of the cabin to another day",
  "    trigger: { intents: ['move my visit'] }",
  "    steps:",
  "      - { step: v, type: collect, slot: visit_day }",
  "      - { step: ok, type: confirm, message: 'Move it to {visit_day}?' }",
];

beforeAll(async () => {
  cabins = await domainFromLines(lines("en"), "cabins.yaml");
  cabanas = await domainFromLines(lines("es"), "cabanas.yaml");
});

const leaving = (domain: LoadedDomain, text: string) =>
  du.read(
    text,
    domain,
    inFlow(domain, "rent_cabin", { waiting: "leaving_day", slots: { arrival_day: "2028-05-10" } }),
  );
const putRight = (domain: LoadedDomain, text: string) =>
  du.read(
    text,
    domain,
    inFlow(domain, "move_visit", { confirm: true, slots: { visit_day: "2028-05-25" } }),
  );

describe("a day of the month said alone, against the date held", () => {
  it("asked a later date, is the first such day from the earlier one", () => {
    expect(leaving(cabins, "the 14th")).toEqual([
      { type: "set_slot", slot: "leaving_day", value: "2028-05-14" },
    ]);
    expect(leaving(cabins, "leaving on the 3rd")).toEqual([
      { type: "set_slot", slot: "leaving_day", value: "2028-06-03" },
    ]);
    expect(leaving(cabanas, "el 14")).toEqual([
      { type: "set_slot", slot: "leaving_day", value: "2028-05-14" },
    ]);
  });

  it("keeps a date said with its month as said", () => {
    expect(leaving(cabins, "april 20")).toEqual([
      { type: "set_slot", slot: "leaving_day", value: "2028-04-20" },
    ]);
  });

  it("putting a held date right, keeps its month", () => {
    expect(putRight(cabins, "no sorry, I meant the 27th")).toEqual([
      { type: "correct_slot", slot: "visit_day", value: "2028-05-27" },
    ]);
    expect(putRight(cabanas, "no, mejor el 27")).toEqual([
      { type: "correct_slot", slot: "visit_day", value: "2028-05-27" },
    ]);
  });

  it("a day already past in that month is read from today", () => {
    const held = inFlow(cabins, "move_visit", {
      confirm: true,
      slots: { visit_day: "2028-04-25" },
    });
    expect(du.read("no, I meant the 5th", cabins, held)).toEqual([
      { type: "correct_slot", slot: "visit_day", value: "2028-05-05" },
    ]);
  });
});
