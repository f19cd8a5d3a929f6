import { describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

/**
 * Three flows on one word: a full shipment asks for the insured value, the receiver and the depot; an
 * express one sets the depot itself (a default the user may restate) and asks for the receiver; a third changes the insured value.
 */
const yaml = `
version: "1"
slots:
  cover: { type: float, prompt: "How much should it be insured for?" }
  receiver: { type: string, prompt: "Who receives it?", extract: person_name }
  depot: { type: string, prompt: "From which depot?", choices: [north, south, harbour] }
actions:
  book_shipment: { inputs: [cover, receiver, depot] }
flows:
  ship_parcel:
    description: "Ship a parcel"
    trigger:
      intents: ["ship a parcel"]
    steps:
      - { step: r, type: collect, slot: receiver }
      - { step: w, type: collect, slot: cover }
      - { step: d, type: collect, slot: depot }
      - { step: go, type: action, call: book_shipment }
  express_ship:
    description: "Express ship with the usual depot"
    trigger:
      intents: ["express ship"]
    steps:
      - { step: defaults, type: set, slots: { depot: north } }
      - { step: r, type: collect, slot: receiver }
      - { step: go, type: action, call: book_shipment }
  insure_shipping:
    description: "Change the insurance of a ship order"
    trigger:
      intents: ["insure ship order"]
    steps:
      - { step: c, type: collect, slot: cover }
`;

describe("values said with a word two flows share", () => {
  it("start the flow that takes every one of them when the other takes only part", async () => {
    const loaded = await loadDomainFromText(yaml, "ship.yaml");
    const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
    const read = du.readWithRule(
      "ship goods worth 300 euros to Tomas Berg from the harbour",
      loaded,
      emptyState("t"),
    );
    expect(read.commands[0]).toEqual({ type: "start_flow", flow: "ship_parcel" });
  });
});
