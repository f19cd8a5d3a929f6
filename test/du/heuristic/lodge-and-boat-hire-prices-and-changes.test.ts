import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a mountain lodge's booking desk and a boat hire with a price list and fines: price questions,
 * counts beside a weekday, groups added up, typos at the summary, dates moved, values taken back.
 * Today is Wednesday 10 March 2027.
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

/** A phone shop's line desk and a bike hire, for the tests below. */
let lines: LoadedDomain;
let bikes: LoadedDomain;

beforeAll(async () => {
  lines = await loadDomainFromText(
    [
      "slots:",
      "  line: { type: string, extract: pattern, pattern: '8\\d{5}', prompt: 'Which line?' }",
      "  tariff: { type: string, choices: [mini, maxi], prompt: 'Mini or maxi?' }",
      "  extras:",
      "    type: list",
      "    required: false",
      "    choices: [music, cloud, insurance]",
      "    prompt: 'Any extras?'",
      "  switch_confirmed: { type: boolean }",
      "flows:",
      "  check_minutes:",
      "    description: Check how many minutes are used",
      "    trigger: { intents: ['how many minutes have I used', 'my minutes used so far'] }",
      "    steps:",
      "      - { step: l, type: collect, slot: line }",
      "  pay_invoice:",
      "    description: Pay the invoice of a line",
      "    trigger: { intents: ['pay my invoice', 'what do I owe'] }",
      "    steps:",
      "      - { step: l, type: collect, slot: line }",
      "  switch_tariff:",
      "    description: Switch a line to another tariff",
      "    trigger: { intents: ['switch to the {tariff} tariff', 'change my tariff'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: tariff }",
      "      - { step: e, type: collect, slot: extras }",
      "      - { step: c, type: confirm, slot: switch_confirmed, message: 'Switch?' }",
    ].join("\n"),
    "lines.yaml",
  );
  bikes = await loadDomainFromText(
    [
      "slots:",
      "  bike: { type: string, choices: [city, mountain, tandem], prompt: 'Which bike?' }",
      "  start_day: { type: date, prompt: 'From which day?' }",
      "  end_day: { type: date, prompt: 'Until which day?' }",
      "  days: { type: integer, prompt: 'For how many days?' }",
      "  hire_ref: { type: string, extract: pattern, pattern: 'BK-\\d{4}', prompt: 'Which hire?' }",
      "flows:",
      "  hire_bike:",
      "    description: Hire a bike",
      "    trigger: { intents: ['hire a {bike} bike', 'a bike from {start_day} to {end_day}'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bike }",
      "      - { step: s, type: collect, slot: start_day }",
      "      - { step: e, type: collect, slot: end_day }",
      "  move_hire:",
      "    description: Change the days of a bike hire",
      "    trigger: { intents: ['change my hire', 'change hire {hire_ref} to {start_day}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: hire_ref }",
      "      - { step: s, type: collect, slot: start_day }",
      "      - { step: e, type: collect, slot: end_day }",
      "      - { step: d, type: collect, slot: days }",
      "  cancel_hire:",
      "    description: Cancel a bike hire",
      "    trigger: { intents: ['cancel my hire', 'cancel hire {hire_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: hire_ref }",
      "  see_tours:",
      "    description: Get tickets for a guided bike tour",
      "    trigger: { intents: ['tickets for a bike tour', 'where are my tour tickets', 'I never got my tour tickets', 'move my tour tickets to another day'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bike }",
    ].join("\n"),
    "bikes.yaml",
  );
});

describe("a price question while a slot is asked", () => {
  it("is no answer where no flow tells prices", () => {
    expect(asked(lines, "switch_tariff", "extras", "how much is the cloud?")).toEqual([
      { type: "out_of_scope" },
    ]);
    // The value alone is still the answer.
    expect(slotsOf(asked(lines, "switch_tariff", "extras", "cloud please"))).toEqual({
      extras: ["cloud"],
    });
  });
});

describe("pack words for using, changing and moving", () => {
  it("'burned thru' is used, 'put me on' and 'pay less' ask for a change", () => {
    expect(firstIntent(read(lines, "how many minutes did i burn thru"))).toBe("check_minutes");
    expect(firstIntent(read(lines, "minutes i burned thru this week"))).toBe("check_minutes");
    const switched = read(lines, "i wanna pay less, put me on the mini one");
    expect(firstIntent(switched)).toBe("switch_tariff");
    expect(slotsOf(switched)).toEqual({ tariff: "mini" });
  });
  it("'I'd like to get ...' asks for a new one, 'still haven't got' after one had", () => {
    expect(firstIntent(read(bikes, "ok I'd like to get tickets"))).not.toBe("clarify");
    expect(firstIntent(read(bikes, "still havent got my tour tickets, 3 days now"))).toBe(
      "see_tours",
    );
  });
});

describe("a date moved, and the end of a span", () => {
  it("a count of days after 'back' or 'forward' is how far it moves", () => {
    const moved = read(bikes, "can you push my hire back a couple of days");
    expect(firstIntent(moved)).toBe("move_hire");
    expect(slotsOf(moved)).toEqual({});
  });
  it("'earlier' asks for a change, and a lone date after 'back' is the end", () => {
    const moved = read(bikes, "I'll bring the bike back earlier, on the 14th");
    expect(firstIntent(moved)).toBe("move_hire");
    expect(slotsOf(moved)).toEqual({ end_day: "2027-03-14" });
    expect(slotsOf(read(bikes, "hire a tandem bike, returning on the 20th"))).toEqual({
      bike: "tandem",
      end_day: "2027-03-20",
    });
  });
  it("'sat x3' closing a short request is a Saturday", () => {
    expect(slotsOf(read(bikes, "mountain bike sat x3"))).toMatchObject({
      start_day: "2027-03-13",
    });
  });
});

describe("handing a thing back is no cancel", () => {
  it("'drop it off on sunday' is the end of a hire, 'drop my hire' still cancels", () => {
    const hired = read(bikes, "I want a city bike on friday and drop it off on sunday");
    expect(hired.filter((c) => c.type === "start_flow")).toHaveLength(1);
    expect(firstIntent(hired)).toBe("hire_bike");
    expect(slotsOf(hired)).toMatchObject({ start_day: "2027-03-12", end_day: "2027-03-14" });
    expect(firstIntent(read(bikes, "please drop my hire BK-1234"))).toBe("cancel_hire");
  });
});

describe("a question about the business's own thing with a value", () => {
  it("is out of scope unless a flow's own word is said", () => {
    expect(read(bikes, "where is your shop in the city?")).toEqual([{ type: "out_of_scope" }]);
  });
});

describe("'just' keeps what follows it when a held value is taken back", () => {
  it("drops the one named, keeps the one after 'just'", () => {
    const state = inFlow(lines, "switch_tariff", {
      confirm: true,
      slots: { tariff: "mini", extras: ["music", "cloud"] },
    });
    expect(du.read("drop the music, just cloud", lines, state)).toEqual([
      { type: "correct_slot", slot: "extras", value: ["cloud"] },
    ]);
  });
});
