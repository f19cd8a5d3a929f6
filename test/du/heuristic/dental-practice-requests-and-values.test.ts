import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a dental practice: a choice said to be better, 'that's fine' at a confirmation, 'any chance',
 * a day after 'since', a negated choice, leaving to come back, a fallback after 'otherwise'. Today
 * is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let dentist: LoadedDomain;
const read = (text: string): Command[] => du.read(text, dentist, emptyState("t"));
const asked = (flow: string, slot: string, text: string) =>
  du.read(text, dentist, inFlow(dentist, flow, { waiting: slot }));

beforeAll(async () => {
  dentist = await domainFromLines(
    [
      "slots:",
      "  treatment: { type: string, choices: [cleaning, filling, whitening], prompt: 'Which treatment?' }",
      "  visit_day: { type: date, prompt: 'Which day?' }",
      "  part: { type: string, choices: [morning, afternoon], prompt: 'Morning or afternoon?' }",
      "  pains: { type: list, required: false, prompt: 'Any pain we should know about?' }",
      "  move_ok: { type: boolean, description: Whether the new day is confirmed }",
      "  ref: { type: string, extract: pattern, pattern: 'DV-\\d{4}', prompt: 'Which booking?' }",
      "flows:",
      "  book_visit:",
      "    description: Book a visit to the dentist",
      "    trigger: { intents: ['book a {treatment}', 'I need a dentist in the {part}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: treatment }",
      "      - { step: d, type: collect, slot: visit_day }",
      "      - { step: p, type: collect, slot: part }",
      "      - { step: n, type: collect, slot: pains }",
      "  move_visit:",
      "    description: Move a visit to another day or time",
      "    trigger: { intents: ['move my visit {ref}', 'change the day of my visit'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: ref }",
      "      - { step: d, type: collect, slot: visit_day }",
      "      - { step: c, type: confirm, slot: move_ok, message: 'Move {ref} to {visit_day}?' }",
    ],
    "dentist.yaml",
  );
});

describe("of several choices, the one said to be better is asked for", () => {
  it("answering the question", () => {
    expect(
      slotsOf(asked("book_visit", "part", "afternoon is better, she naps in the mornings")),
    ).toEqual({ part: "afternoon" });
    expect(
      slotsOf(asked("book_visit", "part", "mornings would be much better than afternoons")),
    ).toEqual({ part: "morning" });
  });
  it("two choices with no preference are still no answer", () => {
    expect(slotsOf(asked("book_visit", "part", "morning or afternoon, either"))).toEqual({});
  });
});

describe("'that's fine' to a confirmation accepts it", () => {
  it("with or without the apostrophe", () => {
    const confirming = inFlow(dentist, "move_visit", { confirm: true, slots: { ref: "DV-1234" } });
    expect(du.read("that's fine", dentist, confirming)).toEqual([{ type: "affirm" }]);
    expect(du.read("thats ok", dentist, confirming)).toEqual([{ type: "affirm" }]);
  });
});

describe("'any chance' asks; it is no typo of 'change'", () => {
  it("the request is read on the other words", () => {
    expect(firstIntent(read("any chance of a cleaning on friday?"))).toBe("book_visit");
  });
});

describe("a day said after 'since' is when a state began, no day to come", () => {
  it("a first message keeps the rest", () => {
    expect(slotsOf(read("my tooth has ached since monday, can I book a filling"))).toEqual({
      treatment: "filling",
    });
  });
  it("a day to come said beside it is still read", () => {
    expect(
      slotsOf(read("my tooth has ached since monday, can I book a filling on friday")),
    ).toEqual({ treatment: "filling", visit_day: "2027-03-12" });
  });
});

describe("the words of a question to the business name no flow's thing", () => {
  it("'what time do you open on saturday' asks the hours, not a time of a visit", () => {
    expect(read("what time do you open on saturday?")).toEqual([{ type: "out_of_scope" }]);
  });
  it("a flow's own word beside it still asks for that flow", () => {
    expect(firstIntent(read("what time do you have a dentist free on friday?"))).toBe("book_visit");
  });
});

describe("of two choices, a negated one answers with the other", () => {
  it("'not the afternoon' to 'morning or afternoon?' is the morning", () => {
    expect(slotsOf(asked("book_visit", "part", "not the afternoon"))).toEqual({ part: "morning" });
    expect(slotsOf(asked("book_visit", "part", "not in the morning please"))).toEqual({
      part: "afternoon",
    });
  });
  it("of three choices, a negated one leaves the question open", () => {
    expect(slotsOf(asked("book_visit", "treatment", "not a filling"))).toEqual({});
  });
});

describe("leaving to come back another time stops the flow", () => {
  it("with or without 'forget it' before", () => {
    expect(asked("book_visit", "visit_day", "never mind, I'll call back")).toEqual([
      { type: "cancel_flow" },
    ]);
    expect(asked("book_visit", "visit_day", "I'll sort it out later")).toEqual([
      { type: "cancel_flow" },
    ]);
  });
});

describe("a value after 'otherwise' is a fallback; the first is asked for", () => {
  it("dates and choices", () => {
    expect(slotsOf(asked("book_visit", "visit_day", "friday ideally, if not thursday"))).toEqual({
      visit_day: "2027-03-12",
    });
    expect(
      slotsOf(asked("book_visit", "part", "the afternoon would suit, otherwise the morning")),
    ).toEqual({ part: "afternoon" });
  });
});

describe("who has had the items is no part of them", () => {
  it("the contracted perfect is left out", () => {
    expect(slotsOf(asked("book_visit", "pains", "he's had a sore gum and a loose tooth"))).toEqual({
      pains: ["sore gum", "loose tooth"],
    });
  });
});
