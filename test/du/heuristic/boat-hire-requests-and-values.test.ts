import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { readActs } from "../../../src/du/heuristic/acts.ts";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a boat hire (and a bike shop): weekday ranges and a date after 'until', counts of something
 * else, changes at the summary, what a question wants, 'I'm' before a name. Today is Wednesday
 * 2027-03-10.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let boats: LoadedDomain;
let bikes: LoadedDomain;
let tours: LoadedDomain;
const TOUR = {
  walk: "old_town",
  tour_day: "2027-03-16",
  time_of_day: "morning",
  hikers: 3,
  nights_out: 3,
};
const atTourSummary = (text: string): Command[] =>
  du.read(text, tours, inFlow(tours, "book_tour", { confirm: true, slots: TOUR }));
const read = (text: string): Command[] => du.read(text, boats, emptyState("t"));
const readBikes = (text: string): Command[] => du.read(text, bikes, emptyState("t"));

beforeAll(async () => {
  boats = await domainFromLines(
    [
      "slots:",
      "  harbour: { type: string, choices: [oban, tobermory], prompt: 'Which harbour?' }",
      "  out_on: { type: date, prompt: 'Which day do you sail out?' }",
      "  back_on: { type: date, prompt: 'Which day do you bring it back?' }",
      "  skipper: { type: string, extract: person_name, prompt: 'Who is the skipper?' }",
      "  boat_ref: { type: string, extract: pattern, pattern: 'BT-\\d{3}', prompt: 'Your booking?' }",
      "actions:",
      "  hire: { inputs: [harbour, out_on, back_on, skipper] }",
      "  move: { inputs: [boat_ref, out_on, back_on] }",
      "flows:",
      "  hire_boat:",
      "    description: Hire a sailing boat",
      "    trigger: { intents: ['hire a boat', 'a boat in {harbour}'] }",
      "    steps:",
      "      - { step: h, type: collect, slot: harbour }",
      "      - { step: o, type: collect, slot: out_on }",
      "      - { step: b, type: collect, slot: back_on }",
      "      - { step: s, type: collect, slot: skipper }",
      "      - { step: go, type: action, action: hire }",
      "  move_hire:",
      "    description: Move the dates of a boat hire",
      "    trigger: { intents: ['move my boat hire', 'change the dates of {boat_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: boat_ref }",
      "      - { step: o, type: collect, slot: out_on }",
      "      - { step: b, type: collect, slot: back_on }",
      "      - { step: go, type: action, action: move }",
    ],
    "boats.yaml",
  );
  bikes = await domainFromLines(
    [
      "slots:",
      "  town: { type: string, choices: [bruges, ghent], prompt: 'Which town?' }",
      "  hire_days: { type: integer, prompt: 'For how many days?' }",
      "  add_ons:",
      "    type: list",
      "    required: false",
      "    choices: [helmet, lock, pannier]",
      "    synonyms: { pannier: [saddle bag, saddle bags] }",
      "    prompt: 'Any add-ons?'",
      "actions:",
      "  hire: { inputs: [town, hire_days, add_ons] }",
      "flows:",
      "  hire_bike:",
      "    description: Hire a bike",
      "    trigger: { intents: ['hire a bike', 'a bike in {town} for {hire_days} days'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: town }",
      "      - { step: d, type: collect, slot: hire_days }",
      "      - { step: a, type: collect, slot: add_ons }",
      "      - { step: go, type: action, action: hire }",
    ],
    "bikes.yaml",
  );
  tours = await domainFromLines(
    [
      "slots:",
      "  walk: { type: string, choices: [old_town, harbour], prompt: 'Which walk?' }",
      "  tour_day: { type: date, prompt: 'On which day?' }",
      "  time_of_day: { type: string, choices: [morning, afternoon], prompt: 'Morning or afternoon?' }",
      "  hikers: { type: integer, prompt: 'How many people?' }",
      "  nights_out: { type: integer, label: nights, prompt: 'For how many nights?' }",
      "  tour_ref: { type: string, extract: pattern, pattern: 'TR-\\d{4}', prompt: 'Your tour code?' }",
      "  ok: { type: boolean }",
      "actions:",
      "  book: { inputs: [walk, tour_day, time_of_day, hikers, nights_out] }",
      "  move: { inputs: [tour_ref, tour_day] }",
      "flows:",
      "  book_tour:",
      "    description: Book a guided walking tour",
      "    trigger: { intents: ['book a tour', 'a walking tour on {tour_day}'] }",
      "    steps:",
      "      - { step: w, type: collect, slot: walk }",
      "      - { step: d, type: collect, slot: tour_day }",
      "      - { step: t, type: collect, slot: time_of_day }",
      "      - { step: h, type: collect, slot: hikers }",
      "      - { step: n, type: collect, slot: nights_out }",
      "      - { step: c, type: confirm, slot: ok, message: 'Book it?' }",
      "      - { step: go, type: action, action: book }",
      "  move_tour:",
      "    description: Change the day of a booked tour",
      "    trigger: { intents: ['change my tour to another day', 'move {tour_ref} to {tour_day}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: tour_ref }",
      "      - { step: d, type: collect, slot: tour_day }",
      "      - { step: go, type: action, action: move }",
    ],
    "tours.yaml",
  );
});

describe("a weekday that ends a range", () => {
  it("is the first such day after the range's start", () => {
    // Said on a Wednesday: "wednesday" alone is today, but after saturday it is the next one.
    expect(slotsOf(read("hire a boat in oban from saturday to wednesday"))).toMatchObject({
      out_on: "2027-03-13",
      back_on: "2027-03-17",
    });
    expect(
      slotsOf(read("we sail out of oban on friday and need the boat until monday")),
    ).toMatchObject({ out_on: "2027-03-12", back_on: "2027-03-15" });
    // Friday to monday already runs forward: unchanged.
    expect(slotsOf(read("hire a boat friday - sunday"))).toMatchObject({
      out_on: "2027-03-12",
      back_on: "2027-03-14",
    });
  });

  it("reads the Spanish range the same way", () => {
    expect(findDates("del sabado al miercoles", EXAMPLE_NOW).map((d) => d.value)).toEqual([
      "2027-03-13",
      "2027-03-17",
    ]);
    expect(findDates("el viernes y hasta el martes", EXAMPLE_NOW).map((d) => d.value)).toEqual([
      "2027-03-12",
      "2027-03-16",
    ]);
  });

  it("leaves a weekday that follows a date without a range word", () => {
    expect(findDates("saturday, or wednesday", EXAMPLE_NOW).map((d) => d.value)).toEqual([
      "2027-03-13",
      "2027-03-10",
    ]);
  });
});

describe("a lone date after 'until'", () => {
  it("is the end of the two dates the flow takes", () => {
    expect(slotsOf(read("can I keep BT-123 until the 20th, please move it"))).toMatchObject({
      boat_ref: "BT-123",
      back_on: "2027-03-20",
    });
    expect(slotsOf(read("hire a boat in tobermory till march 25"))).toEqual({
      harbour: "tobermory",
      back_on: "2027-03-25",
    });
  });

  it("is still the start when no 'until' leads it", () => {
    expect(slotsOf(read("hire a boat in tobermory on march 25"))).not.toHaveProperty("back_on");
  });
});

describe("a number that counts something else", () => {
  it("is not the flow's one count when people or another slot's value follow it", () => {
    expect(slotsOf(readBikes("hire a bike with two saddle bags in ghent"))).toEqual({
      town: "ghent",
      add_ons: ["pannier"],
    });
    expect(slotsOf(readBikes("hire bikes in bruges for 4 people"))).toEqual({ town: "bruges" });
    expect(slotsOf(readBikes("we're a group of 6 and want to hire bikes"))).toEqual({});
  });

  it("is still the count when nothing else is counted", () => {
    expect(slotsOf(readBikes("hire a bike in ghent for 3 days"))).toEqual({
      town: "ghent",
      hire_days: 3,
    });
    expect(slotsOf(readBikes("hire a bike for 5 with a helmet"))).toEqual({
      hire_days: 5,
      add_ons: ["helmet"],
    });
  });
});

describe("changes said at the summary", () => {
  it("reads a new value asked as a question with 'instead' as a correction of this flow", () => {
    expect(atTourSummary("could we do the 18th instead?")).toEqual([
      { type: "correct_slot", slot: "tour_day", value: "2027-03-18" },
    ]);
    expect(atTourSummary("can it be the afternoon instead?")).toEqual([
      { type: "correct_slot", slot: "time_of_day", value: "afternoon" },
    ]);
  });

  it("gives 'X not Y' to the slot X's own words name when two slots hold Y", () => {
    expect(atTourSummary("no, we are 4 not 3")).toEqual([
      { type: "correct_slot", slot: "hikers", value: 4 },
    ]);
    expect(atTourSummary("sorry, 4 nights not 3")).toEqual([
      { type: "correct_slot", slot: "nights_out", value: 4 },
    ]);
  });

  it("lets the word after 'of' in a slot's name qualify it, not name it", () => {
    // "day" of time_of_day no longer hides the date slot's own kind word.
    expect(atTourSummary("no, wrong day")).toEqual([{ type: "deny", slot_to_change: "tour_day" }]);
    expect(atTourSummary("no, the time is wrong")).toEqual([
      { type: "deny", slot_to_change: "time_of_day" },
    ]);
  });
});

describe("asking what the question wants", () => {
  it("is a request for help while a value is asked", () => {
    const asked = (text: string, slot: string) =>
      du.read(text, tours, inFlow(tours, "book_tour", { waiting: slot }));
    expect(asked("um, what are the choices?", "walk")).toEqual([
      { type: "clarify", topic: "walk" },
    ]);
    expect(asked("sorry, I don't understand what you need from me", "hikers")).toEqual([
      { type: "clarify", topic: "hikers" },
    ]);
  });

  it("reads the Spanish forms too", () => {
    expect(readActs("¿cuáles son las opciones?").help).toBe(true);
    expect(readActs("no entiendo qué necesitas de mí").help).toBe(true);
  });
});

describe("'I'm' before a full name", () => {
  it("names the speaker for the flow's name slot", () => {
    expect(slotsOf(read("hire a boat in oban on friday, I'm Ruth Kemp"))).toMatchObject({
      skipper: "Ruth Kemp",
    });
    expect(slotsOf(read("I am Ruth Kemp. Hire a boat in oban please"))).toMatchObject({
      skipper: "Ruth Kemp",
    });
  });

  it("leaves one capitalised word, which may say what the speaker is", () => {
    expect(slotsOf(read("I'm Scottish, can I hire a boat in oban?"))).toEqual({ harbour: "oban" });
  });
});
