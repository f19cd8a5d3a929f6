import { describe, expect, it } from "vitest";
import { FUZZ_CATEGORIES, generateFuzzCases } from "../../bench/lib/fuzz-cases.ts";

describe("fuzz cases", () => {
  const cases = generateFuzzCases(2_000);

  it("are the same for the same seed, so a failing case can be replayed", () => {
    const again = generateFuzzCases(2_000);
    expect(again.map((c) => c.body?.toString("base64"))).toEqual(
      cases.map((c) => c.body?.toString("base64")),
    );
    const other = generateFuzzCases(2_000, 99);
    expect(other.map((c) => c.body?.toString("base64"))).not.toEqual(
      cases.map((c) => c.body?.toString("base64")),
    );
  });

  it("cover every category the drill promises, evenly", () => {
    expect(FUZZ_CATEGORIES).toEqual(
      expect.arrayContaining([
        "random_json",
        "wrong_types",
        "huge_strings",
        "invalid_utf8",
        "prototype_keys",
        "deep_nesting",
        "content_types",
      ]),
    );
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    for (const category of FUZZ_CATEGORIES) {
      expect(counts.get(category)).toBeGreaterThanOrEqual(
        Math.floor(2_000 / FUZZ_CATEGORIES.length),
      );
    }
  });

  it("include bodies that are not valid UTF-8 and bodies above the 64 KiB limit", () => {
    const invalid = cases.filter(
      (c) => c.body && !Buffer.from(c.body.toString("utf8"), "utf8").equals(c.body),
    );
    expect(invalid.length).toBeGreaterThan(0);
    expect(cases.some((c) => (c.body?.length ?? 0) > 65_536)).toBe(true);
    expect(cases.some((c) => c.body?.toString().includes('"__proto__"'))).toBe(true);
  });

  it("never target a conversation other than their own fuzz-N ids", () => {
    for (const c of cases) {
      const text = c.body?.toString("latin1") ?? "";
      expect(text).not.toMatch(/watched-/);
    }
  });
});
