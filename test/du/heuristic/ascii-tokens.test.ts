import { describe, expect, it } from "vitest";
import { tokenize } from "../../../src/du/heuristic/text.ts";

/** The general (Unicode) reading of a word list, which plain ASCII text must match exactly. */
function byPattern(text: string) {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu)].map((m) => {
    const bare = m[0].toLowerCase().replace(/'/g, "");
    return {
      raw: m[0],
      norm: /(\p{L})\1\1/u.test(bare) ? bare.replace(/(\p{L})\1{2,}/gu, "$1") : bare,
      start: m.index,
      end: m.index + m[0].length,
    };
  });
}

describe("plain ASCII words", () => {
  it("are the words of the general pattern, apostrophes, digits and stretched letters included", () => {
    for (const text of [
      "What's my balance?? I'd like 2 transfers",
      "pleeease send 1000 euros to O'Neil's acct-42 asap!!!",
      "rock'n'roll 3'rd 'quoted' it's' x'y2 aaa1 zzzzz 111",
      "",
      "   ,,, ",
      "a'",
      "'a",
      "ABC'DEF'GH",
    ]) {
      expect(tokenize(text)).toEqual(byPattern(text));
    }
  });

  it("match the general pattern on many mixed strings", () => {
    // A fixed pseudo-random sequence: the same strings on every run.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = "aAbBzZ09 '.,!?-`eeEEE";
    for (let n = 0; n < 2000; n++) {
      let text = "";
      const length = Math.floor(next() * 24);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(tokenize(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });
});
