import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/**
 * A code named and then set off by a comma ("my locker number, it's 3081") is still the code
 * after its name; a full stop still parts them. On a small swimming-pool locker desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let pool: LoadedDomain;

beforeAll(async () => {
  pool = await domainFromLines(
    [
      "slots:",
      "  locker_code:",
      "    type: string",
      "    extract: digits",
      "    min_length: 4",
      "    max_length: 5",
      "    label: locker number",
      "    prompt: 'What is the number on your locker?'",
      "flows:",
      "  lost_key:",
      "    description: Report a lost locker key",
      "    trigger: { intents: ['I lost my locker key', 'my locker key is gone'] }",
      "    steps:",
      "      - { step: l, type: collect, slot: locker_code }",
    ],
    "pool.yaml",
  );
});

const read = (text: string) => readValues(du.read(text, pool, emptyState("t")));

describe("a code set off from its name by a comma", () => {
  it("is read after the comma, with or without a linking word", () => {
    expect(read("I lost my locker key, locker number, it's 3081")).toMatchObject({
      locker_code: "3081",
    });
    expect(read("lost my locker key, my locker number, 03081")).toMatchObject({
      locker_code: "03081",
    });
  });

  it("is not read across a full stop", () => {
    expect(
      read("I lost my locker key from locker number. 3081 people swim here"),
    ).not.toHaveProperty("locker_code");
  });
});
