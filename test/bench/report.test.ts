import { describe, expect, it } from "vitest";
import { formatSection, missedTargets } from "../../bench/lib/report.ts";

describe("bench report", () => {
  const section = {
    name: "demo",
    title: "Demo",
    metrics: [
      { name: "turns/s", value: 12345.6 },
      { name: "p99", value: 0.4567, unit: "ms", target: "< 2 ms", met: true },
      { name: "ratio", value: "2.1x", target: ">= 3x", met: false },
    ],
    notes: ["a note"],
  };

  it("prints one row per metric with its target and met/MISSED", () => {
    const text = formatSection(section);
    const lines = text.split("\n");
    expect(lines[0]).toBe("## Demo");
    expect(text).toMatch(/\| turns\/s +\| +12,345\.6 \| +\| +\|/);
    expect(text).toMatch(/\| p99 +\| +0\.457 ms \| < 2 ms +\| met +\|/);
    expect(text).toMatch(/\| ratio +\| +2\.1x \| >= 3x +\| MISSED \|/);
    expect(text).toContain("a note");
  });

  it("lists only the missed targets", () => {
    expect(missedTargets([section])).toEqual(["Demo: ratio = 2.1x (target >= 3x)"]);
  });
});
