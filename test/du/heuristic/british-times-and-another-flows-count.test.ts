import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * On a small holiday-cottage business: "half 4" is British for 16:30; a time said with its half
 * of the day ("6pm") needs no lead word, so "could we do 6pm instead" at the summary changes the
 * time; and "the 3 bed cottage" counts another flow's bedrooms, not the guests of a booking,
 * which "my wife and I" then says.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let cottages: LoadedDomain;

beforeAll(async () => {
  cottages = await domainFromLines(
    [
      "slots:",
      "  tour_day: { type: date, prompt: 'Which day would you like the tour?' }",
      "  tour_time: { type: string, extract: time, prompt: 'What time suits you?' }",
      "  tour_ok: { type: boolean }",
      "  bedrooms:",
      "    type: integer",
      "    label: number of bedrooms",
      "    aliases: [bed, beds, bedroom]",
      "    prompt: 'How many bedrooms?'",
      "  guests:",
      "    type: integer",
      "    label: number of guests",
      "    aliases: [guests, people]",
      "    prompt: 'How many guests will stay?'",
      "  stay_start: { type: date, prompt: 'From which day?' }",
      "flows:",
      "  book_tour:",
      "    description: Book a guided tour of the estate",
      "    trigger: { intents: ['book a tour of the estate', 'can we have a tour'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: tour_day }",
      "      - { step: t, type: collect, slot: tour_time }",
      "      - { step: k, type: confirm, slot: tour_ok, message: 'Tour on {tour_day} at {tour_time}?' }",
      "  find_cottage:",
      "    description: Find a cottage by its size",
      "    trigger: { intents: ['which cottages do you have', 'any cottages with {bedrooms} bedrooms'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bedrooms }",
      "  book_cottage:",
      "    description: Book a stay in a cottage",
      "    trigger: { intents: ['book a stay in the cottage', 'we would like to book the cottage'] }",
      "    steps:",
      "      - { step: g, type: collect, slot: guests }",
      "      - { step: s, type: collect, slot: stay_start }",
    ],
    "cottages.yaml",
  );
});

const askedTime = () =>
  inFlow(cottages, "book_tour", { waiting: "tour_time", slots: { tour_day: "2027-03-12" } });
const atSummary = () =>
  inFlow(cottages, "book_tour", {
    confirm: true,
    slots: { tour_day: "2027-03-12", tour_time: "11:00" },
  });

describe("British clock times", () => {
  it('reads "half 4" as half past four', () => {
    expect(du.read("around half 4", cottages, askedTime())).toEqual([
      { type: "set_slot", slot: "tour_time", value: "16:30" },
    ]);
  });

  it('reads "half ten" and still "half past ten"', () => {
    expect(du.read("half ten", cottages, askedTime())).toEqual([
      { type: "set_slot", slot: "tour_time", value: "10:30" },
    ]);
    expect(du.read("half past ten please", cottages, askedTime())).toEqual([
      { type: "set_slot", slot: "tour_time", value: "10:30" },
    ]);
  });
});

describe("a new time asked for at the summary", () => {
  it("is a correction when asked as a question", () => {
    expect(du.read("could we do 6pm instead", cottages, atSummary())).toEqual([
      { type: "correct_slot", slot: "tour_time", value: "18:00" },
    ]);
  });

  it("is a correction after an opener, with instead", () => {
    expect(du.read("oh sorry, can we make it 9.30am instead?", cottages, atSummary())).toEqual([
      { type: "correct_slot", slot: "tour_time", value: "09:30" },
    ]);
  });

  it("leaves a question without a time a question", () => {
    expect(du.read("can we bring the dog?", cottages, atSummary())).not.toContainEqual(
      expect.objectContaining({ type: "correct_slot" }),
    );
  });
});

describe("a count of another flow's thing", () => {
  it("is not the guests, and the pair said is", () => {
    const got = du.read(
      "my wife and I would like to book the 3 bed cottage",
      cottages,
      emptyState("t"),
    );
    expect(got).toEqual([
      { type: "start_flow", flow: "book_cottage" },
      { type: "set_slot", slot: "guests", value: 2 },
    ]);
  });

  it("leaves the guests to be asked when only the bedrooms are said", () => {
    expect(du.read("we would like to book the 3 bed cottage", cottages, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "book_cottage" },
    ]);
  });

  it("still reads a count of the flow's own thing", () => {
    expect(
      du.read("we would like to book the cottage for 5 people", cottages, emptyState("t")),
    ).toEqual([
      { type: "start_flow", flow: "book_cottage" },
      { type: "set_slot", slot: "guests", value: 5 },
    ]);
  });
});
