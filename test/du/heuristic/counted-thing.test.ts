import { describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

/** A plant nursery: the thing to reserve is free text, asked first, then how many. */
const yaml = `
version: "1"
slots:
  plant: { type: string, prompt: "Which plant?" }
  how_many: { type: integer, prompt: "How many pots?" }
  town: { type: string, prompt: "Deliver to which town?" }
  guests: { type: integer, prompt: "How many visitors?" }
actions:
  reserve: { inputs: [plant, how_many] }
  pay: { inputs: [town] }
  visit: { inputs: [town, guests] }
flows:
  reserve_plants:
    description: "Reserve plants to collect later"
    trigger:
      intents: ["I want to buy", "put aside"]
    steps:
      - { step: p, type: collect, slot: plant }
      - { step: n, type: collect, slot: how_many }
      - { step: go, type: action, call: reserve }
  pay_order:
    description: "Pay and get it delivered"
    trigger:
      intents: ["buy now", "pay and deliver"]
    steps:
      - { step: t, type: collect, slot: town }
      - { step: go, type: action, call: pay }
  book_visit:
    description: "Book a guided visit of the greenhouse"
    trigger:
      intents: ["book a visit"]
    steps:
      - { step: t, type: collect, slot: town }
      - { step: g, type: collect, slot: guests }
      - { step: go, type: action, call: visit }
`;

async function read(text: string) {
  const loaded = await loadDomainFromText(yaml, "nursery.yaml");
  const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
  return du.readWithRule(text, loaded, emptyState("t")).commands;
}

describe("a thing named after its count", () => {
  it("is what a flow asking first for free text is about", async () => {
    expect(await read("could you put aside 4 olive trees for me")).toEqual(
      expect.arrayContaining([
        { type: "start_flow", flow: "reserve_plants" },
        { type: "set_slot", slot: "how_many", value: 4 },
        { type: "set_slot", slot: "plant", value: "olive trees" },
      ]),
    );
  });

  it("is not read from a word the domain knows", async () => {
    const commands = await read("book a visit for 6 visitors");
    expect(commands).toContainEqual({ type: "start_flow", flow: "book_visit" });
    expect(commands).not.toContainEqual(expect.objectContaining({ slot: "town" }));
    // Nor from words for people, whatever slot the number fills.
    const people = await read("put aside 2 adults");
    expect(people).not.toContainEqual(expect.objectContaining({ slot: "plant" }));
  });
});

describe("a message opening with one flow's trigger phrase", () => {
  it("settles two flows its words read alike", async () => {
    const commands = await read("I want to buy 3 lavenders");
    expect(commands[0]).toEqual({ type: "start_flow", flow: "reserve_plants" });
    expect(commands).toContainEqual({ type: "set_slot", slot: "plant", value: "lavenders" });
  });
});
