import type { EvalCase } from "../evaluation.ts";

/** A small seeded PRNG (mulberry32): the same seed gives the same split on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Split {
  train: EvalCase[];
  validation: EvalCase[];
}

/**
 * Splits the cases into train and validation, stratified by intent so every label with two or
 * more cases is on both sides. Deterministic for a seed; each side keeps the dataset's order.
 */
export function splitCases(cases: readonly EvalCase[], share: number, seed: number): Split {
  if (!(share > 0 && share < 1)) {
    throw new Error(`the validation share must be between 0 and 1 (exclusive); got ${share}`);
  }
  const random = seededRandom(seed);
  const byIntent = new Map<string, number[]>();
  cases.forEach((c, i) => {
    byIntent.set(c.intent, [...(byIntent.get(c.intent) ?? []), i]);
  });
  const validation = new Set<number>();
  // Map iteration follows first appearance in the dataset, so the draws are reproducible.
  for (const indices of byIntent.values()) {
    for (let i = indices.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indices[i], indices[j]] = [indices[j]!, indices[i]!];
    }
    const n = indices.length;
    const take = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * share)));
    for (const index of indices.slice(0, take)) validation.add(index);
  }
  return {
    train: cases.filter((_, i) => !validation.has(i)),
    validation: cases.filter((_, i) => validation.has(i)),
  };
}
