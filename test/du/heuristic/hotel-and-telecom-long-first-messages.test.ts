import { beforeAll, describe, expect, it } from "vitest";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { EXAMPLE_NOW, exampleReader, slotsOf } from "../helpers.ts";

/**
 * Slot values customers give in one long first message: a stay said as a range of dates, the
 * speaker alone as a clause of a longer message.
 */
const NOW = EXAMPLE_NOW;
const { read, loadAll } = exampleReader();

beforeAll(() => loadAll(["hotel", "telecom"]));

describe("a range of dates with one date slot and one slot counting days", () => {
  it("reads the first date as the start and the range as the number of days", () => {
    expect(slotsOf(read("hotel", "valencia from april 4th to april 9th, 2 guests"))).toMatchObject({
      city: "valencia",
      check_in: "2027-04-04",
      nights: 5,
      guests: 2,
    });
    expect(slotsOf(read("hotel", "a room in madrid 11-13 june please"))).toMatchObject({
      check_in: "2027-06-11",
      nights: 2,
    });
    expect(slotsOf(read("hotel", "move HB-222222 to the 2nd until the 6th of may"))).toMatchObject({
      reservation_code: "HB-222222",
      check_in: "2027-05-02",
      nights: 4,
    });
  });

  it("leaves two dates that are no range alone", () => {
    const slots = slotsOf(read("hotel", "a room in madrid on the 14th, or else on the 20th"));
    expect(slots.nights).toBeUndefined();
  });
});

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

describe("how long a fault has lasted, for a date that has been", () => {
  it("reads 'for three days' as three days ago for a past date slot", () => {
    expect(findDates("the tv has been off for three days", NOW, true).map((d) => d.value)).toEqual([
      "2027-03-07",
    ]);
    expect(findDates("down over the past week", NOW, true).map((d) => d.value)).toEqual([
      "2027-03-03",
    ]);
    expect(slotsOf(read("telecom", "no wifi in the last 2 days, no idea why"))).toMatchObject({
      service: "internet",
      outage_since: "2027-03-08",
    });
  });

  it("reads 'the last two weeks' said alone", () => {
    expect(findDates("the last two weeks", NOW, true).map((d) => d.value)).toEqual(["2027-02-24"]);
  });

  it("reads no date in a length of stay", () => {
    expect(findDates("a room for two days", NOW, false)).toEqual([]);
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

describe("more ways to say a stay's dates", () => {
  it("reads an arrival and a departure as a range", () => {
    expect(
      slotsOf(read("hotel", "seville, arriving the 2nd of june and leaving the 5th, 3 adults")),
    ).toMatchObject({ check_in: "2027-06-02", nights: 3, guests: 3 });
    expect(slotsOf(read("hotel", "check in May 4, check out May 9, Madrid"))).toMatchObject({
      check_in: "2027-05-04",
      nights: 5,
      city: "madrid",
    });
  });

  it("reads a day of the month said as an ordinal word", () => {
    const values = (text: string) => findDates(text, NOW).map((d) => d.value);
    expect(values("from the first of May")).toEqual(["2027-05-01"]);
    expect(values("on the twenty-third of june")).toEqual(["2027-06-23"]);
    expect(values("el primero de abril")).toEqual(["2027-04-01"]);
    expect(values("the second option, please")).toEqual([]);
  });
});
