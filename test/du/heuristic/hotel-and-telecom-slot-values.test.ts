import { beforeAll, describe, expect, it } from "vitest";
import { exampleReader, inFlow, slotsOf } from "../helpers.ts";

/**
 * On the hotel, telecom and pizza examples: an optional list declined by a plural noun, people
 * and names in a first message, frustration, a value said apart, typos and 'what' questions.
 */
const { domains, read, loadAll } = exampleReader();

beforeAll(() => loadAll(["hotel", "telecom", "pizza"]));

describe("an optional list declined by a plural noun it is not called by", () => {
  const askedAddOns = () =>
    inFlow(domains.telecom!, "change_plan", {
      waiting: "add_ons",
      slots: { phone_number: "699 000 111", plan: "plus" },
    });

  it("skips the list when asked", () => {
    for (const text of ["no extras please", "without any additions", "no bonuses thanks"]) {
      expect(read("telecom", text, askedAddOns()), text).toEqual([
        { type: "skip_slot", slot: "add_ons" },
      ]);
    }
  });

  it("skips the list in a first message", () => {
    const commands = read("telecom", "put 699 000 111 on the plus plan, without any extras");
    expect(commands).toContainEqual({ type: "skip_slot", slot: "add_ons" });
    expect(slotsOf(commands)).toMatchObject({ plan: "plus", phone_number: "699 000 111" });
  });

  it("leaves alone a plural that names another slot or a set phrase", () => {
    const askedDrink = inFlow(domains.pizza!, "order_pizza", {
      waiting: "drink",
      slots: { size: "large", toppings: ["ham"] },
    });
    expect(read("pizza", "no thanks", askedDrink)).not.toContainEqual({
      type: "skip_slot",
      slot: "toppings",
    });
    expect(read("pizza", "no drinks", askedDrink)).toEqual([{ type: "skip_slot", slot: "drink" }]);
  });
});

describe("people and names in a first message", () => {
  it("counts a family by its number", () => {
    expect(slotsOf(read("hotel", "a family of three, barcelona, 2 nights"))).toMatchObject({
      guests: 3,
      nights: 2,
    });
  });

  it("reads the name after a title, without the title", () => {
    expect(slotsOf(read("hotel", "a room in valencia for Dr. Ines Navarro"))).toMatchObject({
      guest_name: "Ines Navarro",
    });
  });

  it("reads a full name followed by a comma and another value", () => {
    expect(
      slotsOf(read("hotel", "book madrid for Lena Vogt, 3 nights from the 9th")),
    ).toMatchObject({ guest_name: "Lena Vogt", nights: 3 });
  });
});

describe("frustration while a question waits", () => {
  it("is no answer to a free-text question", () => {
    const asked = inFlow(domains.telecom!, "report_outage", {
      waiting: "outage_address",
      slots: { service: "mobile" },
    });
    expect(read("telecom", "argh, this is a nightmare, I need my phone", asked)).toEqual([
      { type: "chitchat", kind: "frustration" },
    ]);
  });
});

describe("a value said apart from the request", () => {
  it("is a detail of the request a clause of the story asks for", () => {
    const commands = read(
      "telecom",
      "Is it possible to get the basic plan from next month? I hardly ever go online these days. My number is 612 345 678.",
    );
    expect(commands[0]).toEqual({ type: "start_flow", flow: "change_plan" });
    expect(slotsOf(commands)).toMatchObject({ plan: "basic", phone_number: "612 345 678" });
  });

  it("is a detail of the other part's request, not a request of its own", () => {
    const commands = read(
      "telecom",
      "I need the PUK of my sim. the last 4 digits of the card are 7788",
    );
    expect(commands.filter((c) => c.type === "start_flow")).toEqual([
      { type: "start_flow", flow: "get_puk" },
    ]);
    // The "4" of "last 4 digits" is no code of four digits.
    expect(slotsOf(commands)).toMatchObject({ sim_last_digits: "7788" });
  });
});

describe("a three-letter typo", () => {
  it("reads a word with its last letter typed once as the domain's word", () => {
    expect(read("telecom", "show me the bil for 699 000 111")[0]).toEqual({
      type: "start_flow",
      flow: "check_bill",
    });
  });
});

describe("a request to get something new where nothing is sold or booked", () => {
  it("starts no flow on a noun alone", () => {
    expect(read("telecom", "where can I buy a sim card")).toEqual([]);
    expect(read("telecom", "I'd like to purchase a tablet from you")).toEqual([]);
  });

  it("still starts a flow its own words ask for", () => {
    expect(read("telecom", "my sim is blocked, I need my PUK")[0]).toEqual({
      type: "start_flow",
      flow: "get_puk",
    });
  });
});

describe("a question that starts with 'what' and a noun", () => {
  it("asks about that thing, not what a term means", () => {
    expect(read("hotel", "what time is late checkout")).not.toContainEqual(
      expect.objectContaining({ type: "clarify" }),
    );
    expect(read("hotel", "what is late checkout")).toEqual([
      { type: "clarify", topic: "late checkout" },
    ]);
  });
});
