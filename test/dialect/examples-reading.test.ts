import { describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../src/protocol/state.ts";
import { inFlow } from "../du/helpers.ts";

/**
 * Readings original-dialect domains need: questions asked in the collect steps' own words,
 * values of two slots joined by the word that starts the second, and the words after a
 * trigger phrase that opens the message.
 */
const ferry = `
version: "1.0"
flows:
  ferry_ticket:
    description: "Buy a ferry ticket"
    trigger:
      intents: ["I want a ferry ticket", "ferry crossing"]
    steps:
      - step: ask_from
        type: collect
        slot: port_from
        message: "Which port do you sail from?"
      - step: ask_to
        type: collect
        slot: port_to
        message: "Which port are you sailing to?"
      - step: sell
        type: action
        call: sell_ticket
slots:
  port_from:
    type: string
    prompt: "Port of departure?"
  port_to:
    type: string
    prompt: "Port of arrival?"
`;

const shop = `
version: "1.0"
flows:
  find_plant:
    description: "Find a plant in the nursery"
    trigger:
      intents: ["I'm hunting for", "browse"]
    slots:
      - name: plant
        type: string
        description: "Which plant are you after?"
    steps:
      - step: look
        type: action
        call: look_up_plant
      - step: tell
        type: say
        message: "Here is what we have for {plant}."
  send_gift:
    description: "Send a plant as a gift"
    trigger:
      intents: ["send a gift card"]
    steps:
      - step: ask_friend
        type: collect
        slot: friend
        message: "Who is the gift for?"
`;

function reader(yaml: string, file: string) {
  const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
  const loaded = loadDomainFromText(yaml, file);
  return async (text: string) => du.readWithRule(text, await loaded, emptyState("t")).commands;
}

describe("reading original-dialect domains", () => {
  it("a collect step's question ending in a preposition cues its slot; that word ends the value before it", async () => {
    const read = await reader(ferry, "ferry.yaml");
    expect(await read("I want a ferry ticket from Dover to Calais")).toEqual([
      { type: "start_flow", flow: "ferry_ticket" },
      { type: "set_slot", slot: "port_from", value: "Dover" },
      { type: "set_slot", slot: "port_to", value: "Calais" },
    ]);
    expect(await read("ferry crossing to Santander")).toContainEqual({
      type: "set_slot",
      slot: "port_to",
      value: "Santander",
    });
  });

  it("the words after a trigger phrase that opens the message answer its first free-text question", async () => {
    const read = await reader(shop, "shop.yaml");
    expect(await read("I'm hunting for a lemon tree")).toEqual([
      { type: "start_flow", flow: "find_plant" },
      { type: "set_slot", slot: "plant", value: "lemon tree" },
    ]);
    expect(await read("i'm hunting for ferns")).toContainEqual({
      type: "set_slot",
      slot: "plant",
      value: "ferns",
    });
    // Words that start with a preposition are not the thing asked for.
    const gift = await read("send a gift card to my neighbour");
    expect(gift).toContainEqual({ type: "start_flow", flow: "send_gift" });
    expect(gift).not.toContainEqual({ type: "set_slot", slot: "friend", value: "to my neighbour" });
  });

  it("a count said with the slot's own word fills it; a lower-case preposition before a name is no part of it", async () => {
    const inn = `
version: "1.0"
flows:
  stay:
    description: "Stay at the inn"
    trigger:
      intents: ["a night at the inn"]
    slots:
      - { name: town, type: city }
      - { name: guests, type: number }
    steps:
      - { step: where, type: collect, slot: town, message: "Which town?" }
      - { step: how_many, type: collect, slot: guests, message: "How many guests?" }
`;
    const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
    const loaded = await loadDomainFromText(inn, "inn.yaml");
    const read = (text: string, state = emptyState("t")) =>
      du.readWithRule(text, loaded, state).commands;
    // "for 2 guests": the word naming the slot gives it the count.
    expect(read("a night at the inn for 2 guests")).toContainEqual({
      type: "set_slot",
      slot: "guests",
      value: 2,
    });
    expect(read("in Keswick", inFlow(loaded, "stay", { waiting: "town" }))).toContainEqual({
      type: "set_slot",
      slot: "town",
      value: "Keswick",
    });
  });

  it("a count of days names no thing the flow asks for first", async () => {
    const hire = `
version: "1.0"
flows:
  hire:
    description: "Hire bicycles"
    trigger:
      intents: ["I want to hire"]
    slots:
      - { name: model, type: string }
      - { name: bikes, type: number }
    steps:
      - { step: which, type: collect, slot: model, message: "Which model?" }
      - { step: many, type: collect, slot: bikes, message: "How many bikes?" }
`;
    const read = await reader(hire, "hire.yaml");
    expect(await read("I want to hire 2 tandems")).toContainEqual({
      type: "set_slot",
      slot: "model",
      value: "tandems",
    });
    expect(await read("I want to hire for 3 days")).not.toContainEqual(
      expect.objectContaining({ slot: "model" }),
    );
  });
});

describe("reading original-dialect domains: places typed capitalised and kinds of a thing", () => {
  const trip = `
version: "1.0"
flows:
  book_train:
    description: "Book a train ticket"
    trigger:
      intents: ["book a train ticket"]
    slots:
      - { name: start_city, type: string }
      - { name: end_city, type: string }
      - { name: seat_type, type: string }
    steps:
      - { step: from, type: collect, slot: start_city, message: "Which city do you leave from?" }
      - { step: to, type: collect, slot: end_city, message: "Which city are you going to?" }
      - { step: seat, type: collect, slot: seat_type, message: "What kind of seat?" }
`;

  it("a place typed capitalised ends with its capitalised words", async () => {
    const read = await reader(trip, "trip.yaml");
    const commands = await read("book a train ticket to Ghent departing from Lille");
    expect(commands).toContainEqual({ type: "set_slot", slot: "end_city", value: "Ghent" });
    expect(commands).toContainEqual({ type: "set_slot", slot: "start_city", value: "Lille" });
  });

  it("a slot named for a kind of seat reads the word before 'seat'; a word of the domain is no kind", async () => {
    const read = await reader(trip, "trip.yaml");
    expect(await read("book a train ticket, a window seat please")).toContainEqual({
      type: "set_slot",
      slot: "seat_type",
      value: "window",
    });
    expect(await read("book a train ticket with a train seat")).not.toContainEqual(
      expect.objectContaining({ slot: "seat_type" }),
    );
  });
});
