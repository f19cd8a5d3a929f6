import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

const yaml = `
flows:
  place_order:
    description: "Pay and place the order"
    trigger:
      intents: ["pay now", "place my order"]
    steps:
      - { step: ask_address, type: collect, slot: shipping_address }
slots:
  shipping_address:
    type: string
    extract: address
    prompt: "Where should we ship it?"
`;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomainFromText(yaml, "orders.yaml");
});

describe("address values", () => {
  it("a preposition before a house number leads to the address and is no part of it", () => {
    const { commands } = du.readWithRule(
      "place my order, ship to 221 Rue Lafayette, Lille 59000",
      domain,
      emptyState("t"),
    );
    expect(commands).toContainEqual({
      type: "set_slot",
      slot: "shipping_address",
      value: "221 Rue Lafayette, Lille 59000",
    });
  });
});
