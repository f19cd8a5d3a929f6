import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * At a confirmation, a judgement said before the slot's name, with nothing after it ("that's
 * not the right pickup date", "that's the wrong street name"), asks to change that slot. A
 * furniture store's delivery desk, with another flow that also speaks of dates.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let store: LoadedDomain;
const atConfirm = (text: string) =>
  du.read(
    text,
    store,
    inFlow(store, "book_delivery", {
      confirm: true,
      slots: { delivery_date: "2027-03-20", street: "Mill Lane" },
    }),
  );

beforeAll(async () => {
  store = await domainFromLines(
    [
      "slots:",
      "  delivery_date: { type: date, label: 'delivery date', prompt: 'Which day?' }",
      "  street: { type: string, extract: address, label: 'street name', prompt: 'Which street?' }",
      "  invoice_day: { type: integer, extract: number, label: 'invoice date' }",
      "  ok: { type: boolean }",
      "flows:",
      "  book_delivery:",
      "    description: Book a delivery of your furniture",
      "    trigger: { intents: ['book a delivery'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: delivery_date }",
      "      - { step: s, type: collect, slot: street }",
      "      - { step: k, type: confirm, slot: ok, message: 'Book it?' }",
      "  invoice_date:",
      "    description: Change the date of your monthly invoice",
      "    trigger: { intents: ['change my invoice date', 'move the invoice date'] }",
      "    steps:",
      "      - { step: i, type: collect, slot: invoice_day }",
    ],
    "store.yaml",
  );
});

describe("a judgement before the slot's name at a confirmation", () => {
  it("asks to change that slot", () => {
    expect(atConfirm("that's not the right delivery date")).toEqual([
      { type: "deny", slot_to_change: "delivery_date" },
    ]);
    expect(atConfirm("that's the wrong street name!")).toEqual([
      { type: "deny", slot_to_change: "street" },
    ]);
  });
  it("after the name, as before", () => {
    expect(atConfirm("the delivery date is not right")).toEqual([
      { type: "deny", slot_to_change: "delivery_date" },
    ]);
  });
  it("is no judgement when more is said after the name", () => {
    expect(atConfirm("not the right delivery date, make it the 22nd")).not.toEqual([
      { type: "deny", slot_to_change: "delivery_date" },
    ]);
  });
});
