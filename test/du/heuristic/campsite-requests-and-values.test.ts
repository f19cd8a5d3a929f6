import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, firstIntent, slotsOf } from "../helpers.ts";

/**
 * On a campsite's booking desk: what the assistant helps with, relations counted, whether a thing
 * has arrived, wrong times, questions by unknown words, names, addresses, coming to eat. Today is
 * Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let camp: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));

beforeAll(async () => {
  camp = await loadDomainFromText(
    [
      "slots:",
      "  site: { type: string, choices: [lakeside, forest, meadow], prompt: 'Which site?' }",
      "  arrival: { type: date, prompt: 'When do you arrive?' }",
      "  nights: { type: integer, prompt: 'How many nights?' }",
      "  campers: { type: integer, prompt: 'How many campers?', description: 'How many people stay' }",
      "  pitch_code: { type: string, extract: pattern, pattern: 'CP-\\d{4}', prompt: 'Which booking?' }",
      "flows:",
      "  book_pitch:",
      "    description: Book a pitch at the campsite",
      "    trigger: { intents: ['book a pitch at {site}', 'a pitch for {nights} nights'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: site }",
      "      - { step: a, type: collect, slot: arrival }",
      "      - { step: n, type: collect, slot: nights }",
      "      - { step: c, type: collect, slot: campers }",
      "  pitch_status:",
      "    description: Check whether a pitch booking is confirmed",
      "    trigger: { intents: ['status of my pitch booking {pitch_code}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pitch_code }",
      "  move_pitch:",
      "    description: Move a pitch booking to other dates",
      "    trigger: { intents: ['move my pitch booking {pitch_code} to {arrival}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pitch_code }",
      "      - { step: a, type: collect, slot: arrival }",
      "  site_fees:",
      "    description: The nightly fee and the deposit of a site",
      "    trigger: { intents: ['what is the deposit for {site}'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: site }",
      "  cancel_pitch:",
      "    description: Cancel a pitch booking",
      "    trigger: { intents: ['cancel my pitch booking {pitch_code}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pitch_code }",
    ].join("\n"),
    "camp.yaml",
  );
});

describe("asking what the assistant helps with", () => {
  it("in any of the ways the pack builds, 'help me with' too", () => {
    for (const text of [
      "what kind of stuff can you help me with",
      "what type of things can you help me with",
      "what sort of stuff can you help with",
    ]) {
      expect(read(camp, text), text).toEqual([{ type: "clarify" }]);
    }
  });
});

describe("a relation typed as in chat counts as one more person", () => {
  it("'me and my gf', 'my bf and me'", () => {
    const gf = read(camp, "3 nights at the lakeside for me and my gf");
    expect(firstIntent(gf)).toBe("book_pitch");
    expect(slotsOf(gf)).toMatchObject({ campers: 2, nights: 3, site: "lakeside" });
    expect(slotsOf(read(camp, "a pitch in the forest, my bf and me"))).toMatchObject({
      campers: 2,
    });
  });
});

describe("asking whether a thing had has got somewhere yet looks it up", () => {
  it("'has it been ...?', 'did it arrive?'", () => {
    for (const text of [
      "my pitch booking is CP-1234, has it been approved?",
      "booked a pitch as CP-1234, did it arrive in your system?",
    ]) {
      const commands = read(camp, text);
      expect(firstIntent(commands), text).toBe("pitch_status");
      expect(slotsOf(commands)).toEqual({ pitch_code: "CP-1234" });
    }
  });
});

describe("a time had that is wrong asks for a change", () => {
  it("'picked the wrong days', 'reserved for the wrong week'", () => {
    for (const text of [
      "we picked the wrong days for our pitch, can you sort it out",
      "I reserved for the wrong week, please sort out my pitch booking",
    ]) {
      expect(firstIntent(read(camp, text)), text).toBe("move_pitch");
    }
  });

  it("a wrong date on a thing, not booked wrong, asks no change", () => {
    expect(firstIntent(read(camp, "the status page of CP-1234 shows the wrong date"))).toBe(
      "pitch_status",
    );
  });

  it("'wrong' beside a count of times is no date", () => {
    expect(firstIntent(read(camp, "typed my code wrong two times, book a pitch please"))).toBe(
      "book_pitch",
    );
  });
});

describe("a question about how a thing is, by a word no flow knows", () => {
  it("asks for what no flow does, whatever flow noun or value it names", () => {
    for (const text of [
      "how near is the lakeside pitch to the showers?",
      "How noisy are the forest pitches at night",
    ]) {
      expect(read(camp, text), text).toEqual([{ type: "out_of_scope" }]);
    }
  });

  it("in Spanish too", async () => {
    const barcas = await loadDomainFromText(
      [
        "settings: { language: es }",
        "slots:",
        "  lago: { type: string, choices: [sanabria, banyoles], prompt: '¿Qué lago?' }",
        "flows:",
        "  alquilar_barca:",
        "    description: Alquilar una barca en un lago",
        "    trigger: { intents: ['alquilar una barca en {lago}'] }",
        "    steps:",
        "      - { step: l, type: collect, slot: lago }",
      ].join("\n"),
      "barcas.yaml",
    );
    expect(read(barcas, "¿qué tan profundo es el lago de Sanabria?")).toEqual([
      { type: "out_of_scope" },
    ]);
  });

  it("a request, a task word or a flow that tells the thing still starts the flow", () => {
    expect(
      firstIntent(read(camp, "how near is the lakeside to the showers, I'd like a pitch there")),
    ).toBe("book_pitch");
    const fee = read(camp, "how big is the deposit for the meadow?");
    expect(firstIntent(fee)).toBe("site_fees");
    expect(slotsOf(fee)).toEqual({ site: "meadow" });
  });
});

describe("a capitalised word of the domain after a capitalised name", () => {
  it("is the surname as typed; lower case, it is not", async () => {
    const boats = await loadDomainFromText(
      [
        "slots:",
        "  skipper: { type: string, extract: person_name, prompt: 'Under which name?' }",
        "  hire_day: { type: date, prompt: 'Which day?' }",
        "flows:",
        "  hire_boat:",
        "    description: Hire a boat at the harbour",
        "    trigger: { intents: ['hire a boat at the harbour on {hire_day}'] }",
        "    steps:",
        "      - { step: d, type: collect, slot: hire_day }",
        "      - { step: s, type: collect, slot: skipper }",
      ].join("\n"),
      "boats.yaml",
    );
    expect(slotsOf(read(boats, "this is Tom Harbour, I'd like to hire a boat"))).toMatchObject({
      skipper: "Tom Harbour",
    });
    expect(slotsOf(read(boats, "my name is Tom harbour boat please"))).toMatchObject({
      skipper: "Tom",
    });
  });
});

describe("an address after a preposition, its number first", () => {
  it("'for 14 Mill Lane' is the street; a number before the domain's words is none", async () => {
    const florist = await loadDomainFromText(
      [
        "slots:",
        "  flowers: { type: string, choices: [roses, tulips], prompt: 'Which flowers?' }",
        "  address: { type: string, extract: address, prompt: 'Where to?' }",
        "flows:",
        "  send_flowers:",
        "    description: Send a bouquet of flowers",
        "    trigger: { intents: ['send {flowers} to {address}'] }",
        "    steps:",
        "      - { step: f, type: collect, slot: flowers }",
        "      - { step: a, type: collect, slot: address }",
      ].join("\n"),
      "florist.yaml",
    );
    expect(slotsOf(read(florist, "a bouquet of tulips for 14 Mill Lane please"))).toEqual({
      flowers: "tulips",
      address: "14 Mill Lane",
    });
    expect(slotsOf(read(florist, "a bouquet for 3 Red Roses"))).not.toHaveProperty("address");
  });
});

describe("coming to eat at a place asks to book it", () => {
  it("'come and eat', 'come dine'", async () => {
    const cafe = await loadDomainFromText(
      [
        "slots:",
        "  cake: { type: string, choices: [carrot, chocolate], prompt: 'Which cake?' }",
        "  day: { type: date, prompt: 'Which day?' }",
        "  people: { type: integer, prompt: 'How many people?' }",
        "flows:",
        "  order_cake:",
        "    description: Order a cake to take away",
        "    trigger: { intents: ['order a {cake} cake'] }",
        "    steps:",
        "      - { step: c, type: collect, slot: cake }",
        "  book_table:",
        "    description: Book a table at the cafe",
        "    trigger: { intents: ['a table for {people} on {day}'] }",
        "    steps:",
        "      - { step: d, type: collect, slot: day }",
        "      - { step: p, type: collect, slot: people }",
      ].join("\n"),
      "cafe.yaml",
    );
    for (const text of [
      "we would love to come and eat at yours saturday, 4 of us",
      "hoping to come dine with you on friday with 3 friends",
    ]) {
      expect(firstIntent(read(cafe, text)), text).toBe("book_table");
    }
  });
});

describe("a question about how the assistant is", () => {
  it("is no question about a thing of the business", () => {
    expect(read(camp, "how smart are you")).not.toEqual([{ type: "out_of_scope" }]);
  });
});
