import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/**
 * Digits typed in groups right after a slot's cue (here the "on" its question ends with) are one
 * code: "ring me on 061 555 0199" is 0615550199, not the number 61555. A locksmith's desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let desk: LoadedDomain;

beforeAll(async () => {
  desk = await domainFromLines(
    [
      "slots:",
      "  callback:",
      "    type: string",
      "    extract: digits",
      "    min_length: 9",
      "    max_length: 12",
      "    label: phone number",
      "    prompt: 'Which number can the locksmith ring you on?'",
      "flows:",
      "  locked_out:",
      "    description: Get a locksmith when you are locked out",
      "    trigger: { intents: ['I am locked out', 'I locked myself out'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: callback }",
    ],
    "locksmith.yaml",
  );
});

const read = (text: string) => readValues(du.read(text, desk, emptyState("t")));

describe("digits in groups after a cue", () => {
  it("are one code", () => {
    expect(read("I'm locked out, ring me on 061 555 0199")).toEqual({ callback: "0615550199" });
    expect(read("locked myself out, ring me on 061 555 0199 please")).toEqual({
      callback: "0615550199",
    });
  });
  it("typed together, as before", () => {
    expect(read("I'm locked out, ring me on 0615550199")).toEqual({ callback: "0615550199" });
  });
  it("of another length are not the code", () => {
    expect(read("I'm locked out, ring me on 12 34")).not.toHaveProperty("callback", "1234");
  });
});
