import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/**
 * A bike hire with a collection day and a return day, written for this test. Today is
 * Wednesday 10 March 2027; the bike is collected on Saturday 20 March.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bikes: LoadedDomain;

beforeAll(async () => {
  bikes = await loadDomainFromText(
    [
      "slots:",
      "  collect_on: { type: date, prompt: 'Which day do you collect the bike?' }",
      "  return_on: { type: date, prompt: 'Which day do you bring it back?' }",
      "  riders: { type: integer, prompt: 'How many riders?' }",
      "flows:",
      "  hire_bike:",
      "    description: Hire a bike for some days",
      "    trigger: { intents: ['hire a bike'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: collect_on }",
      "      - { step: n, type: collect, slot: riders }",
      "      - { step: r, type: collect, slot: return_on }",
    ].join("\n"),
    "bikes.yaml",
  );
});

const returning = (text: string) =>
  slotsOf(
    du.read(
      text,
      bikes,
      inFlow(bikes, "hire_bike", { waiting: "return_on", slots: { collect_on: "2027-03-20" } }),
    ),
  ).return_on;

describe("a weekday given for the second of two date slots falls after the first date", () => {
  it("is the first such day after the collection, not the coming one from today", () => {
    expect(returning("sunday")).toBe("2027-03-21");
    expect(returning("next sunday")).toBe("2027-03-21");
    expect(returning("we can bring it back on tuesday")).toBe("2027-03-23");
    expect(returning("thursday")).toBe("2027-03-25");
  });
  it("the collection's own weekday is the week after", () => {
    expect(returning("saturday")).toBe("2027-03-27");
  });
  it("dates that are no weekday are kept as said, for the flow to judge", () => {
    expect(returning("march 15")).toBe("2027-03-15");
    expect(returning("tomorrow")).toBe("2027-03-11");
    expect(returning("april 2nd")).toBe("2027-04-02");
  });
  it("a weekday already after the first date is left as read", () => {
    const read = slotsOf(
      du.read(
        "friday",
        bikes,
        inFlow(bikes, "hire_bike", { waiting: "return_on", slots: { collect_on: "2027-03-11" } }),
      ),
    ).return_on;
    expect(read).toBe("2027-03-12");
  });
  it("so is one said alongside the answer to another question", () => {
    const said = slotsOf(
      du.read(
        "2 riders, and we're back on sunday",
        bikes,
        inFlow(bikes, "hire_bike", { waiting: "riders", slots: { collect_on: "2027-03-20" } }),
      ),
    );
    expect(said).toEqual({ riders: 2, return_on: "2027-03-21" });
  });
});
