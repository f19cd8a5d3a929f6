import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * "We'd love a cake sent over" asks for a new one as "we'd like a" does, behind a greeting and
 * a condition too; "what can this bot actually do" asks for help. On a small bakery.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bakery: LoadedDomain;

beforeAll(async () => {
  bakery = await domainFromLines(
    [
      "slots:",
      "  cake_ref: { type: string, extract: pattern, pattern: '\\d{5}' }",
      "flows:",
      "  order_cake:",
      "    description: Order a cake for delivery",
      "    trigger: { intents: ['I want to order a cake', 'send me a cake'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Which cake?' }",
      "  cake_status:",
      "    description: Check where a cake order is",
      "    trigger: { intents: ['where is my cake', 'status of order {cake_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: cake_ref }",
    ],
    "bakery.yaml",
  );
});

const open = (text: string) => du.read(text, bakery, emptyState("t"));

describe("loving a thing and doubting the assistant", () => {
  it("reads a loved thing as one asked for", () => {
    expect(
      startedFlow(open("Good afternoon. We'd love a cake sent over, if you're still open.")),
    ).toBe("order_cake");
  });

  it("reads a doubting question about the assistant as help", () => {
    expect(open("what can this bot actually do")).toEqual([{ type: "clarify" }]);
    expect(open("what can you really do?")).toEqual([{ type: "clarify" }]);
  });
});
