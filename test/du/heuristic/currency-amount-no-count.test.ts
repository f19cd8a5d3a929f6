import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/**
 * An amount said in a currency ("€30") is no value of a number slot that counts a day of the
 * month, people or days; and digits of a declared length said after their slot's name ("card
 * ending 1234") name the flow collecting them as a word would, so a flow whose only word is a
 * common verb ("take") does not win over it. On a small bike workshop's desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  amount: { type: float, extract: money, label: amount }",
      "  card_digits:",
      "    type: string",
      "    extract: digits",
      "    length: 4",
      "    label: card",
      "    aliases: [card ending in, card ending, ending in]",
      "  collection_day:",
      "    type: integer",
      "    extract: number",
      "    label: collection day",
      "    prompt: 'On which day of the month should we collect?'",
      "  pickup_date: { type: date, label: pickup date }",
      "flows:",
      "  pay_invoice:",
      "    description: Pay a repair invoice by card",
      "    trigger: { intents: ['pay my invoice', 'pay {amount} with my card ending {card_digits}'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: amount }",
      "      - { step: c, type: collect, slot: card_digits }",
      "  standing_order:",
      "    description: Set up a monthly standing order for the service plan",
      "    trigger: { intents: ['set up a standing order', 'collect my payment on the {collection_day} of the month'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: collection_day }",
      "  bike_pickup:",
      "    description: Have us collect your bike",
      "    trigger: { intents: ['take my bike to the workshop', 'pick up my bike on {pickup_date}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pickup_date }",
    ],
    "bike-shop.yaml",
  );
});

const read = (text: string) => du.read(text, shop, emptyState("t"));

describe("an amount said in a currency", () => {
  it("is no day of the month", () => {
    const commands = read("put 80 euro towards my invoice please");
    expect(startedFlows(commands)).toEqual(["pay_invoice"]);
    expect(readValues(commands)).toEqual({ amount: 80 });
    expect(readValues(read("collect it on the 12th of the month, not €40"))).not.toHaveProperty(
      "collection_day",
      40,
    );
  });

  it("goes with a card named by its digits to the flow that takes both", () => {
    for (const text of [
      "Can you take €30 from my card ending 1234?",
      "could you take 25 euros off the card ending in 9981",
    ]) {
      expect(startedFlows(read(text)), text).toEqual(["pay_invoice"]);
    }
    expect(readValues(read("Can you take €30 from my card ending 1234?"))).toEqual({
      amount: 30,
      card_digits: "1234",
    });
  });

  it("leaves the verb's own flow its requests", () => {
    expect(startedFlows(read("can you take my bike to the workshop"))).toEqual(["bike_pickup"]);
  });
});
