import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * A request that says no price word asks to do the thing, not what it costs, though the flow
 * that tells prices has the same words in its phrase. On a small kayak rental.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let rental: LoadedDomain;

beforeAll(async () => {
  rental = await domainFromLines(
    [
      "slots:",
      "  boat_kind:",
      "    choices: [single, double]",
      "    prompt: 'A single or a double kayak?'",
      "  price_quote: { type: float, internal: true, label: price }",
      "flows:",
      "  rent_kayak:",
      "    description: Rent a kayak for the day",
      "    trigger: { intents: ['rent a kayak', 'rent a {boat_kind} kayak'] }",
      "    steps:",
      "      - { step: k, type: collect, slot: boat_kind }",
      "  kayak_price:",
      "    description: The price of renting a kayak",
      "    trigger: { intents: ['how much to rent a kayak', 'price to rent a {boat_kind} kayak'] }",
      "    steps:",
      "      - { step: k, type: collect, slot: boat_kind }",
    ],
    "rental.yaml",
  );
});

const read = (text: string) => du.read(text, rental, emptyState("t"));

describe("a request with no price word", () => {
  it("does the thing rather than tell its price", () => {
    expect(startedFlow(read("I'd like to rent a double kayak"))).toBe("rent_kayak");
  });

  it("still asks the price when a price word is said", () => {
    expect(startedFlow(read("what's the price to rent a double kayak?"))).toBe("kayak_price");
  });
});
