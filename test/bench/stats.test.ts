import { describe, expect, it } from "vitest";
import { median, percentile } from "../../bench/lib/stats.ts";

describe("bench statistics", () => {
  it("takes the median of odd and even sample sets without reordering the input", () => {
    const samples = [5, 1, 3];
    expect(median(samples)).toBe(3);
    expect(samples).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("uses nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it("rejects empty sets and out-of-range percentiles", () => {
    expect(() => median([])).toThrow(/empty/);
    expect(() => percentile([1], 101)).toThrow(/0..100/);
  });
});
