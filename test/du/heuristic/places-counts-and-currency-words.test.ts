import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues, startedFlows } from "../helpers.ts";

/**
 * On small domains of the tests' own: a count after a people lead, a cue word before a verb,
 * places typed with a pack word or after a preposition, the question's preposition with the
 * answer, a currency said as a word.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bikes: LoadedDomain;
let parcels: LoadedDomain;
let pantry: LoadedDomain;
let tips: LoadedDomain;
let lodges: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));

beforeAll(async () => {
  bikes = await domainFromLines(
    [
      "slots:",
      "  town: { type: string, prompt: 'Which town?' }",
      "  riders: { type: number, prompt: 'How many riders?' }",
      "flows:",
      "  rent_bikes:",
      "    description: Rent bicycles for a day out",
      "    trigger: { intents: ['rent bikes', 'bike rental'] }",
      "    steps:",
      "      - { step: town, type: collect, slot: town }",
      "      - { step: riders, type: collect, slot: riders }",
    ],
    "bikes",
  );
  parcels = await domainFromLines(
    [
      "slots:",
      "  sender_town: { type: string, prompt: 'Where is it sent from?' }",
      "  receiver_town: { type: string, prompt: 'Where should it go to?' }",
      "flows:",
      "  send_parcel:",
      "    description: Send a parcel",
      "    trigger: { intents: ['send a parcel', 'parcel delivery'] }",
      "    steps:",
      "      - { step: sender_town, type: collect, slot: sender_town }",
      "      - { step: receiver_town, type: collect, slot: receiver_town }",
    ],
    "parcels",
  );
  pantry = await domainFromLines(
    [
      "slots:",
      "  shelf: { type: string, prompt: 'From which shelf?' }",
      "  item: { type: string, prompt: 'Which item?' }",
      "flows:",
      "  take_item:",
      "    description: Take an item out of the pantry",
      "    trigger: { intents: ['take an item'] }",
      "    steps:",
      "      - { step: item, type: collect, slot: item }",
      "      - { step: shelf, type: collect, slot: shelf }",
    ],
    "pantry",
  );
  tips = await domainFromLines(
    [
      "slots:",
      "  tip: { type: float, prompt: 'How much?' }",
      "  currency: { type: string, prompt: 'Which currency?' }",
      "flows:",
      "  leave_tip:",
      "    description: Leave a tip for a guide",
      "    trigger: { intents: ['leave a tip'] }",
      "    steps:",
      "      - { step: tip, type: collect, slot: tip }",
      "      - { step: currency, type: collect, slot: currency }",
    ],
    "tips",
  );
  lodges = await domainFromLines(
    [
      "slots:",
      "  town: { type: string, prompt: 'Which town?' }",
      "  nights: { type: number, prompt: 'How many nights?' }",
      "flows:",
      "  book_lodge:",
      "    description: Book a mountain lodge",
      "    trigger: { intents: ['book a lodge', 'lodge booking'] }",
      "    steps:",
      "      - { step: town, type: collect, slot: town }",
      "      - { step: nights, type: collect, slot: nights }",
      "  cancel_booking:",
      "    description: Cancel a lodge booking",
      "    trigger: { intents: ['cancel my booking'] }",
      "    steps:",
      "      - { step: done, type: say, message: Cancelled. }",
    ],
    "lodges",
  );
});

describe("a count said after a people lead", () => {
  it("counts people, and the words after it name no thing", () => {
    const commands = read(bikes, "we are a family of five looking for bikes to rent");
    expect(startedFlows(commands)).toEqual(["rent_bikes"]);
    expect(readValues(commands)).toEqual({ riders: 5 });
  });
});

describe("a cue word that leads a verb", () => {
  it("skips 'to' before a verb and its object and reads the place after the next 'to'", () => {
    const commands = read(parcels, "I have to ship a parcel to Dover");
    expect(startedFlows(commands)).toEqual(["send_parcel"]);
    expect(readValues(commands)).toEqual({ receiver_town: "Dover" });
  });

  it("takes no verb for a value when no place follows", () => {
    expect(readValues(read(parcels, "I need to post my parcel delivery today"))).toEqual({});
  });

  it("still reads a lower-case value said last", () => {
    expect(readValues(read(parcels, "send a parcel to leeds"))).toEqual({ receiver_town: "leeds" });
  });
});

describe("a place typed with a word the packs know", () => {
  it("reads a capitalised word mid-message after 'in' as the place", () => {
    expect(readValues(read(bikes, "rent bikes in Nice for 2 riders"))).toEqual({
      town: "Nice",
      riders: 2,
    });
  });

  it("leaves the word alone in lower case", () => {
    expect(readValues(read(bikes, "rent bikes in nice weather")).town).toBeUndefined();
  });
});

describe("the question's preposition said with the answer", () => {
  it("leads to the value and is no part of it", () => {
    const state = inFlow(pantry, "take_item", { waiting: "shelf", slots: { item: "rice" } });
    expect(du.read("from pantry", pantry, state)).toEqual([
      { type: "set_slot", slot: "shelf", value: "pantry" },
    ]);
  });

  it("keeps a preposition the question does not lead with", () => {
    const state = inFlow(pantry, "take_item", { waiting: "item" });
    expect(du.read("jar of honey", pantry, state)).toEqual([
      { type: "set_slot", slot: "item", value: "jar of honey" },
    ]);
  });
});

describe("a currency answered as a word", () => {
  it("is stored as the code an amount said in it is read as", () => {
    const state = inFlow(tips, "leave_tip", { waiting: "currency", slots: { tip: 5 } });
    expect(du.read("in pounds", tips, state)).toEqual([
      { type: "set_slot", slot: "currency", value: "GBP" },
    ]);
    expect(du.read("euros", tips, state)).toEqual([
      { type: "set_slot", slot: "currency", value: "EUR" },
    ]);
  });
});

describe("a place named after a place preposition", () => {
  it("names the flow that asks for a place as plain text", () => {
    const commands = read(lodges, "a quiet bed in Zermatt please");
    expect(startedFlows(commands)).toEqual(["book_lodge"]);
    expect(readValues(commands)).toEqual({ town: "Zermatt" });
    expect(startedFlows(read(lodges, "can we stay somewhere in Zermatt"))).toEqual(["book_lodge"]);
  });

  it("does not outweigh another flow's own words", () => {
    expect(startedFlows(read(lodges, "please cancel my booking in Zermatt"))).toEqual([
      "cancel_booking",
    ]);
  });
});
