import { describe, expect, it } from "vitest";
import { findNumbers, parseDigits } from "../../../src/du/heuristic/extract/numbers.ts";

describe("parseDigits", () => {
  it.each([
    ["1,500.50", "en", 1500.5],
    ["1.500,50", "en", 1500.5],
    ["1,5", "en", 1.5],
    ["1,500", "en", 1500],
    ["1.500", "en", 1.5],
    ["1.500", "es", 1500],
    ["1.234.567", "en", 1234567],
    ["12", "en", 12],
    ["0.75", "en", 0.75],
  ] as const)("%s (%s) -> %d", (text, language, expected) => {
    expect(parseDigits(text, language)).toBe(expected);
  });

  it("refuses text that is not a number", () => {
    expect(parseDigits("12a")).toBeNull();
    expect(parseDigits("")).toBeNull();
  });
});

describe("findNumbers", () => {
  const one = (text: string, language: "en" | "es" = "en") => {
    const found = findNumbers(text, language);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it.each([
    ["€200", 200, "EUR"],
    ["200€", 200, "EUR"],
    ["200 euros", 200, "EUR"],
    ["$1,200", 1200, "USD"],
    ["EUR 75", 75, "EUR"],
    ["40 quid", 40, "GBP"],
    ["1.5k", 1500, null],
    ["2k euros", 2000, "EUR"],
    ["3 thousand", 3000, null],
    ["send 1,500.50 please", 1500.5, null],
    // A dot before three digits is a thousands mark in euros, whatever the language.
    ["€1.200", 1200, "EUR"],
    ["1.200 euros", 1200, "EUR"],
    ["$1.200", 1.2, "USD"],
    // Digits grouped with spaces.
    ["1 200,50", 1200.5, null],
    ["12 500 euros", 12500, "EUR"],
  ] as const)("%s -> %d %s", (text, value, currency) => {
    const n = one(text);
    expect(n.value).toBe(value);
    expect(n.currency).toBe(currency);
  });

  it.each([
    ["two hundred", 200],
    ["two hundred and fifty", 250],
    ["a hundred", 100],
    ["three thousand five hundred", 3500],
    ["fifty-five", 55],
    ["one million", 1_000_000],
    ["doscientos", 200],
    ["mil quinientos", 1500],
    ["treinta y dos", 32],
  ] as const)("words: %s -> %d", (text, value) => {
    const n = one(text);
    expect(n.value).toBe(value);
    expect(n.words).toBe(true);
  });

  it("reads a currency after an amount in words", () => {
    expect(one("fifty euros")).toMatchObject({ value: 50, currency: "EUR" });
  });

  it("does not read articles as numbers", () => {
    expect(findNumbers("I need a new card")).toEqual([]);
    expect(findNumbers("the first one")).toEqual([]);
    expect(findNumbers("quiero una tarjeta")).toEqual([]);
  });

  it("reports where each number is", () => {
    const text = "send 50 to Ana and 20 to Tom";
    const found = findNumbers(text);
    expect(found.map((n) => text.slice(n.start, n.end))).toEqual(["50", "20"]);
  });
});
