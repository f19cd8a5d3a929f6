import { beforeAll, describe, expect, it } from "vitest";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { EXAMPLE_NOW, exampleReader, slotsOf } from "../helpers.ts";

/**
 * Spans of days on the hotel and telecom examples: a stay said as a range or in other ways, the
 * end day said alone, how long a fault has lasted and the day it began.
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

describe("dates", () => {
  it("reads a day and month, then the end day alone, as a range", () => {
    expect(findDates("5th of june to 8th, two of us", NOW).map((d) => d.value)).toEqual([
      "2027-06-05",
      "2027-06-08",
    ]);
    expect(slotsOf(read("hotel", "a room in seville 5th of june to 8th, two of us"))).toMatchObject(
      { check_in: "2027-06-05", nights: 3, guests: 2 },
    );
    // A number that counts something else is no end day.
    expect(findDates("3 june to 5 people", NOW).map((d) => d.value)).toEqual(["2027-06-03"]);
  });

  it("keeps the day a fault began after 'since', whatever was said before it", () => {
    expect(slotsOf(read("telecom", "we can't watch tv since sunday"))).toMatchObject({
      outage_since: "2027-03-07",
    });
    expect(slotsOf(read("telecom", "my wifi is not working since 3 days"))).toMatchObject({
      outage_since: "2027-03-07",
      service: "internet",
    });
  });
});
