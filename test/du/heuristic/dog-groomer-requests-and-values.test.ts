import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { type DialogueState, emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a dog groomer's desk: what the assistant is for, offers turned down in casual words, values
 * taken back inside an answer, bare days of the month, not coming, cancelling while changing,
 * short weekdays.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let groomer: LoadedDomain;
let bistro: LoadedDomain;
const read = (text: string, state: DialogueState = emptyState("t")): Command[] =>
  du.read(text, groomer, state);

beforeAll(async () => {
  groomer = await domainFromLines(
    [
      "slots:",
      "  service: { type: string, choices: [bath, haircut, nails], prompt: 'Which service?' }",
      "  visit_date: { type: date, prompt: 'Which day?' }",
      "  dogs: { type: number, prompt: 'How many dogs?' }",
      "  notes: { type: list, required: false, prompt: 'Anything the groomer should know?' }",
      "  visit_code: { type: string, extract: pattern, pattern: 'GR-\\d{4}', prompt: 'Your visit code?' }",
      "  visit_ok: { type: boolean }",
      "flows:",
      "  book_visit:",
      "    description: Book a grooming visit",
      "    trigger: { intents: ['book a grooming visit', 'a {service} for my dog on {visit_date}'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: service }",
      "      - { step: d, type: collect, slot: visit_date }",
      "      - { step: n, type: collect, slot: dogs }",
      "      - { step: o, type: collect, slot: notes }",
      "  move_visit:",
      "    description: Move a grooming visit to another day",
      "    trigger:",
      "      intents:",
      "        - move my visit",
      "        - change the day of visit {visit_code}",
      "        - I can't make it that day, can we change it",
      "    steps:",
      "      - { step: c, type: collect, slot: visit_code }",
      "      - { step: d, type: collect, slot: visit_date }",
      "  cancel_visit:",
      "    description: Cancel a grooming visit",
      "    trigger:",
      "      intents:",
      "        - cancel my visit",
      "        - cancel visit {visit_code}",
      "        - I won't be able to come to my visit",
      "    steps:",
      "      - { step: c, type: collect, slot: visit_code }",
      "      - { step: k, type: confirm, slot: visit_ok, message: 'Cancel {visit_code}?' }",
      "  check_visit:",
      "    description: Check how a grooming visit is going",
      "    trigger: { intents: ['is my dog ready', 'check visit {visit_code}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: visit_code }",
    ],
    "groomer.yaml",
  );
  bistro = await domainFromLines(
    [
      "slots:",
      "  dinner_day: { type: date, prompt: 'Which day?' }",
      "  diners: { type: integer, prompt: 'For how many people?' }",
      "  booker: { type: string, extract: person_name, prompt: 'Under which name?' }",
      "flows:",
      "  reserve:",
      "    description: Reserve a table for dinner",
      "    trigger: { intents: ['reserve a table', 'a table for {diners} on {dinner_day}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: dinner_day }",
      "      - { step: n, type: collect, slot: diners }",
      "      - { step: b, type: collect, slot: booker }",
      "  takeaway:",
      "    description: Order a dinner to take away",
      "    trigger: { intents: ['order dinner to take away'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: booker }",
    ],
    "bistro.yaml",
  );
});

describe("what the assistant is for", () => {
  it("reads a question about what it can do or how it works as a request for help", () => {
    expect(firstIntent(read("so what can you help me with?"))).toBe("clarify");
    expect(firstIntent(read("how does it work?"))).toBe("clarify");
    expect(firstIntent(read("necesito ayuda"))).toBe("clarify");
  });

  it("reads praise with a laugh, measured against a robot, as small talk", () => {
    expect(firstIntent(read("haha you're hilarious"))).toBe("chitchat");
    expect(firstIntent(read("lol you are quite smart for a bot"))).toBe("chitchat");
  });
});

describe("an offer turned down in casual words", () => {
  const asked = () => inFlow(groomer, "book_visit", { waiting: "notes" });

  it("skips the optional question after a refusal word and a declining phrase", () => {
    for (const text of ["nope, I'm fine thanks", "nothing in particular", "nah, nothing special"]) {
      expect(read(text, asked())).toEqual([{ type: "skip_slot", slot: "notes" }]);
    }
  });
});

describe("a value taken back inside an answer", () => {
  it("keeps the later number", () => {
    const state = inFlow(groomer, "book_visit", { waiting: "dogs" });
    expect(slotsOf(read("2, no sorry 3", state))).toEqual({ dogs: 3 });
  });

  it("keeps the later date", () => {
    const state = inFlow(groomer, "book_visit", { waiting: "visit_date" });
    expect(slotsOf(read("friday, sorry, I mean monday", state))).toEqual({
      visit_date: "2027-03-15",
    });
  });
});

describe("a day of the month said bare", () => {
  it("reads a weekday and a bare day number as that day when they agree", () => {
    const state = inFlow(groomer, "move_visit", { waiting: "visit_date" });
    expect(slotsOf(read("for the monday 15", state))).toEqual({ visit_date: "2027-03-15" });
    expect(slotsOf(read("friday 2 please", state))).toEqual({ visit_date: "2027-04-02" });
    // No Tuesday the 15th soon: the weekday alone is read.
    expect(slotsOf(read("tuesday 15", state))).toEqual({ visit_date: "2027-03-16" });
  });

  it("reads 'to the 19' or 'on the 19' closing a clause as a day of the month", () => {
    expect(slotsOf(read("please move visit GR-1234 to the 19"))).toMatchObject({
      visit_date: "2027-03-19",
    });
    expect(slotsOf(read("a bath on the 22, 2 dogs"))).toMatchObject({
      visit_date: "2027-03-22",
      dogs: 2,
    });
  });

  it("reads no day in a count", () => {
    expect(slotsOf(read("a haircut for the 2 of us on friday"))).toMatchObject({
      visit_date: "2027-03-12",
    });
    // Friday the 14th is two months ahead: "14 people" is the party, said after the day.
    expect(slotsOf(du.read("a table friday 14 people", bistro, emptyState("t")))).toEqual({
      dinner_day: "2027-03-12",
      diners: 14,
    });
  });
});

describe("not coming, then a change asked in a clause of its own", () => {
  it("moves the thing when no flow was picked and every cancel phrase is negated", () => {
    expect(firstIntent(read("I won't make it on the day I booked, can you change it"))).toBe(
      "move_visit",
    );
    expect(
      firstIntent(read("we can't come the day we booked the haircut, could you change it")),
    ).toBe("move_visit");
  });
});

describe("a clause that asks for something not to be done", () => {
  it("names what is not wanted: the other clauses' flow is meant", () => {
    expect(
      firstIntent(
        read(
          "sorry, I'm not going to be able to bring her, cancel it please, don't book me another day",
        ),
      ),
    ).toBe("cancel_visit");
  });

  it("leaves a refusal that is itself the request alone", () => {
    expect(firstIntent(read("don't want the visit anymore, cancel GR-1234"))).toBe("cancel_visit");
    expect(firstIntent(read("please move visit GR-1234 to friday, don't cancel it"))).toBe(
      "move_visit",
    );
  });
});

describe("cancelling the thing while changing it", () => {
  const moving = () =>
    inFlow(groomer, "move_visit", { waiting: "visit_date", slots: { visit_code: "GR-1234" } });
  const switched = [
    { type: "cancel_flow" },
    { type: "start_flow", flow: "cancel_visit" },
    { type: "set_slot", slot: "visit_code", value: "GR-1234" },
  ];

  it("starts the flow that cancels, with the code named", () => {
    expect(read("hmm no, just cancel GR-1234", moving())).toEqual(switched);
  });

  it("starts it with the code held when the whole thing is cancelled", () => {
    expect(read("no, cancel it altogether", moving())).toEqual(switched);
  });

  it("leaves a plain cancel, and a code of another thing, to the other rules", () => {
    expect(read("cancel", moving())).toEqual([{ type: "cancel_flow" }]);
    const booking = inFlow(groomer, "book_visit", { waiting: "dogs" });
    expect(read("actually first cancel GR-1234", booking)[0]).not.toEqual({
      type: "cancel_flow",
    });
  });
});

describe("short weekdays and counts in a story", () => {
  it("reads a short weekday that is also a word after 'for' or before a day", () => {
    expect(slotsOf(read("a bath for sat, 2 dogs"))).toMatchObject({
      visit_date: "2027-03-13",
      dogs: 2,
    });
    expect(slotsOf(read("a haircut on sat the 20th"))).toMatchObject({
      visit_date: "2027-03-20",
    });
  });

  it("keeps a count of people said in a long story", () => {
    const commands = du.read(
      "Hey! My brother gets back from abroad on March 20 and I'd like to welcome him with a meal at your restaurant, just the two of us. Could you hold a table under Ann Lee?",
      bistro,
      emptyState("t"),
    );
    expect(slotsOf(commands)).toMatchObject({ dinner_day: "2027-03-20", diners: 2 });
  });
});

describe("asking after a thing that has not come", () => {
  it("reads 'still nothing' and 'coming or not' as a look-up", () => {
    expect(firstIntent(read("dropped him off 3 hours ago and still nothing, visit GR-1234"))).toBe(
      "check_visit",
    );
  });
});
