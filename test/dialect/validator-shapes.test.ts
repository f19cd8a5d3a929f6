import { describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../src/protocol/state.ts";

/**
 * Original-dialect string slots whose validators say the shape of their values: by a name that
 * checks dates, or by an error message asking for so many digits.
 */
const locker = `
version: "1.0"
slots:
  locker_kind:
    type: string
    prompt: "Small or large locker?"
    validator: locker_kind
    validation_error_message: "Please say either small or large locker."
  locker_pin_end:
    type: string
    prompt: "The last digits of its code?"
    validator: pin_end
    validation_error_message: "Please give exactly 3 digits."
  pickup_day:
    type: string
    prompt: "Which day will you come?"
    validator: upcoming_date_only
  note:
    type: string
    prompt: "Anything to add?"
    validator: short_note
    validation_error_message: "Keep it under 80 characters."
flows:
  rent_locker:
    description: "Rent a luggage locker"
    trigger:
      intents: ["I need a large locker", "rent a locker"]
    steps:
      - { step: kind, type: collect, slot: locker_kind, message: "Small or large?" }
      - { step: day, type: collect, slot: pickup_day, message: "Which day will you come?" }
      - { step: note, type: collect, slot: note, message: "Anything to add?" }
  open_locker:
    description: "Open a locker you rented"
    trigger:
      intents: ["open my locker", "my locker is stuck"]
    steps:
      - { step: kind, type: collect, slot: locker_kind, message: "Small or large?" }
      - { step: pin, type: collect, slot: locker_pin_end, message: "The last digits of its code?" }
`;

describe("validators of the original that say the shape of their values", () => {
  it("a date-checking name reads dates; a message asking for N digits reads a code of N digits", async () => {
    const loaded = await loadDomainFromText(locker, "locker.yaml");
    const slots = loaded.domain.slots;
    expect(slots.pickup_day?.extract).toBe("date");
    expect(slots.locker_pin_end?.extract).toBe("digits");
    expect(slots.locker_pin_end?.length).toBe(3);
    expect(slots.note?.extract).toBeUndefined();
    const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
    const read = (text: string) => du.readWithRule(text, loaded, emptyState("t")).commands;
    expect(read("rent a locker, I'll come on 2027-03-14")).toContainEqual({
      type: "set_slot",
      slot: "pickup_day",
      value: "2027-03-14",
    });
    // The words lean to the renting flow ("I need a large locker"), but a code of the other
    // flow's fixed length names a locker already had: that flow is meant, with both values.
    const opened = read("need the large locker ending in 417");
    expect(opened).toContainEqual({ type: "start_flow", flow: "open_locker" });
    expect(opened).toContainEqual({ type: "set_slot", slot: "locker_pin_end", value: "417" });
    // Without the code, the renting flow's phrase still starts it.
    expect(read("I need a large locker")).toContainEqual({
      type: "start_flow",
      flow: "rent_locker",
    });
  });
});

describe("a code whose letters are an article", () => {
  it("'EL-230991' after the slot's name is read whole", async () => {
    const yaml = `
version: "1.0"
slots:
  invoice_reference:
    type: string
    prompt: "Invoice reference?"
flows:
  pay_invoice:
    description: "Pay an invoice"
    trigger:
      intents: ["pay an invoice"]
    steps:
      - { step: ref, type: collect, slot: invoice_reference, message: "Which invoice reference?" }
`;
    const loaded = await loadDomainFromText(yaml, "invoice.yaml");
    const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
    expect(
      du.readWithRule("pay an invoice, reference EL-230991", loaded, emptyState("t")).commands,
    ).toContainEqual({ type: "set_slot", slot: "invoice_reference", value: "EL-230991" });
  });
});
