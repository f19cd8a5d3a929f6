import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On an electricity supplier's desk and a vet's surgery: things not wanted, last night as
 * yesterday, a date said first, values in a reason, things already had, not coming, and words that
 * weigh nothing. Today is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let power: LoadedDomain;
let vet: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));
const asked = (domain: LoadedDomain, flow: string, slot: string, text: string) =>
  du.read(text, domain, inFlow(domain, flow, { waiting: slot }));

beforeAll(async () => {
  power = await domainFromLines(
    [
      "slots:",
      "  meter: { type: string, extract: pattern, pattern: 'MT-\\d{5}', prompt: 'Which meter?' }",
      "  cut_since: { type: date, prompt: 'Since when?', description: 'The day the power went' }",
      "  tariff: { type: string, choices: [day, night, flat], prompt: 'Which tariff?' }",
      "vocabulary:",
      "  synonyms:",
      "    usage: [usage, kwh, consumption]",
      "    bill: [bill, invoice]",
      "flows:",
      "  check_bill:",
      "    description: Check the latest electricity bill",
      "    trigger: { intents: ['how much is my bill', 'show me my bill'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: meter }",
      "  check_usage:",
      "    description: Check the electricity used this month",
      "    trigger: { intents: ['how much usage this month', 'show me my usage'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: meter }",
      "  change_tariff:",
      "    description: Move to another tariff",
      "    trigger: { intents: ['switch my tariff', 'change to the {tariff} tariff'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: tariff }",
      "  report_cut:",
      "    description: Report a power cut",
      "    trigger: { intents: ['the power is off', 'no power since {cut_since}'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: cut_since }",
    ],
    "power.yaml",
  );
  vet = await domainFromLines(
    [
      "slots:",
      "  pet: { type: string, choices: [dog, cat, rabbit], prompt: 'Which pet?' }",
      "  visit_day: { type: date, prompt: 'Which day?' }",
      "  part: { type: string, choices: [morning, afternoon], prompt: 'Morning or afternoon?' }",
      "flows:",
      "  book_visit:",
      "    description: Book a visit to the vet",
      "    trigger: { intents: ['book a visit for my {pet}', 'can the vet see my {pet} in the {part}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pet }",
      "      - { step: d, type: collect, slot: visit_day }",
      "      - { step: t, type: collect, slot: part }",
      "  cancel_visit:",
      "    description: Cancel a visit",
      "    trigger: { intents: ['cancel my visit', 'we will not come to the visit'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: visit_day }",
      "  move_visit:",
      "    description: Move a visit to another day or time",
      "    trigger: { intents: ['move my visit', 'can you change the time of my visit'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: visit_day }",
      "      - { step: t, type: collect, slot: part }",
    ],
    "vet.yaml",
  );
});

describe("a clause of 'not' and a thing names what is not wanted", () => {
  it("beside a clause that asks for another flow's thing", () => {
    expect(firstIntent(read(power, "not my invoice, I want to see the usage"))).toBe("check_usage");
    expect(firstIntent(read(power, "not the usage, can you show me the bill"))).toBe("check_bill");
  });
});

describe("last night is yesterday", () => {
  it("in a first message", () => {
    expect(slotsOf(read(power, "the power is off since last night"))).toEqual({
      cut_since: "2027-03-09",
    });
  });
});

describe("a date said alone before the rest answers the question", () => {
  it("the later date tells about it", () => {
    expect(
      slotsOf(asked(power, "report_cut", "cut_since", "monday, on sunday it was fine")),
    ).toEqual({ cut_since: "2027-03-08" });
    expect(
      slotsOf(asked(power, "report_cut", "cut_since", "today. last night it still worked")),
    ).toEqual({ cut_since: "2027-03-10" });
  });
  it("two dates in one clause are still no answer", () => {
    expect(slotsOf(asked(power, "report_cut", "cut_since", "monday or sunday"))).toEqual({});
    expect(slotsOf(asked(power, "report_cut", "cut_since", "monday, sunday or saturday"))).toEqual(
      {},
    );
  });
});

describe("a value said in the reason beside a request is not the one asked for", () => {
  it("'as I work in the mornings' leaves the afternoon", () => {
    expect(
      slotsOf(read(vet, "can the vet see my cat on friday afternoon as I work in the mornings")),
    ).toMatchObject({ pet: "cat", part: "afternoon" });
    expect(
      slotsOf(read(vet, "book a visit for my dog in the morning, because the afternoons are busy")),
    ).toMatchObject({ pet: "dog", part: "morning" });
  });
  it("a reason alone still gives its value", () => {
    expect(slotsOf(asked(vet, "book_visit", "part", "as I work in the mornings"))).toEqual({
      part: "morning",
    });
  });
});

describe("a clause telling of the thing already had is no request for a new one", () => {
  it("the other clauses ask for the change", () => {
    const commands = read(
      vet,
      "we booked the rabbit in for the morning but the afternoon suits us better, can you change it?",
    );
    expect(firstIntent(commands)).toBe("move_visit");
    expect(slotsOf(commands)).toEqual({ part: "afternoon" });
    expect(
      firstIntent(read(vet, "I booked my dog for tuesday, could you move it to thursday")),
    ).toBe("move_visit");
  });
  it("a new booking said beside it is still one", () => {
    expect(firstIntent(read(vet, "I booked the dog last week, now book a visit for my cat"))).toBe(
      "book_visit",
    );
  });
});

describe("not coming, said with another cancel word in its clause, is the reason for a change", () => {
  it("'anymore' beside 'can't make' is the same reason", () => {
    expect(
      firstIntent(read(vet, "we can't make it on monday anymore, could we push the visit back?")),
    ).toBe("move_visit");
  });
  it("a plain cancel is still one", () => {
    expect(firstIntent(read(vet, "we can't make it anymore, cancel my visit"))).toBe(
      "cancel_visit",
    );
  });
});

describe("task words for visits, changes and hedges", () => {
  it("to be seen by someone who takes visits asks for a visit", () => {
    expect(firstIntent(read(vet, "we need to be seen by a vet this week"))).toBe("book_visit");
    expect(firstIntent(read(vet, "can we get seen by the vet soon"))).toBe("book_visit");
  });
  it("a cheaper one of a thing had is a change of it", () => {
    expect(firstIntent(read(power, "a cheaper tariff would be nice, the bills are huge"))).toBe(
      "change_tariff",
    );
  });
});

describe("how often a thing happened weighs nothing", () => {
  it("'3 times' leaves the coverage as it was", () => {
    const { index } = du.prepare(power);
    const coverage = (text: string) =>
      index.rank(text).find((r) => r.flow === "report_cut")?.coverage;
    expect(coverage("the power went off 3 times")).toBe(coverage("the power went off"));
    expect(coverage("the power went off three times")).toBe(coverage("the power went off"));
  });
});

describe("how sure the user is weighs nothing", () => {
  it("'I reckon', 'seems' leave the thing named", () => {
    expect(firstIntent(read(power, "my bill seems weird, how much was it"))).toBe("check_bill");
    expect(firstIntent(read(power, "I reckon the usage seems strange"))).toBe("check_usage");
  });
});
