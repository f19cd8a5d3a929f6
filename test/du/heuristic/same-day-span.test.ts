import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/** "just for the day" asked an end date ends the span on its first day: a kayak hire. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let hire: LoadedDomain;
const askedEnd = (text: string, slots: Record<string, string> = { start_day: "2027-03-13" }) =>
  slotsOf(du.read(text, hire, inFlow(hire, "hire_kayak", { waiting: "end_day", slots })));

beforeAll(async () => {
  hire = await domainFromLines(
    [
      "slots:",
      "  start_day: { type: date, prompt: 'From which day?' }",
      "  end_day: { type: date, prompt: 'Until which day?' }",
      "flows:",
      "  hire_kayak:",
      "    description: Hire a kayak for some days",
      "    trigger: { intents: ['hire a kayak'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: start_day }",
      "      - { step: e, type: collect, slot: end_day }",
    ],
    "kayak.yaml",
  );
});

describe("a span that ends the day it starts", () => {
  it("gives the start date as the end", () => {
    expect(askedEnd("just for the day")).toEqual({ end_day: "2027-03-13" });
    expect(askedEnd("el mismo dia")).toEqual({ end_day: "2027-03-13" });
  });
  it("a date said wins, and without a start nothing is read", () => {
    expect(askedEnd("for the day, so sunday")).toEqual({ end_day: "2027-03-14" });
    expect(askedEnd("just for the day", {})).toEqual({});
  });
});
