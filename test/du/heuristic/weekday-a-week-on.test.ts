import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";

/** Said on Tuesday 3 March 2026. */
const tuesday = new Date("2026-03-03T12:00:00");
const day = (text: string) => findDates(text, tuesday).map((d) => d.value);

describe("which Thursday", () => {
  it("'thursday', 'this thursday' and 'next thursday' are the coming one", () => {
    expect(day("can the plumber come thursday")).toEqual(["2026-03-05"]);
    expect(day("can the plumber come this thursday")).toEqual(["2026-03-05"]);
    expect(day("can the plumber come next thursday")).toEqual(["2026-03-05"]);
  });

  it("'thursday week' and 'a week on thursday' are a week after it", () => {
    expect(day("can the plumber come thursday week")).toEqual(["2026-03-12"]);
    expect(day("can the plumber come a week on thursday")).toEqual(["2026-03-12"]);
    expect(day("tuesday week suits me")).toEqual(["2026-03-10"]);
  });

  it("a weekend after the day is no week after it", () => {
    expect(day("thursday weekend deal")).toEqual(["2026-03-05"]);
  });
});
