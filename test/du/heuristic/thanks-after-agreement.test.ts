import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Thanks or a farewell opened by words of agreement ("perfect, thank you so much", "great,
 * thanks a lot, bye") is small talk; the agreement alone is still a yes, and so is the whole at
 * a confirmation. On a small bakery's orders.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bakery: LoadedDomain;

beforeAll(async () => {
  bakery = await domainFromLines(
    [
      "slots:",
      "  cake: { type: string, prompt: 'Which cake?' }",
      "  ok: { type: boolean }",
      "flows:",
      "  order_cake:",
      "    description: Order a cake",
      "    trigger: { intents: ['order a cake'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: cake }",
      "      - { step: k, type: confirm, slot: ok, message: 'A {cake}, right?' }",
    ],
    "bakery.yaml",
  );
});

const open = (text: string) => du.read(text, bakery, emptyState("t"));

describe("thanks after agreement", () => {
  it("is small talk", () => {
    expect(open("perfect, thank you so much")).toMatchObject([
      { type: "chitchat", kind: "thanks" },
    ]);
    expect(open("ok great, thanks a lot, bye")).toMatchObject([
      { type: "chitchat", kind: "goodbye" },
    ]);
  });

  it("leaves the agreement alone a yes, and the whole a yes at a confirmation", () => {
    expect(open("great")).toEqual([{ type: "affirm" }]);
    const confirming = inFlow(bakery, "order_cake", {
      confirm: true,
      slots: { cake: "carrot cake" },
    });
    expect(du.read("perfect, thanks a lot", bakery, confirming)).toEqual([{ type: "affirm" }]);
  });
});
