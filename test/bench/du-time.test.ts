import { describe, expect, it } from "vitest";
import { parseDuTimeArgs, relativeChange, summarizeDuTimes } from "../../bench/lib/du-time.ts";

describe("du-time options", () => {
  it("defaults to 12 rounds, 2 of them warm-up, this checkout alone", () => {
    expect(parseDuTimeArgs([])).toEqual({
      against: undefined,
      rounds: 12,
      warmUp: 2,
      sets: [],
      help: false,
    });
  });

  it("takes values after the flag or after '=', and --set repeated", () => {
    expect(
      parseDuTimeArgs(["--against", "../old", "--rounds=20", "--warm-up", "4", "--set", "a.yaml"]),
    ).toMatchObject({ against: "../old", rounds: 20, warmUp: 4, sets: ["a.yaml"] });
    expect(parseDuTimeArgs(["--set", "a.yaml", "--set=b.yaml"]).sets).toEqual(["a.yaml", "b.yaml"]);
  });

  it("rejects unknown options, missing values and rounds that leave nothing measured", () => {
    expect(() => parseDuTimeArgs(["--fast"])).toThrow(/unknown option '--fast'/);
    expect(() => parseDuTimeArgs(["--against"])).toThrow(/needs a value/);
    expect(() => parseDuTimeArgs(["--rounds", "two"])).toThrow(/whole number/);
    expect(() => parseDuTimeArgs(["--rounds", "2", "--warm-up", "2"])).toThrow(/must exceed/);
  });
});

describe("du-time summary", () => {
  it("sums each message's fastest and median reading, and pools readings for p50, mean, p90", () => {
    const summary = summarizeDuTimes([
      [3, 1, 2],
      [10, 30, 20],
    ]);
    expect(summary).toEqual({
      messages: 2,
      sumOfMinimaMs: 11,
      sumOfMediansMs: 22,
      p50Ms: 3,
      meanMs: 11,
      p90Ms: 30,
    });
  });

  it("refuses a summary with nothing measured", () => {
    expect(() => summarizeDuTimes([[], []])).toThrow(/no measured reading/);
  });

  it("prints the change as a signed percentage", () => {
    expect(relativeChange(1.14, 1)).toBe("+14.0%");
    expect(relativeChange(0.97, 1)).toBe("-3.0%");
  });
});
