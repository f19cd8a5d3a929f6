import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/**
 * Digits read at a slot's cue in a request keep what was written: a text code slot of digits
 * keeps its leading zero ("ring me on 0871234567"); an integer code is still a number. On a small
 * boiler repair service.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let repairs: LoadedDomain;

beforeAll(async () => {
  repairs = await domainFromLines(
    [
      "slots:",
      "  callback_number:",
      "    type: string",
      "    extract: digits",
      "    min_length: 9",
      "    max_length: 12",
      "    aliases: [phone, mobile]",
      "    prompt: 'What number can the engineer ring?'",
      "  boiler_model:",
      "    type: integer",
      "    extract: digits",
      "    length: 4",
      "    aliases: [model]",
      "    prompt: 'Which model is the boiler?'",
      "flows:",
      "  book_repair:",
      "    description: Book a boiler repair",
      "    trigger: { intents: ['my boiler is broken', 'book a boiler repair'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: boiler_model }",
      "      - { step: c, type: collect, slot: callback_number }",
    ],
    "repairs.yaml",
  );
});

const read = (text: string) => readValues(du.read(text, repairs, emptyState("t")));

describe("digits read at a cue", () => {
  it("keep the leading zero of a text code", () => {
    expect(read("my boiler is broken, ring my mobile 0871234567")).toMatchObject({
      callback_number: "0871234567",
    });
  });

  it("stay a number for an integer code", () => {
    expect(read("book a boiler repair for model 4127")).toMatchObject({ boiler_model: 4127 });
  });
});
