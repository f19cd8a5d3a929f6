import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * Ninth round: a mountain lodge's booking desk and a boat hire with a price list and fines,
 * written for these tests. Today is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let lodge: LoadedDomain;
let boats: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));
const asked = (domain: LoadedDomain, flow: string, slot: string, text: string) =>
  du.read(text, domain, inFlow(domain, flow, { waiting: slot }));

beforeAll(async () => {
  lodge = await loadDomainFromText(
    [
      "slots:",
      "  valley: { type: string, choices: [aran, ordesa, benasque], prompt: 'Which valley?' }",
      "  arrival: { type: date, prompt: 'When do you arrive?' }",
      "  nights: { type: integer, prompt: 'How many nights?' }",
      "  guests: { type: integer, prompt: 'How many guests?', description: 'How many people stay' }",
      "  holder: { type: string, extract: person_name, prompt: 'Under which name?' }",
      "  lodge_confirmed: { type: boolean }",
      "flows:",
      "  book_lodge:",
      "    description: Book a stay at a mountain lodge",
      "    trigger: { intents: ['book a lodge in {valley}', 'a stay for {nights} nights'] }",
      "    steps:",
      "      - { step: v, type: collect, slot: valley }",
      "      - { step: a, type: collect, slot: arrival }",
      "      - { step: n, type: collect, slot: nights }",
      "      - { step: g, type: collect, slot: guests }",
      "      - { step: h, type: collect, slot: holder }",
      "      - { step: c, type: confirm, slot: lodge_confirmed, message: 'Book it?' }",
    ].join("\n"),
    "lodge.yaml",
  );
  boats = await loadDomainFromText(
    [
      "slots:",
      "  boat: { type: string, choices: [kayak, canoe, sailboat], synonyms: { sailboat: [yacht] }, prompt: 'Which boat?' }",
      "  hire_day: { type: date, prompt: 'Which day?' }",
      "  permit: { type: string, extract: pattern, pattern: 'PB-\\d{4}', prompt: 'Which permit?' }",
      "flows:",
      "  hire_boat:",
      "    description: Hire a boat for a day",
      "    trigger: { intents: ['hire a {boat}', 'I want to rent a boat on {hire_day}'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: boat }",
      "      - { step: d, type: collect, slot: hire_day }",
      "  boat_prices:",
      "    description: The price per day of each boat",
      "    trigger: { intents: ['how much is a {boat}', 'prices of your boats'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: boat }",
      "  pay_fine:",
      "    description: Pay a fine for a late return",
      "    trigger: { intents: ['pay my fine', 'how much is my late fee'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: permit }",
    ].join("\n"),
    "boats.yaml",
  );
});

describe("a question about what a thing or an act costs goes to the flow that tells prices", () => {
  it("whatever act it names", () => {
    const cases: [string, Record<string, unknown>][] = [
      ["are yachts expensive to hire?", { boat: "sailboat" }],
      ["what does it cost to rent a canoe", { boat: "canoe" }],
      ["what are your hourly rates", {}],
      ["is a kayak cheap?", { boat: "kayak" }],
    ];
    for (const [text, slots] of cases) {
      const commands = read(boats, text);
      expect(firstIntent(commands), text).toBe("boat_prices");
      expect(slotsOf(commands), text).toEqual(slots);
    }
  });
  it("not a request without a price, nor a question about the customer's own debt", () => {
    expect(firstIntent(read(boats, "I want to hire a kayak on friday"))).toBe("hire_boat");
    expect(firstIntent(read(boats, "how much is my late fee?"))).toBe("pay_fine");
  });
  it("not where no single flow tells prices", () => {
    // The lodge has no price flow: the question is read as before.
    expect(firstIntent(read(lodge, "how expensive is a lodge in aran?"))).not.toBe("boat_prices");
  });
});

describe("counts said beside a weekday", () => {
  it("'thursday, 1 night' is the next Thursday and one night, not Thursday the 1st", () => {
    expect(slotsOf(read(lodge, "Ordesa, 2 adults, thursday, 1 night"))).toEqual({
      valley: "ordesa",
      arrival: "2027-03-11",
      guests: 2,
      nights: 1,
    });
    // A day of the month after the weekday is still read ("thursday 1st").
    expect(slotsOf(read(lodge, "book a lodge in aran thursday the 1st"))).toMatchObject({
      arrival: "2027-04-01",
    });
  });
  it("a word counted by a number is no weekday typed wrong", () => {
    // "mates" is one letter from the Spanish "martes".
    expect(slotsOf(read(lodge, "a stay for 2 nights in aran, 3 mates and me"))).not.toHaveProperty(
      "arrival",
    );
  });
});

describe("groups of people said together are added up", () => {
  it("as the answer", () => {
    expect(slotsOf(asked(lodge, "book_lodge", "guests", "three adults and a child"))).toEqual({
      guests: 4,
    });
    expect(slotsOf(asked(lodge, "book_lodge", "guests", "2 adults + 2 kids"))).toEqual({
      guests: 4,
    });
    // Adults alone are counted as before.
    expect(slotsOf(asked(lodge, "book_lodge", "guests", "2 adults"))).toEqual({ guests: 2 });
  });
  it("in a first message, and 'me + 2' counts the speaker", () => {
    expect(
      slotsOf(read(lodge, "a lodge in benasque for 2 adults and 3 children, 4 nights")),
    ).toMatchObject({ guests: 5, nights: 4 });
    expect(slotsOf(read(lodge, "a stay for 2 nights in aran, me + 2 friends"))).toMatchObject({
      guests: 3,
      nights: 2,
    });
  });
});

describe("a value typed wrong is a fault at the summary", () => {
  it("'the name is misspelled' asks to change the name", () => {
    const state = inFlow(lodge, "book_lodge", { confirm: true, slots: { holder: "Jon Ruiz" } });
    expect(du.read("the name is misspelled", lodge, state)).toEqual([
      { type: "deny", slot_to_change: "holder" },
    ]);
  });
});
