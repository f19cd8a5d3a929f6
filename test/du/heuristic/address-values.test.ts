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

const lampYaml = `
flows:
  order_lamp:
    description: "Order a lamp for delivery"
    trigger:
      intents: ["I want a lamp", "deliver a lamp to {shipping_address}"]
    steps:
      - { step: ask_colour, type: collect, slot: colour }
      - { step: ask_address, type: collect, slot: shipping_address }
slots:
  colour:
    type: string
    choices: [red, blue]
    prompt: "Which colour?"
  shipping_address:
    type: string
    extract: address
    prompt: "Where should we deliver it?"
`;
let lamps: LoadedDomain;
beforeAll(async () => {
  lamps = await loadDomainFromText(lampYaml, "lamps.yaml");
});
const addressOf = (text: string) =>
  du
    .readWithRule(text, lamps, emptyState("t"))
    .commands.find((c) => c.type === "set_slot" && c.slot === "shipping_address");

describe("addresses said without a preposition, or cut by a clause", () => {
  it("one verb may lead a street said number first, as a clause of its own", () => {
    expect(addressOf("red, the big lamp, deliver 40 Quayside Row")).toMatchObject({
      value: "40 Quayside Row",
    });
  });

  it("keeps the town after the street when a long story's asking clause is read alone", () => {
    const story =
      "Good morning! My brother moved flats last week and all his things are still in boxes " +
      "and honestly he has nothing at all, could you bring him a blue one to 12 Marsh Lane, Eastfold?";
    expect(addressOf(story)).toMatchObject({ value: "12 Marsh Lane, Eastfold" });
  });
});
