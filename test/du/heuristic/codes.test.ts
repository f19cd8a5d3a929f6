import { describe, expect, it } from "vitest";
import { groupedCode } from "../../../src/du/heuristic/extract/codes.ts";

describe("groupedCode", () => {
  it.each([
    ["TEL 5521 9930", "end", "TEL55219930"],
    ["the reference is ELEC 2026 0042", "end", "ELEC20260042"],
    ["GAS 2026 0042.", "end", "GAS20260042"],
    ["4 8 2 1 was stolen", "start", "4821"],
    ["TEL 5521 9930, thanks", "start", "TEL55219930"],
  ] as const)("%s (%s) -> %s", (text, at, value) => {
    expect(groupedCode(text, at)?.value).toBe(value);
  });

  it("keeps dashes, needs two groups and ignores lower-case words", () => {
    expect(groupedCode("GAS-2026-0042", "end")).toBeNull();
    expect(groupedCode("4821", "end")).toBeNull();
    // "ending in" is prose: only the digit groups are a code.
    expect(groupedCode("ending in 4 8 2 1", "end")?.value).toBe("4821");
  });

  it("says where the code is", () => {
    const text = "ref TEL 5521 9930";
    const found = groupedCode(text, "end")!;
    expect(text.slice(found.start, found.end)).toBe("TEL 5521 9930");
  });
});
