import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Asked an optional slot, a decline and another slot's value in one message: both are read.
 * On a small sandwich counter.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let deli: LoadedDomain;

beforeAll(async () => {
  deli = await domainFromLines(
    [
      "slots:",
      "  bread: { choices: [white, rye], prompt: 'White or rye?' }",
      "  fillings:",
      "    type: list",
      "    required: false",
      "    choices: [tuna, cheese, tomato]",
      "    prompt: 'Any fillings?'",
      "  side:",
      "    required: false",
      "    choices: [crisps, salad, soup]",
      "    prompt: 'A side: crisps, salad or soup?'",
      "flows:",
      "  order_sandwich:",
      "    description: Order a sandwich",
      "    trigger: { intents: ['order a sandwich'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bread }",
      "      - { step: f, type: collect, slot: fillings }",
      "      - { step: s, type: collect, slot: side }",
    ],
    "deli.yaml",
  );
});

const read = (text: string) =>
  du.read(
    text,
    deli,
    inFlow(deli, "order_sandwich", { waiting: "fillings", slots: { bread: "rye" } }),
  );

describe("a decline beside another slot's value", () => {
  it("skips the asked slot and keeps the value after a word for nothing", () => {
    expect(read("nothing in it, and some soup")).toEqual([
      { type: "skip_slot", slot: "fillings" },
      { type: "set_slot", slot: "side", value: "soup" },
    ]);
  });

  it("skips the asked slot declined by name beside the value", () => {
    expect(read("no fillings, and crisps")).toEqual([
      { type: "set_slot", slot: "side", value: "crisps" },
      { type: "skip_slot", slot: "fillings" },
    ]);
  });

  it("only skips when nothing else is said", () => {
    expect(read("nothing in it thanks")).toEqual([{ type: "skip_slot", slot: "fillings" }]);
  });
});
