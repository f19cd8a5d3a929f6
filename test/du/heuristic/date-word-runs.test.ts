import { describe, expect, it } from "vitest";
import { letterRuns, wordRuns } from "../../../src/du/heuristic/extract/dates.ts";

/** The runs a pattern finds, as start/end offsets in turn, of at least `min` (at most `max`) characters. */
function byPattern(s: string, pattern: RegExp, min: number, max = Number.POSITIVE_INFINITY) {
  return [...s.matchAll(pattern)]
    .filter((m) => m[0].length >= min && m[0].length <= max)
    .flatMap((m) => [m.index, m.index + m[0].length]);
}

/** A fixed pseudo-random sequence of short strings: the same strings on every run. */
function strings(alphabet: string, count: number): string[] {
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = "";
    const length = Math.floor(next() * 30);
    for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
    out.push(text);
  }
  return out;
}

describe("word runs of the date reader", () => {
  it("letter runs are the \\p{L}+ words long enough, in ASCII and Unicode text", () => {
    for (const text of strings("abcXYZ 09_'.,-ñéß", 2000)) {
      for (const min of [1, 5]) {
        expect(letterRuns(text, min), JSON.stringify(text)).toEqual(
          byPattern(text, /\p{L}+/gu, min),
        );
      }
    }
  });

  it("word runs are the \\w+ words within the lengths, non-ASCII letters splitting them", () => {
    for (const text of strings("abcXYZ 09_'.,-ñé", 2000)) {
      expect(wordRuns(text, 2, 6), JSON.stringify(text)).toEqual(byPattern(text, /\w+/g, 2, 6));
    }
  });
});
