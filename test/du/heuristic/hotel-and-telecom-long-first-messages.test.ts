import { beforeAll, describe, expect, it } from "vitest";
import { exampleReader, slotsOf } from "../helpers.ts";

/**
 * Slot values customers give in one long first message to the hotel and telecom examples: the
 * speaker alone, another flow's word in a choice phrase, nothing more wanted, an address clause.
 */
const { read, loadAll } = exampleReader();

beforeAll(() => loadAll(["hotel", "telecom"]));

describe("the speaker alone, in a longer message", () => {
  it("counts one guest when a clause is only the speaker", () => {
    expect(
      slotsOf(read("hotel", "room in sevilla tomorrow for 3 nights, only myself")),
    ).toMatchObject({
      city: "seville",
      nights: 3,
      guests: 1,
    });
    expect(slotsOf(read("hotel", "just me. a room in madrid on friday"))).toMatchObject({
      guests: 1,
    });
  });

  it("does not count the speaker in a clause that says more", () => {
    const slots = slotsOf(read("hotel", "it's just me asking, do you have rooms in valencia?"));
    expect(slots.guests).toBeUndefined();
  });
});

describe("a choice phrase holding another flow's word", () => {
  it("reads the word as part of the value, not as a request of that other flow", () => {
    const commands = read("telecom", "can I have endless data on 699 000 111 please?");
    expect(commands[0]).toEqual({ type: "start_flow", flow: "change_plan" });
    expect(slotsOf(commands)).toMatchObject({ plan: "unlimited" });
  });

  it("still reads that flow's request when no value holds the word", () => {
    expect(read("telecom", "how much data is left on 699 000 111?")[0]).toEqual({
      type: "start_flow",
      flow: "check_data_usage",
    });
  });
});

describe("a clause wanting nothing more added", () => {
  it("declines the flow's one optional slot, whatever it is called", () => {
    expect(
      read("hotel", "barcelona from the 4th, 2 nights for 3 people, and no add-ons"),
    ).toContainEqual({ type: "skip_slot", slot: "extras" });
    expect(
      read("telecom", "put 612 345 678 on the plus plan, nothing extra thanks"),
    ).toContainEqual({
      type: "skip_slot",
      slot: "add_ons",
    });
  });

  it("declines nothing when the clause says more", () => {
    expect(
      read("telecom", "plus plan for 612 345 678, no extra charges I hope"),
    ).not.toContainEqual(expect.objectContaining({ type: "skip_slot" }));
  });
});

describe("an address as a clause of its own", () => {
  it("reads a street and number with no preposition before it, and its town", () => {
    expect(
      slotsOf(read("telecom", "the broadband died this morning, 17 Avenue Jean Jaures, Nantes")),
    ).toMatchObject({ service: "internet", outage_address: "17 Avenue Jean Jaures, Nantes" });
    expect(slotsOf(read("telecom", "tv not working. Paseo de Gracia 40, Barcelona"))).toMatchObject(
      { service: "tv", outage_address: "Paseo de Gracia 40, Barcelona" },
    );
  });

  it("takes no clause that ends in a number but names no street", () => {
    const slots = slotsOf(read("telecom", "no tv since yesterday, It stopped at 7"));
    expect(slots.outage_address).toBeUndefined();
  });
});

describe("a question about the assistant", () => {
  it("is small talk, not a question about the business", () => {
    for (const text of ["are you a real human?", "r u a machine"]) {
      expect(read("telecom", text)[0], text).toMatchObject({ type: "chitchat" });
    }
    expect(read("hotel", "do you have a sauna?")).toEqual([{ type: "out_of_scope" }]);
  });
});
