import { describe, expect, it } from "vitest";
import { dayKey, findDates, findWeekend } from "../../../src/du/heuristic/extract/dates.ts";

// Tuesday 10 March 2026, local time.
const NOW = new Date(2026, 2, 10, 12, 0, 0);
const one = (text: string) => {
  const found = findDates(text, NOW);
  expect(found).toHaveLength(1);
  return found[0]!.value;
};

describe("findDates", () => {
  it.each([
    ["today", "2026-03-10"],
    ["tomorrow", "2026-03-11"],
    ["yesterday", "2026-03-09"],
    ["the day after tomorrow", "2026-03-12"],
    ["mañana", "2026-03-11"],
    ["pasado mañana", "2026-03-12"],
    ["next friday", "2026-03-13"],
    ["on Monday", "2026-03-16"],
    ["next tuesday", "2026-03-17"],
    ["el viernes", "2026-03-13"],
    ["in 3 days", "2026-03-13"],
    ["en 2 semanas", "2026-03-24"],
    ["2026-12-01", "2026-12-01"],
    ["1 December", "2026-12-01"],
    ["December 1st", "2026-12-01"],
    ["1st of December 2027", "2027-12-01"],
    ["1 de diciembre", "2026-12-01"],
    ["5 March", "2027-03-05"],
    ["25/12/2026", "2026-12-25"],
    ["12/25/2026", "2026-12-25"],
  ])("%s -> %s", (text, expected) => {
    expect(one(text)).toBe(expected);
  });

  it("rejects impossible dates and plain numbers", () => {
    expect(findDates("2026-02-30", NOW)).toEqual([]);
    expect(findDates("send 200 euros", NOW)).toEqual([]);
    expect(findDates("may I pay a bill", NOW)).toEqual([]);
  });

  it("keeps positions valid for accented text", () => {
    const text = "el pago, mañana";
    const [d] = findDates(text, NOW);
    expect(text.slice(d!.start, d!.end)).toBe("mañana");
  });

  // A weekday after "since" or "last" is in the past; parts of today are today.
  it.each([
    ["since monday", "2026-03-09"],
    ["since tuesday", "2026-03-10"],
    ["last tuesday", "2026-03-03"],
    ["last friday", "2026-03-06"],
    ["desde el lunes", "2026-03-09"],
    ["el viernes pasado", "2026-03-06"],
    ["this morning", "2026-03-10"],
    ["esta mañana", "2026-03-10"],
    ["since last night", "2026-03-09"],
    ["anoche", "2026-03-09"],
    ["3 days ago", "2026-03-07"],
    ["a week ago", "2026-03-03"],
    ["hace dos dias", "2026-03-08"],
    ["arriving 3/4", "2026-04-03"],
    ["15/04", "2026-04-15"],
    ["the 15th", "2026-03-15"],
    ["on the 3rd", "2026-04-03"],
  ])("%s -> %s (past)", (text, expected) => {
    expect(one(text)).toBe(expected);
  });
});

describe("findDates: ranges and days ahead", () => {
  const all = (text: string) => findDates(text, NOW).map((d) => d.value);
  it.each([
    ["20-23 march", ["2026-03-20", "2026-03-23"]],
    ["march 20 to 23", ["2026-03-20", "2026-03-23"]],
    ["the 20th to the 23rd of march", ["2026-03-20", "2026-03-23"]],
    ["del 20 al 23 de marzo", ["2026-03-20", "2026-03-23"]],
    ["from march 20 to april 2", ["2026-03-20", "2026-04-02"]],
    ["friday until sunday", ["2026-03-13", "2026-03-15"]],
  ])("%s -> %j", (text, expected) => {
    expect(all(text)).toEqual(expected);
  });

  it.each([
    ["in a week", "2026-03-17"],
    ["in two weeks", "2026-03-24"],
    ["within 3 days", "2026-03-13"],
    ["a week from today", "2026-03-17"],
    ["3 days from now", "2026-03-13"],
    ["en una semana", "2026-03-17"],
    ["dentro de 3 dias", "2026-03-13"],
  ])("%s -> %s (ahead)", (text, expected) => {
    expect(one(text)).toBe(expected);
  });

  it("does not read a day count as a range ('march 3 for 2 people')", () => {
    expect(all("march 3 for 2 people")).toEqual(["2027-03-03"]);
  });
});

describe("findDates: a weekday with its date, days gone by, short weekdays", () => {
  const all = (text: string, past = false) => findDates(text, NOW, past).map((d) => d.value);
  it.each([
    ["Friday the 20th of March works", "2026-03-20"],
    ["could we say thursday, 2 april", "2026-04-02"],
    ["Sunday April 5th please", "2026-04-05"],
    ["el viernes 20 de marzo", "2026-03-20"],
  ])("%s is one date: %s", (text, expected) => {
    const found = findDates(text, NOW);
    expect(found.map((d) => d.value)).toEqual([expected]);
    expect(text.slice(found[0]!.start, found[0]!.end).toLowerCase()).toMatch(
      /^(?:el )?[a-z]+day|^viernes/,
    );
  });

  it("reads a day and month back when the slot asks about the past or after 'since'", () => {
    expect(all("it broke on February 27", true)).toEqual(["2026-02-27"]);
    expect(all("down since the 2nd of march")).toEqual(["2026-03-02"]);
    expect(all("desde el 5 de marzo")).toEqual(["2026-03-05"]);
    expect(all("it broke on 27/02", true)).toEqual(["2026-02-27"]);
    // Ahead when nothing says the past.
    expect(all("on March 2")).toEqual(["2027-03-02"]);
  });

  it("reads 'sat', 'sun' and 'wed' as days only where a day is meant", () => {
    expect(all("a table for sat night")).toEqual(["2026-03-14"]);
    expect(all("next sun works")).toEqual(["2026-03-15"]);
    expect(all("on wed please")).toEqual(["2026-03-11"]);
    expect(all("wed am")).toEqual(["2026-03-11"]);
    expect(all("I sat at the counter in the sun")).toEqual([]);
  });
});

describe("findDates: long date words typed wrong", () => {
  const all = (text: string) => findDates(text, NOW).map((d) => d.value);
  it.each([
    ["tomorow", "2026-03-11"],
    ["tommorow morning", "2026-03-11"],
    ["yesterdy", "2026-03-09"],
    ["on thrusday", "2026-03-12"],
    ["wensday works", "2026-03-11"],
  ])("%s -> %s", (text, expected) => {
    expect(all(text)).toEqual([expected]);
  });

  it("reads no other word as a date", () => {
    expect(all("extra tomatoes and a thirsty customer")).toEqual([]);
    expect(all("what time today or tomorow")).toEqual(["2026-03-10"]);
    // Several typed wrong: none is read (which one would it be?).
    expect(all("tomorow or thrusday")).toEqual([]);
  });
});

describe("dayKey", () => {
  it("is one key for every time of a local day and changes at midnight", () => {
    const key = dayKey(new Date(2026, 2, 10, 0, 0, 0));
    expect(dayKey(new Date(2026, 2, 10, 23, 59, 59, 999))).toBe(key);
    expect(dayKey(NOW)).toBe(key);
    expect(dayKey(new Date(2026, 2, 11, 0, 0, 0))).toBe("2026-2-11");
    expect(dayKey(new Date(2026, 2, 9, 23, 59, 59))).toBe("2026-2-9");
    expect(dayKey(NOW)).toBe("2026-2-10");
    // "tomorrow" follows the clock across midnight, cached answers or not.
    expect(findDates("tomorrow", new Date(2026, 2, 10, 23, 59))[0]!.value).toBe("2026-03-11");
    expect(findDates("tomorrow", new Date(2026, 2, 11, 0, 1))[0]!.value).toBe("2026-03-12");
  });
});

describe("a day and month asked about the past", () => {
  it("is the latest such day up to today when the slot asks since when", () => {
    expect(findDates("the 4th of march", NOW, true)[0]?.value).toBe("2026-03-04");
    expect(findDates("november 30", NOW, true)[0]?.value).toBe("2025-11-30");
    expect(findDates("8/3", NOW, true)[0]?.value).toBe("2026-03-08");
  });

  it("is past after 'since' whatever the slot, and ahead otherwise", () => {
    expect(findDates("down since february 27", NOW)[0]?.value).toBe("2026-02-27");
    expect(findDates("desde el 2 de marzo", NOW)[0]?.value).toBe("2026-03-02");
    expect(findDates("february 27", NOW)[0]?.value).toBe("2027-02-27");
  });
});

describe("date words typed wrong", () => {
  it("reads day words with a typo, keeping the message's offsets", () => {
    expect(findDates("tommorow", NOW)).toEqual([{ value: "2026-03-11", start: 0, end: 8 }]);
    const text = "maybe satruday then?";
    const [found] = findDates(text, NOW);
    expect(found?.value).toBe("2026-03-14");
    expect(text.slice(found!.start, found!.end)).toBe("satruday");
    expect(findDates("yesterdy", NOW, true)[0]?.value).toBe("2026-03-09");
  });

  it("reads nothing when two date words are typed wrong, or none is", () => {
    expect(findDates("tomorow or thrusday", NOW)).toEqual([]);
    expect(findDates("money and lines", NOW)).toEqual([]);
  });
});

describe("findWeekend", () => {
  it("is no date in a story: only an answer reads it", () => {
    expect(findDates("hurt my back at the weekend, can I come thursday?", NOW)).toHaveLength(1);
  });

  it("is the coming Saturday, or the last one when it is past", () => {
    expect(findWeekend("can we do it at the weekend", NOW)[0]?.value).toBe("2026-03-14");
    expect(findWeekend("next weekend", NOW)[0]?.value).toBe("2026-03-14");
    expect(findWeekend("it stopped working over the weekend", NOW, true)[0]?.value).toBe(
      "2026-03-07",
    );
    expect(findWeekend("since last weekend", NOW)[0]?.value).toBe("2026-03-07");
    expect(findWeekend("este fin de semana", NOW)[0]?.value).toBe("2026-03-14");
  });

  it("said on a Sunday, is that weekend's Saturday", () => {
    const sunday = new Date(2026, 2, 15, 12, 0, 0);
    expect(findWeekend("since the weekend", sunday)[0]?.value).toBe("2026-03-14");
    expect(findWeekend("next weekend", sunday)[0]?.value).toBe("2026-03-21");
  });
});

describe("the last night of a stay", () => {
  it("is no day past", () => {
    expect(findDates("can I add one more night? my last night would be friday", NOW)).toEqual([
      expect.objectContaining({ value: "2026-03-13" }),
    ]);
  });
});

describe("findDates inside longer sentences", () => {
  // Each search runs only when the words it needs are in the message: these must still be found.
  it.each([
    ["my parcel went missing 2 weeks ago, can you check", "2026-02-24"],
    ["the heater broke down this morning", "2026-03-10"],
    ["please call me back the day after tomorrow at noon", "2026-03-12"],
    ["we could meet sat night if that works", "2026-03-14"],
    ["since last monday the app keeps crashing", "2026-03-09"],
    ["I'll be away for a while, back in two weeks", "2026-03-24"],
    ["Drop it off on the 21st of March, thanks", "2026-03-21"],
    ["3 days from now we leave", "2026-03-13"],
    ["TOMORROW, please!", "2026-03-11"],
    ["the heating has been off since last night", "2026-03-09"],
  ])("%s", (text, value) => {
    expect(one(text)).toBe(value);
  });

  it("finds nothing where no word or digit of a date is said", () => {
    expect(findDates("please freeze the card I lost at the station", NOW)).toEqual([]);
  });
});
