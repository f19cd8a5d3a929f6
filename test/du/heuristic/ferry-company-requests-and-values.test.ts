import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues, startedFlows } from "../helpers.ts";

/**
 * On a small ferry company: an international number typed in groups, asking what the assistant
 * does "for me", a choice's last word with two letters swapped, "go thru" and "haven't had", "I
 * deleted it" told beside a request, "unbook", "booked for the wrong date", a cancel said twice,
 * an extra turned down with the reason why, "no, any day is fine", "I'll keep it" at a cancel's
 * confirmation, and the thing named alone.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let ferries: LoadedDomain;
const first = (text: string): Command[] => du.read(text, ferries, emptyState("t"));
const started = startedFlows;
const values = readValues;

beforeAll(async () => {
  ferries = await domainFromLines(
    [
      "slots:",
      "  route:",
      "    type: string",
      "    extract: choice",
      "    choices: [north_isle, grey_point, seal_bay]",
      "    synonyms:",
      "      north_isle: [the north isle, north isle crossing, north isle]",
      "      grey_point: [grey point]",
      "      seal_bay: [seal bay]",
      "    prompt: 'Which crossing?'",
      "  sail_date: { type: date, prompt: 'Which day?' }",
      "  passengers: { type: integer, prompt: 'How many passengers?', aliases: [passengers] }",
      "  phone:",
      "    extract: pattern",
      "    pattern: '\\+?\\d{9,12}'",
      "    prompt: 'A phone number for the boarding pass?'",
      "  new_date: { type: date, prompt: 'Which new date?' }",
      "  book_ok: { type: boolean }",
      "  cancel_ok: { type: boolean }",
      "  on_day: { type: date, required: false, prompt: 'Any particular day?', label: day }",
      "  extras:",
      "    type: list",
      "    required: false",
      "    choices: [cabin, meal, blanket]",
      "    prompt: 'Any extras: a cabin, a meal or a blanket?'",
      "  booking_ref: { type: string, extract: pattern, pattern: 'FB-\\d{5}', prompt: 'The booking reference?' }",
      "flows:",
      "  book_crossing:",
      "    description: Book a ferry crossing",
      "    trigger:",
      "      intents: ['I want to book a crossing', 'buy tickets for {route}', 'book the {route} ferry on {sail_date}']",
      "    steps:",
      "      - { step: r, type: collect, slot: route }",
      "      - { step: d, type: collect, slot: sail_date }",
      "      - { step: n, type: collect, slot: passengers }",
      "      - { step: p, type: collect, slot: phone }",
      "      - { step: x, type: collect, slot: extras }",
      "      - { step: c, type: confirm, slot: book_ok, message: 'Book it?' }",
      "  cancel_crossing:",
      "    description: Cancel a crossing booking",
      "    trigger:",
      "      intents: ['cancel my crossing booking', 'cancel booking {booking_ref}']",
      "    steps:",
      "      - { step: r, type: collect, slot: booking_ref }",
      "      - { step: c, type: confirm, slot: cancel_ok, message: 'Cancel {booking_ref}?' }",
      "  move_crossing:",
      "    description: Move a crossing booking to another date",
      "    trigger:",
      "      intents: ['change the date of my crossing', 'move booking {booking_ref} to {new_date}']",
      "    steps:",
      "      - { step: r, type: collect, slot: booking_ref }",
      "      - { step: d, type: collect, slot: new_date }",
      "  list_sailings:",
      "    description: See which sailings run",
      "    trigger:",
      "      intents: ['which sailings are there {on_day}']",
      "    steps:",
      "      - { step: d, type: collect, slot: on_day }",
      "  crossing_status:",
      "    description: Check a crossing booking or get the boarding pass sent again",
      "    trigger:",
      "      intents: ['check my booking', 'send my boarding pass again']",
      "    steps:",
      "      - { step: r, type: collect, slot: booking_ref }",
    ],
    "ferries.yaml",
  );
});

describe("values", () => {
  it("an international number typed in groups keeps its plus", () => {
    const state = inFlow(ferries, "book_crossing", { waiting: "phone" });
    expect(values(du.read("+44 7700 900 123", ferries, state))).toEqual({ phone: "+447700900123" });
    expect(values(du.read("07700 900 123", ferries, state))).toEqual({ phone: "07700900123" });
  });
});

describe("asking what the assistant does", () => {
  it("for me, or helping me with", () => {
    expect(first("what kind of stuff can you do for me?")).toEqual([{ type: "clarify" }]);
    expect(first("what type of things can you help me with")).toEqual([{ type: "clarify" }]);
  });
});

describe("a choice of several words typed wrong", () => {
  it("its last word with two neighbouring letters swapped is still the choice", () => {
    const read = first("need tickets for the north isel please");
    expect(started(read)).toEqual(["book_crossing"]);
    expect(values(read)).toEqual({ route: "north_isle" });
    expect(values(first("book the grey pionts ferry"))).toEqual({});
  });
});

describe("asking after a thing already had", () => {
  it("'go thru' asks how far it got, as 'go through' does", () => {
    expect(started(first("did my booking go thru?"))).toEqual(["crossing_status"]);
  });
  it("'haven't had' says it has not come", () => {
    expect(started(first("hi, we haven't had any confirmation"))).toEqual(["crossing_status"]);
    expect(started(first("we haven't had anything for the crossing yet"))).toEqual([
      "crossing_status",
    ]);
  });
});

describe("what the customer did, told beside a request", () => {
  it("'I deleted it' tells what happened to the thing; it cancels nothing", () => {
    expect(started(first("I removed it by mistake and need the boarding pass again"))).toEqual([
      "crossing_status",
    ]);
    const told =
      "the pass landed in my junk folder and I deleted it without thinking, can you send my boarding pass again";
    expect(started(first(told))).toEqual(["crossing_status"]);
  });
});

describe("a verb undone by its prefix", () => {
  it("'unbook' cancels the booking", () => {
    expect(started(first("I need to unbook my crossing"))).toEqual(["cancel_crossing"]);
  });
});

describe("a thing had on the wrong day", () => {
  it("is to be moved, not booked again", () => {
    const read = first("we booked the seal bay ferry for the wrong date, it should be the 20th");
    expect(started(read)).toEqual(["move_crossing"]);
    expect(values(read)).toEqual({ new_date: "2027-03-20" });
  });
});

describe("a cancel said twice", () => {
  it("stops the running flow; it starts no flow that cancels a booking had", () => {
    const state = inFlow(ferries, "book_crossing", { waiting: "phone" });
    const read = (text: string) => du.read(text, ferries, state);
    expect(read("drop the whole thing. I don't want it anymore")).toEqual([
      { type: "cancel_flow" },
    ]);
    expect(read("forget the whole thing, we don't want them anymore")).toEqual([
      { type: "cancel_flow" },
    ]);
    expect(started(read("forget it, I want to check my booking"))).toEqual(["crossing_status"]);
  });
});

describe("an optional extra turned down with the reason why", () => {
  it("'no thanks, we'll bring our own ...' skips it, with or without a comma", () => {
    const state = inFlow(ferries, "book_crossing", { waiting: "extras" });
    const read = (text: string) => du.read(text, ferries, state);
    const skip = [{ type: "skip_slot", slot: "extras" }];
    expect(read("no thanks we'll bring our own sandwiches")).toEqual(skip);
    expect(read("nah we've got our own travel blankets and cushions in the car")).toEqual(skip);
    expect(values(read("no just a meal"))).toEqual({ extras: ["meal"] });
  });
});

describe("an optional question turned down, then accepted as it is", () => {
  it("'nah, any day is fine' skips the day", () => {
    const state = inFlow(ferries, "list_sailings", { waiting: "on_day" });
    expect(du.read("nah, any day is fine", ferries, state)).toEqual([
      { type: "skip_slot", slot: "on_day" },
    ]);
  });
});

describe("keeping the thing at the confirmation of giving it up", () => {
  it("is a no there, and nothing at a purchase's confirmation", () => {
    const cancelling = inFlow(ferries, "cancel_crossing", { confirm: true });
    expect(du.read("actually I think I'll keep it", ferries, cancelling)).toEqual([
      { type: "deny" },
    ]);
    expect(du.read("mejor me lo quedo", ferries, cancelling)).toEqual([{ type: "deny" }]);
    const buying = inFlow(ferries, "book_crossing", { confirm: true });
    expect(du.read("I'll keep it", ferries, buying)).not.toEqual([{ type: "deny" }]);
  });
});

describe("the thing named alone", () => {
  it("asks for a new one, though the cancel's phrase says it; 'my ...' names one had", () => {
    expect(started(first("crossing booking please"))).toEqual(["book_crossing"]);
    expect(started(first("my crossing booking"))).not.toEqual(["book_crossing"]);
  });
});
