import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { domainFromLines, exampleReader, inFlow, load, slotsOf } from "../helpers.ts";

/**
 * Values read by their declared kinds on the example domains the DU was not written for:
 * numbers named by the word after them, patterns typed loosely, addresses next to other
 * values, past dates.
 */
const { du, domains, read, loadAll } = exampleReader();
const fixtures = path.join(import.meta.dirname, "../../fixtures/du");

beforeAll(async () => {
  await loadAll(["hotel", "clinic", "telecom", "pizza"]);
  domains.account = await load(path.join(fixtures, "free-text-account.yaml"));
  domains.dates = await load(path.join(fixtures, "two-dates.yaml"));
});

describe("numbers named by the word after them", () => {
  it("gives each number to the slot its unit names, whatever the trigger's order", () => {
    expect(slotsOf(read("hotel", "room in Seville from April 10 for 3 nights, 2 guests"))).toEqual({
      city: "seville",
      check_in: "2027-04-10",
      nights: 3,
      guests: 2,
    });
    expect(slotsOf(read("hotel", "book me in for 5 nights"))).toEqual({ nights: 5 });
    expect(slotsOf(read("hotel", "3 guests, valencia, arriving june 10"))).toMatchObject({
      guests: 3,
    });
  });

  it("reads an article before the unit as one", () => {
    expect(slotsOf(read("hotel", "a room for one night tomorrow"))).toEqual({
      check_in: "2027-03-11",
      nights: 1,
    });
  });

  it("picks the asked slot's number out of several", () => {
    const state = inFlow(domains.hotel!, "book_room", { waiting: "nights" });
    expect(read("hotel", "2 people, 4 nights", state)).toEqual([
      { type: "set_slot", slot: "nights", value: 4 },
      { type: "set_slot", slot: "guests", value: 2 },
    ]);
  });
});

describe("pattern slots", () => {
  it("reads a code typed with a space or without its hyphen, written back as the pattern has it", () => {
    expect(slotsOf(read("clinic", "cancel AP 4821"))).toEqual({ appointment_code: "AP-4821" });
    expect(slotsOf(read("hotel", "please cancel hb222222"))).toEqual({
      reservation_code: "HB-222222",
    });
    const state = inFlow(domains.hotel!, "cancel_reservation", { waiting: "reservation_code" });
    expect(read("hotel", "it's hb 222222", state)).toEqual([
      { type: "set_slot", slot: "reservation_code", value: "HB-222222" },
    ]);
  });

  it("never reads a code out of a longer number", () => {
    expect(slotsOf(read("hotel", "cancel HB-2222221"))).toEqual({});
  });
});

describe("addresses and past dates", () => {
  it("ends an address where another value starts", () => {
    expect(slotsOf(read("telecom", "no tv at Calle Luna 3, Madrid since monday"))).toEqual({
      service: "tv",
      outage_address: "Calle Luna 3, Madrid",
      outage_since: "2027-03-08",
    });
  });

  it("reads 'this morning' as today when a date is asked", () => {
    const state = inFlow(domains.telecom!, "report_outage", { waiting: "outage_since" });
    expect(read("telecom", "this morning", state)).toEqual([
      { type: "set_slot", slot: "outage_since", value: "2027-03-10" },
    ]);
  });
});

describe("answers to a free-text question", () => {
  it("fills the slot with a word that only resembles the flow's request", () => {
    const state = inFlow(domains.account!, "check_balance", { waiting: "account" });
    expect(read("account", "checking", state)).toEqual([
      { type: "set_slot", slot: "account", value: "checking" },
    ]);
    expect(read("account", "checking account", state)).toEqual([
      { type: "set_slot", slot: "account", value: "checking account" },
    ]);
    // The request itself, said again, still restarts the flow.
    expect(read("account", "check my balance", state)).toEqual([
      { type: "start_flow", flow: "check_balance" },
    ]);
  });

  it("gives a value of another empty slot of the flow to that slot", () => {
    const state = inFlow(domains.clinic!, "book_appointment", {
      waiting: "patient_name",
      slots: { specialty: "physiotherapy", appointment_date: "2027-03-11" },
    });
    expect(read("clinic", "afternoon", state)).toEqual([
      { type: "set_slot", slot: "time_of_day", value: "afternoon" },
    ]);
    expect(read("clinic", "Marc Vila", state)).toEqual([
      { type: "set_slot", slot: "patient_name", value: "Marc Vila" },
    ]);
  });

  it("reads list items without their articles", () => {
    const state = inFlow(domains.clinic!, "book_appointment", { waiting: "symptoms" });
    expect(read("clinic", "fever and a sore throat", state)).toEqual([
      { type: "set_slot", slot: "symptoms", value: ["fever", "sore throat"] },
    ]);
  });
});

describe("greetings", () => {
  it("reads a greeting phrase as a greeting even when it holds a choice ('good morning')", () => {
    expect(read("clinic", "good morning")).toEqual([
      { type: "chitchat", kind: "greeting", message: "good morning" },
    ]);
    expect(read("clinic", "good morning, I need a doctor tomorrow morning")).toContainEqual({
      type: "set_slot",
      slot: "time_of_day",
      value: "morning",
    });
  });
});

describe("cues from the slots' questions", () => {
  it("reads a value after the preposition its question ends or starts with", () => {
    // "What name should I put the table under?", "For how many people?"
    expect(slotsOf(read("pizza", "table for 3 on friday under Garcia"))).toEqual({
      booking_date: "2027-03-12",
      party_size: 3,
      guest_name: "Garcia",
    });
  });

  it("answers the question with what comes before another slot's name", () => {
    // "since" names `outage_since`; the address before it is the answer to "At which address?"
    const state = inFlow(domains.telecom!, "report_outage", {
      waiting: "outage_address",
      slots: { service: "internet" },
    });
    expect(read("telecom", "at Calle Sol 2, Madrid since yesterday", state)).toEqual([
      { type: "set_slot", slot: "outage_address", value: "Calle Sol 2, Madrid" },
      { type: "set_slot", slot: "outage_since", value: "2027-03-09" },
    ]);
  });
});

describe("declined optional slots", () => {
  it("skips an optional slot the message declines by name", () => {
    expect(read("pizza", "a big pizza, no toppings, just cheese")).toEqual([
      { type: "start_flow", flow: "order_pizza" },
      { type: "set_slot", slot: "size", value: "large" },
      { type: "skip_slot", slot: "toppings" },
    ]);
    const state = inFlow(domains.pizza!, "order_pizza", { waiting: "size" });
    expect(read("pizza", "medium without toppings and a coke", state)).toEqual([
      { type: "set_slot", slot: "size", value: "medium" },
      { type: "set_slot", slot: "drink", value: "cola" },
      { type: "skip_slot", slot: "toppings" },
    ]);
  });

  it("leaves out a value said after 'without', but not the value a 'no' says is missing", () => {
    expect(slotsOf(read("pizza", "large with ham but without onions"))).toEqual({
      size: "large",
      toppings: ["ham"],
    });
    expect(slotsOf(read("telecom", "no internet since monday"))).toMatchObject({
      service: "internet",
    });
  });
});

describe("corrections of values already given", () => {
  it("reads the old value with the slot's reader ('not friday, monday')", () => {
    const state = inFlow(domains.clinic!, "book_appointment", {
      waiting: "time_of_day",
      slots: { specialty: "general_practice", appointment_date: "2027-03-12" },
    });
    expect(read("clinic", "not friday, monday", state)).toEqual([
      { type: "correct_slot", slot: "appointment_date", value: "2027-03-15" },
    ]);
  });

  it("changes one item of a list and keeps the others", () => {
    const state = inFlow(domains.pizza!, "order_pizza", {
      waiting: "drink",
      slots: { size: "large", toppings: ["ham", "olives"] },
    });
    const toppings = (text: string) => read("pizza", text, state);
    expect(toppings("actually not olives, mushrooms")).toEqual([
      { type: "correct_slot", slot: "toppings", value: ["ham", "mushrooms"] },
    ]);
    expect(toppings("add mushrooms too")).toEqual([
      { type: "correct_slot", slot: "toppings", value: ["ham", "olives", "mushrooms"] },
    ]);
    expect(toppings("remove the olives")).toEqual([
      { type: "correct_slot", slot: "toppings", value: ["ham"] },
    ]);
    // A value of another slot with "and" in front is still that slot's answer.
    expect(toppings("and a coke")).toEqual([{ type: "set_slot", slot: "drink", value: "cola" }]);
  });

  it("edits a list at the confirmation", () => {
    const state = inFlow(domains.pizza!, "order_pizza", {
      confirm: true,
      slots: {
        size: "large",
        toppings: ["ham", "olives"],
        drink: "cola",
        delivery_address: "Calle Sol 4, Madrid",
      },
    });
    expect(read("pizza", "without olives", state)).toEqual([
      { type: "correct_slot", slot: "toppings", value: ["ham"] },
    ]);
  });
});

describe("person names without a cue", () => {
  it("reads a full name after a preposition, never an address", () => {
    expect(
      slotsOf(read("clinic", "schedule a visit for Laura Gomez with the skin doctor")),
    ).toEqual({
      specialty: "dermatology",
      patient_name: "Laura Gomez",
    });
    expect(slotsOf(read("pizza", "deliver a large pizza to Calle Mayor 12, Madrid"))).toEqual({
      size: "large",
      delivery_address: "Calle Mayor 12, Madrid",
    });
  });
});

describe("at the confirmation", () => {
  const confirming = () =>
    inFlow(domains.clinic!, "book_appointment", {
      confirm: true,
      slots: {
        specialty: "dermatology",
        appointment_date: "2027-03-12",
        time_of_day: "morning",
        patient_name: "Rosa Pons",
      },
    });

  it("reads a fault of a named value as a 'no' to change it, without a 'no'", () => {
    expect(read("clinic", "the time is wrong", confirming())).toEqual([
      { type: "deny", slot_to_change: "time_of_day" },
    ]);
    expect(read("clinic", "the date is not correct", confirming())).toEqual([
      { type: "deny", slot_to_change: "appointment_date" },
    ]);
  });

  it("never stores a judgement as the value", () => {
    expect(read("clinic", "the name is correct", confirming())).not.toContainEqual(
      expect.objectContaining({ slot: "patient_name" }),
    );
  });
});

describe("short answers by kind", () => {
  const answer = (domain: string, flow: string, slot: string, text: string) =>
    read(domain, text, inFlow(domains[domain]!, flow, { waiting: slot }));

  it("takes the name after the question's preposition", () => {
    expect(answer("pizza", "book_table", "guest_name", "put it under Maria")).toEqual([
      { type: "set_slot", slot: "guest_name", value: "Maria" },
    ]);
    expect(answer("pizza", "book_table", "guest_name", "Maria de la Cruz")).toEqual([
      { type: "set_slot", slot: "guest_name", value: "Maria de la Cruz" },
    ]);
  });

  it("reads a day of the month, 'one', digits in other groups and 'nothing else'", () => {
    expect(answer("pizza", "book_table", "booking_date", "the 15th")).toEqual([
      { type: "set_slot", slot: "booking_date", value: "2027-03-15" },
    ]);
    expect(answer("pizza", "book_table", "booking_date", "on the 3rd")).toEqual([
      { type: "set_slot", slot: "booking_date", value: "2027-04-03" },
    ]);
    expect(answer("hotel", "book_room", "nights", "just one")).toEqual([
      { type: "set_slot", slot: "nights", value: 1 },
    ]);
    expect(answer("telecom", "check_bill", "phone_number", "612 34 56 78")).toEqual([
      { type: "set_slot", slot: "phone_number", value: "612345678" },
    ]);
    expect(answer("hotel", "book_room", "extras", "nothing else")).toEqual([
      { type: "skip_slot", slot: "extras" },
    ]);
  });
});

describe("an answer with more than the answer", () => {
  it("reads an empty slot named beside the answer as a value, not a correction", () => {
    const state = inFlow(domains.hotel!, "book_room", {
      waiting: "check_in",
      slots: { city: "madrid" },
    });
    expect(read("hotel", "april 2, 3 nights", state)).toEqual([
      { type: "set_slot", slot: "check_in", value: "2027-04-02" },
      { type: "set_slot", slot: "nights", value: 3 },
    ]);
  });

  it("ends a name at a comma followed by more than names", () => {
    const state = inFlow(domains.clinic!, "book_appointment", {
      waiting: "patient_name",
      slots: { specialty: "pediatrics", appointment_date: "2027-03-12", time_of_day: "morning" },
    });
    expect(read("clinic", "Hugo Ruiz, he has a fever", state)).toEqual([
      { type: "set_slot", slot: "patient_name", value: "Hugo Ruiz" },
    ]);
    expect(read("clinic", "Ruiz, Hugo", state)).toEqual([
      { type: "set_slot", slot: "patient_name", value: "Ruiz, Hugo" },
    ]);
  });
});

describe("several date slots", () => {
  it("fills a start and an end date said together, in the order the flow asks them", () => {
    const commands = read("dates", "I need a van from december 20 to january 3");
    expect(commands[0]).toEqual({ type: "start_flow", flow: "rent_car" });
    expect(slotsOf(commands)).toEqual({
      car_class: "van",
      pickup_date: "2027-12-20",
      return_date: "2028-01-03",
    });
  });

  it("answers the first date question with both dates, without starting another flow", () => {
    const state = inFlow(domains.dates!, "rent_car", { waiting: "pickup_date" });
    expect(read("dates", "friday until sunday", state)).toEqual([
      { type: "set_slot", slot: "pickup_date", value: "2027-03-12" },
      { type: "set_slot", slot: "return_date", value: "2027-03-14" },
    ]);
  });

  it("leaves two dates said out of time order to be asked one by one", () => {
    expect(
      slotsOf(read("dates", "I want to rent a car, back on the 20th, pick up on the 15th")),
    ).toEqual({});
  });
});

describe("a generic part of a slot's name", () => {
  it("names the one slot of the flow that has it ('the name' at a transfer's confirmation)", async () => {
    const domain = await domainFromLines(
      [
        "slots:",
        "  beneficiary_name: { type: string, prompt: 'Who to?' }",
        "  amount: { type: float, prompt: 'How much?' }",
        "  user_name: { type: string, prompt: 'Your name?' }",
        "  ok: { type: boolean }",
        "flows:",
        "  transfer:",
        "    description: Send money",
        "    steps:",
        "      - { step: who, type: collect, slot: beneficiary_name }",
        "      - { step: much, type: collect, slot: amount }",
        "      - { step: check, type: confirm, slot: ok, message: 'Send {amount} to {beneficiary_name}?' }",
        "  profile:",
        "    description: Set my name",
        "    steps:",
        "      - { step: me, type: collect, slot: user_name }",
      ],
      "generic.yaml",
    );
    const state = inFlow(domain, "transfer", {
      confirm: true,
      slots: { beneficiary_name: "John", amount: 50 },
    });
    expect(du.read("no, the name should be Maria", domain, state)).toEqual([
      { type: "correct_slot", slot: "beneficiary_name", value: "Maria" },
    ]);
  });
});
