import { describe, expect, it } from "vitest";
import { coerceSlotValue, matchChoice, toSlotValue } from "../../src/dm/slot-values.ts";

const now = new Date("2026-03-10T23:30:00Z");
const ok = (value: unknown) => ({ ok: true, value });

describe("coerceSlotValue", () => {
  it("integers and floats from numbers and numeric strings", () => {
    expect(coerceSlotValue("integer", "42", now)).toEqual(ok(42));
    expect(coerceSlotValue("integer", 42, now)).toEqual(ok(42));
    expect(coerceSlotValue("integer", 4.2, now).ok).toBe(false);
    expect(coerceSlotValue("integer", "4.2", now).ok).toBe(false);
    expect(coerceSlotValue("float", " 12.5 ", now)).toEqual(ok(12.5));
    expect(coerceSlotValue("float", "1,5", now).ok).toBe(false);
    expect(coerceSlotValue("float", Number.NaN, now).ok).toBe(false);
  });

  it("booleans from yes/no/true/false", () => {
    expect(coerceSlotValue("boolean", "Yes", now)).toEqual(ok(true));
    expect(coerceSlotValue("boolean", "false", now)).toEqual(ok(false));
    expect(coerceSlotValue("boolean", "no", now)).toEqual(ok(false));
    expect(coerceSlotValue("boolean", "maybe", now).ok).toBe(false);
  });

  it("ISO dates, real ones only, and relative words from the clock", () => {
    expect(coerceSlotValue("date", "2026-02-28", now)).toEqual(ok("2026-02-28"));
    expect(coerceSlotValue("date", "2026-02-30", now).ok).toBe(false);
    expect(coerceSlotValue("date", "2026-03-01T10:00:00Z", now)).toEqual(ok("2026-03-01"));
    expect(coerceSlotValue("date", "tomorrow", now)).toEqual(ok("2026-03-11"));
  });

  it("strings are trimmed and must not be empty; any passes through", () => {
    expect(coerceSlotValue("string", "  Ana ", now)).toEqual(ok("Ana"));
    expect(coerceSlotValue("string", 12, now)).toEqual(ok("12"));
    expect(coerceSlotValue("string", "  ", now).ok).toBe(false);
    expect(coerceSlotValue("any", true, now)).toEqual(ok(true));
  });
});

describe("matchChoice", () => {
  const slot = {
    type: "string" as const,
    internal: false,
    choices: ["checking", "savings"],
    synonyms: { checking: ["current account"] },
  };
  it("matches case-insensitively and through synonyms; undefined when nothing matches", () => {
    expect(matchChoice(slot, "Savings")).toBe("savings");
    expect(matchChoice(slot, "Current Account")).toBe("checking");
    expect(matchChoice(slot, "investment")).toBeUndefined();
    expect(matchChoice({ type: "string", internal: false }, "anything")).toBe("anything");
  });
});

describe("toSlotValue (handler outputs into slots)", () => {
  it("keeps primitives, turns a list of primitives into a list of text", () => {
    expect(toSlotValue("a")).toBe("a");
    expect(toSlotValue(3.5)).toBe(3.5);
    expect(toSlotValue(Number.NaN)).toBeNull();
    expect(toSlotValue(["roaming", 2, true])).toEqual(["roaming", "2", "true"]);
    expect(toSlotValue([])).toEqual([]);
  });

  it("stores structures, and lists a list slot could not hold, as JSON text", () => {
    expect(toSlotValue({ id: 7 })).toBe('{"id":7}');
    expect(toSlotValue([{ id: 7 }])).toBe('[{"id":7}]');
    expect(toSlotValue(Array.from({ length: 101 }, (_, i) => i))).toMatch(/^\[0,1,2,/);
  });
});
