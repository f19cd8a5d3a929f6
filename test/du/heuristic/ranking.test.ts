import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomain, loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

/** Flow ranking on domains the DU was not written for. */
const root = path.resolve(import.meta.dirname, "../../..");
let hotel: LoadedDomain;
let pizza: LoadedDomain;
let oneFlow: LoadedDomain;
let transfers: LoadedDomain;
let shop: LoadedDomain;
let telecom: LoadedDomain;
let clinic: LoadedDomain;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
beforeAll(async () => {
  hotel = await loadDomain(path.join(root, "examples/hotel"));
  pizza = await loadDomain(path.join(root, "test/fixtures/du/pizza-shop.yaml"));
  oneFlow = await loadDomain(path.join(root, "test/fixtures/du/one-flow.yaml"));
  transfers = await loadDomain(path.join(root, "test/fixtures/du/two-transfers.yaml"));
  shop = await loadDomain(path.join(root, "examples/pizza"));
  telecom = await loadDomain(path.join(root, "examples/telecom"));
  clinic = await loadDomain(path.join(root, "examples/clinic"));
});
const fired = (domain: LoadedDomain, text: string) =>
  du.readWithRule(text, domain, emptyState("t"));

describe("ranking", () => {
  it("starts the only flow of a one-flow domain from its own triggers", () => {
    expect(fired(oneFlow, "make a payment").commands[0]).toEqual({
      type: "start_flow",
      flow: "make_payment",
    });
    expect(fired(oneFlow, "ping").commands[0]).toEqual({
      type: "start_flow",
      flow: "make_payment",
    });
  });

  it("keeps the question word: 'where is my order' is no new order", () => {
    expect(fired(pizza, "where is my order").commands).toEqual([
      { type: "start_flow", flow: "track_order" },
    ]);
    expect(fired(pizza, "I want to order a pizza").commands).toEqual([
      { type: "start_flow", flow: "order_pizza" },
    ]);
  });

  it("starts a long message with several values, each value read", () => {
    const { commands } = fired(hotel, "need a hotel in Madrid for 2 people, 3 nights from March 3");
    expect(commands[0]).toEqual({ type: "start_flow", flow: "book_room" });
    expect(commands.slice(1)).toEqual(
      expect.arrayContaining([
        { type: "set_slot", slot: "city", value: "madrid" },
        { type: "set_slot", slot: "guests", value: 2 },
        { type: "set_slot", slot: "nights", value: 3 },
        { type: "set_slot", slot: "check_in", value: "2028-03-03" },
      ]),
    );
  });

  it("lets the values pick the flow when the words do not (rule values-pick-flow)", () => {
    const read = fired(hotel, "I want to stay in Seville for a few days");
    expect(read.rule).toBe("values-pick-flow");
    expect(read.commands[0]).toEqual({ type: "start_flow", flow: "book_room" });
    // With a date too, the booking explains clearly more of the message than a change of
    // dates does, and starts on its words and values alone.
    const dated = fired(hotel, "2 guests, seville, arriving may 2");
    expect(dated.commands[0]).toEqual({ type: "start_flow", flow: "book_room" });
  });

  it("reads a pattern value anywhere: 'cancel reservation HB-222222'", () => {
    const { commands } = fired(
      hotel,
      "I won't be coming anymore, please cancel reservation HB-222222",
    );
    expect(commands[0]).toEqual({ type: "start_flow", flow: "cancel_reservation" });
    expect(commands).toContainEqual({
      type: "set_slot",
      slot: "reservation_code",
      value: "HB-222222",
    });
  });

  it("starts the flow whose own trigger phrase the message is (rule own-trigger-phrase)", () => {
    // Ranked alone, "make a transfer" scores the shorter quick_transfer higher.
    for (const text of [
      "make a transfer",
      "Make a transfer, please!",
      "I'd like to make a transfer",
    ]) {
      const read = fired(transfers, text);
      expect(read.rule).toBe("own-trigger-phrase");
      expect(read.commands).toEqual([{ type: "start_flow", flow: "transfer_funds" }]);
    }
    expect(fired(transfers, "quick transfer").commands).toEqual([
      { type: "start_flow", flow: "quick_transfer" },
    ]);
    // A negated phrase is not the phrase.
    expect(fired(transfers, "I don't want to make a transfer").rule).not.toBe("own-trigger-phrase");
  });

  it("reads a question about the business with words no flow knows as out of scope", () => {
    for (const [domain, text] of [
      [shop, "do you deliver sushi"],
      [telecom, "do you sell phones"],
      [telecom, "what's your address"],
      [hotel, "do you allow pets"],
    ] as const) {
      const read = fired(domain, text);
      expect(read.rule).toBe("business-question");
      expect(read.commands).toEqual([{ type: "out_of_scope" }]);
    }
    // Known words, or values a flow takes: a request.
    expect(fired(hotel, "do you have any rooms available in barcelona").commands[0]).toEqual({
      type: "start_flow",
      flow: "book_room",
    });
    expect(fired(shop, "do you have room for six people on friday").commands[0]).toEqual({
      type: "start_flow",
      flow: "book_table",
    });
  });

  it("lets no date pick a flow when the message has a word the domain does not know", () => {
    expect(fired(shop, "dermatology, friday morning").commands).toEqual([]);
    // A value only this domain has still picks it.
    expect(
      fired(shop, "can you bring a medium margherita to Calle Sol 4, Madrid").commands[0],
    ).toEqual({ type: "start_flow", flow: "order_pizza" });
  });

  it("reads 'Dr. Serra' as one request, not two sentences", () => {
    expect(fired(clinic, "please cancel my visit with Dr. Serra").commands).toEqual([
      { type: "start_flow", flow: "cancel_appointment" },
    ]);
  });
});

describe("flows without trigger phrases", () => {
  // Two flows whose descriptions say nothing users would say: only their questions tell them apart.
  const yaml = `
flows:
  log_reading:
    description: "Loops until the answer is accepted"
    steps:
      - { step: ask_meter, type: collect, slot: meter_value }
  report_leak:
    description: "Second procedure"
    steps:
      - { step: ask_place, type: collect, slot: leak_place }
      - { step: ask_since, type: collect, slot: leak_since }
slots:
  meter_value:
    type: string
    prompt: "Please type the figures shown on your gas meter"
  leak_place:
    type: string
    prompt: "Where do you see water dripping?"
  leak_since:
    type: string
    prompt: "Since when has it been happening?"
`;
  let domain: LoadedDomain;
  beforeAll(async () => {
    domain = await loadDomainFromText(yaml, "untriggered.yaml");
  });

  it("start from the words of the questions they ask", () => {
    expect(fired(domain, "I need to type in my meter figures").commands[0]).toEqual({
      type: "start_flow",
      flow: "log_reading",
    });
    expect(fired(domain, "there is water dripping from the ceiling").commands[0]).toEqual({
      type: "start_flow",
      flow: "report_leak",
    });
  });
});
