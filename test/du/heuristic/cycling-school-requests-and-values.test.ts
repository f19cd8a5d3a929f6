import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { askingClauses } from "../../../src/du/heuristic/rules/shared.ts";
import type { Command, SlotValue } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a cycling school's desk: '<weekday> next week', function words that are choices, changes of
 * plan, list swaps, addresses, names, clock times for a part of the day and questions (EXAMPLE_NOW
 * is a Wednesday).
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let school: LoadedDomain;
const read = (text: string): Command[] => du.read(text, school, emptyState("t"));
const asked = (flow: string, slot: string, text: string, slots: Record<string, SlotValue> = {}) =>
  du.read(text, school, inFlow(school, flow, { waiting: slot, slots }));

beforeAll(async () => {
  school = await loadDomainFromText(
    [
      "slots:",
      "  lesson:",
      "    type: string",
      "    choices: [solo, group]",
      "    synonyms: { solo: [personal, one to one] }",
      "    prompt: 'A solo or a group lesson?'",
      "  riders: { type: integer, extract: number, prompt: 'How many riders?' }",
      "  lesson_date: { type: date, extract: date, prompt: 'Which day?' }",
      "  part_of_day:",
      "    type: string",
      "    choices: [morning, afternoon]",
      "    synonyms: { morning: [am], afternoon: [pm] }",
      "    prompt: 'Morning or afternoon?'",
      "  extras:",
      "    type: list",
      "    choices: [bell, lights, basket]",
      "    prompt: 'Which extras?'",
      "  rider_name: { type: string, extract: person_name, prompt: 'Who will ride?' }",
      "  pickup_address: { type: string, extract: address, prompt: 'Where do we bring them?' }",
      "  booking_code: { type: string, extract: pattern, pattern: 'BK-\\d{4}', label: booking code, prompt: 'Your booking code?' }",
      "flows:",
      "  book_lesson:",
      "    description: Book a riding lesson",
      "    trigger: { intents: ['book a riding lesson', 'a {lesson} lesson for {riders}'] }",
      "    steps:",
      "      - { step: l, type: collect, slot: lesson }",
      "      - { step: r, type: collect, slot: riders }",
      "      - { step: d, type: collect, slot: lesson_date }",
      "      - { step: n, type: collect, slot: rider_name }",
      "  buy_extras:",
      "    description: Buy extras for a bike, brought to you",
      "    trigger: { intents: ['buy extras for my bike', 'bring {extras} to {pickup_address}'] }",
      "    steps:",
      "      - { step: e, type: collect, slot: extras }",
      "      - { step: a, type: collect, slot: pickup_address }",
      "  cancel_lesson:",
      "    description: Cancel a lesson",
      "    trigger: { intents: ['cancel my lesson', 'cancel lesson {booking_code}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: booking_code }",
      "  move_lesson:",
      "    description: Move a lesson",
      "    trigger:",
      "      intents: ['move my lesson', 'another day for my lesson', 'reschedule lesson {booking_code}']",
      "    steps:",
      "      - { step: c, type: collect, slot: booking_code }",
      "      - { step: d, type: collect, slot: lesson_date }",
      "      - { step: p, type: collect, slot: part_of_day }",
    ].join("\n"),
    "school.yaml",
  );
});

describe("'<weekday> next week' is that day of the week after this one", () => {
  it("reads the day in next week, even when it is today's weekday", () => {
    const dates = (text: string) => findDates(text, EXAMPLE_NOW).map((d) => d.value);
    expect(dates("thursday next week")).toEqual(["2027-03-18"]);
    expect(dates("can we do wednesday of next week")).toEqual(["2027-03-17"]);
    expect(dates("monday next week in the afternoon")).toEqual(["2027-03-15"]);
    // Without "next week", the coming one as before.
    expect(dates("thursday")).toEqual(["2027-03-11"]);
  });
});

describe("a word counting people is no clipped choice", () => {
  it("'4 person' is the riders, not the 'personal' lesson", () => {
    const commands = read("we want ride, 4 person, thursday");
    expect(firstIntent(commands)).toBe("book_lesson");
    expect(slotsOf(commands)).toEqual({ riders: 4, lesson_date: "2027-03-11" });
  });
});

describe("a function word that is also a choice", () => {
  it("'I am writing' picks no morning", () => {
    const commands = read("Hello, I am writing because lesson BK-1234 must be moved to friday");
    expect(firstIntent(commands)).toBe("move_lesson");
    expect(slotsOf(commands)).not.toHaveProperty("part_of_day");
  });
  it("still reads it as the answer", () => {
    expect(slotsOf(asked("move_lesson", "part_of_day", "am please"))).toEqual({
      part_of_day: "morning",
    });
  });
});

describe("'other date' without its article", () => {
  it("asks to move what the user cannot come to", () => {
    expect(firstIntent(read("Hi. I cannot come to my lesson, please I need other date."))).toBe(
      "move_lesson",
    );
  });
});

describe("a change of plan naming only the other flow's verb", () => {
  it("leaves the cancel for the move", () => {
    expect(asked("cancel_lesson", "booking_code", "hold on, I'd rather just move it")).toEqual([
      { type: "cancel_flow" },
      { type: "start_flow", flow: "move_lesson" },
    ]);
  });
  it("is no switch without a change of plan, or with the answer", () => {
    expect(asked("cancel_lesson", "booking_code", "move it")[0]?.type).not.toBe("cancel_flow");
    expect(asked("cancel_lesson", "booking_code", "actually it is BK-1234")[0]?.type).not.toBe(
      "cancel_flow",
    );
  });
});

describe("'no X, Y instead' swaps one item of a list", () => {
  it("takes the held item out and puts the new one in", () => {
    expect(
      asked("buy_extras", "pickup_address", "oh wait no bell, lights instead", {
        extras: ["bell", "basket"],
      }),
    ).toEqual([{ type: "correct_slot", slot: "extras", value: ["basket", "lights"] }]);
  });
});

describe("the word naming an address leads to it", () => {
  it("reads only the address after 'for the address'", () => {
    const commands = read(
      "Hi, I would like to have lights and a basket, for the address Calle Luna 3",
    );
    expect(slotsOf(commands)).toMatchObject({ pickup_address: "Calle Luna 3" });
  });
});

describe("an act and its object with little else", () => {
  it("starts the flow doing the act though another shares a word", () => {
    expect(firstIntent(read("annul my lesson please, I found another school"))).toBe(
      "cancel_lesson",
    );
  });
});

describe("asking what can be asked", () => {
  it("is a request for help", () => {
    expect(read("what sort of things can I ask you")).toEqual([{ type: "clarify" }]);
    expect(read("what type of stuff can you help with")).toEqual([{ type: "clarify" }]);
  });
});

describe("the thing alone, asked for", () => {
  it("starts the one flow that makes it", () => {
    expect(firstIntent(read("lesson pls"))).toBe("book_lesson");
    expect(firstIntent(read("a lesson please"))).toBe("book_lesson");
  });
  it("still asks which flow without a request word", () => {
    expect(read("lesson")[0]?.type).toBe("clarify");
  });
});

describe("a negation before a preposition and an article", () => {
  it("gives the choice up", () => {
    expect(slotsOf(read("book a riding lesson. Not in solo, in group."))).toEqual({
      lesson: "group",
    });
  });
});

describe("not wanting one thing beside asking for another", () => {
  it("asks for the other", () => {
    expect(firstIntent(read("I don't want a lesson, I want lights brought to my house"))).toBe(
      "buy_extras",
    );
  });
  it("alone, still gives the thing up", () => {
    expect(firstIntent(read("I don't want the lesson anymore, I booked too many"))).toBe(
      "cancel_lesson",
    );
  });
});

describe("an asking clause of a long story", () => {
  const asks = /\b(?:would|want|please)\b/i;
  it("may be longer than a short message", () => {
    const story =
      "We have just got back from a long trip and nobody has the energy to go out. " +
      "Would it be possible to have lights and a basket for my daughter's new bike brought round to us? Thanks.";
    expect(askingClauses(story, asks)).toEqual([
      "Would it be possible to have lights and a basket for my daughter's new bike brought round to us",
    ]);
  });
  it("asks from its first word when it is that long", () => {
    const story =
      "We have just got back from a long trip and nobody has the energy to go out. " +
      "My daughter got a new bike last week and we would love to have lights and a basket for it. Thanks.";
    expect(askingClauses(story, asks)).toEqual([]);
  });
  it("is never the whole message", () => {
    const one =
      "would it be possible to have lights and a basket for my daughter's new bike brought round to us today";
    expect(askingClauses(one, asks)).toEqual([]);
  });
});

describe("a name answered after 'me,'", () => {
  it("is the name alone", () => {
    expect(slotsOf(asked("book_lesson", "rider_name", "me, Olga Brandt"))).toEqual({
      rider_name: "Olga Brandt",
    });
    expect(slotsOf(asked("book_lesson", "rider_name", "it's me, Olga Brandt"))).toEqual({
      rider_name: "Olga Brandt",
    });
  });
  it("keeps a surname written first", () => {
    expect(slotsOf(asked("book_lesson", "rider_name", "Brandt, Olga"))).toEqual({
      rider_name: "Brandt, Olga",
    });
  });
});

describe("someone at the desk", () => {
  it("is a person asked for", () => {
    expect(read("I need someone at the front desk, this app is not working")[0]?.type).toBe(
      "human_handoff",
    );
    expect(read("can I have somebody at reception please")[0]?.type).toBe("human_handoff");
  });
});

describe("a clock time for a part of the day", () => {
  const part = (text: string) => slotsOf(asked("move_lesson", "part_of_day", text)).part_of_day;
  it("is the part it falls in", () => {
    expect(part("about half past ten")).toBe("morning");
    expect(part("around 9:30 if possible")).toBe("morning");
    expect(part("at 4")).toBe("afternoon");
    expect(part("quarter to three")).toBe("afternoon");
    expect(part("at 7 pm")).toBe("afternoon");
    expect(part("a las cinco de la tarde")).toBe("afternoon");
  });
  it("is read in a first message too", () => {
    expect(slotsOf(read("move lesson BK-1234 to friday around 10"))).toMatchObject({
      part_of_day: "morning",
    });
  });
  it("is no count of people or things", () => {
    expect(part("for around 10 people")).toBeUndefined();
    expect(slotsOf(read("book a riding lesson for about 4 riders"))).not.toHaveProperty(
      "part_of_day",
    );
  });
});

describe("a choice asked about with 'how'", () => {
  it("is no answer, but a question about the asked slot", () => {
    expect(asked("book_lesson", "lesson", "how personal is the group one?")).toEqual([
      { type: "clarify", topic: "lesson" },
    ]);
    expect(slotsOf(asked("book_lesson", "lesson", "group please"))).toEqual({ lesson: "group" });
  });
});
