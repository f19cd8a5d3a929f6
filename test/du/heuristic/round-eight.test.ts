import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, slotsOf } from "../helpers.ts";

/** Eighth round: a boat-hire domain written for these tests (today is Wednesday 2027-03-10). */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let boats: LoadedDomain;
const read = (text: string): Command[] => du.read(text, boats, emptyState("t"));

beforeAll(async () => {
  boats = await loadDomainFromText(
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
    ].join("\n"),
    "boats.yaml",
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
