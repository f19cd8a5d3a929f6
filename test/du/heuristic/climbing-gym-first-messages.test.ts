import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, slotsOf } from "../helpers.ts";

/**
 * First messages to a climbing gym's assistant: how it is used, a request said as an obligation in
 * a story, an act not wanted, what has been used.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gym: LoadedDomain;
const read = (text: string): Command[] => du.read(text, gym, emptyState("t"));

beforeAll(async () => {
  gym = await domainFromLines(
    [
      "slots:",
      "  booking_code: { type: string, extract: pattern, pattern: 'GY-\\d{5}', prompt: 'Which booking?' }",
      "  class_day: { type: date, prompt: 'Which day?' }",
      "flows:",
      "  book_class:",
      "    description: Book a climbing class",
      "    trigger: { intents: ['book a class', 'a class on {class_day}'] }",
      "    steps: [{ step: d, type: collect, slot: class_day }]",
      "  move_class:",
      "    description: Move a class booking to another day",
      "    trigger: { intents: ['change the day of my class', 'move booking {booking_code} to {class_day}', 'I need to come on another day'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: booking_code }",
      "      - { step: d, type: collect, slot: class_day }",
      "  cancel_class:",
      "    description: Cancel a class booking",
      "    trigger: { intents: ['cancel my class', 'cancel booking {booking_code}'] }",
      "    steps: [{ step: c, type: collect, slot: booking_code }]",
      "  check_credits:",
      "    description: See how many class credits were used",
      "    trigger: { intents: ['how much of my credit have I used', 'check my credit'] }",
      "    steps: [{ step: s, type: say, message: 'You have 3 left.' }]",
    ],
    "gym.yaml",
  );
});

describe("asking how the assistant is used", () => {
  it("is a request for help", () => {
    for (const text of ["how does this work", "what kind of things can you help me with"]) {
      expect(firstIntent(read(text)), text).toBe("clarify");
    }
  });
});

describe("a request said as an obligation inside a story", () => {
  it("starts the flow of the clause that says what must be done", () => {
    const commands = read(
      "Unfortunately my knee has been acting up since the marathon so we have to call off our session on friday. The reference is GY-12345. Sorry for the trouble.",
    );
    expect(firstIntent(commands)).toBe("cancel_class");
    expect(slotsOf(commands)).toEqual({ booking_code: "GY-12345" });
  });
});

describe("an act said not to be wanted", () => {
  it("leaves that act's flow out when two flows take the message's values", () => {
    const commands = read("I do not want to cancel it, only move it: GY-12345, new date march 20");
    expect(firstIntent(commands)).toBe("move_class");
  });
});

describe("what has been used, said in other words", () => {
  it("reads 'burned through' as used", () => {
    expect(firstIntent(read("how many credits have I burned through so far"))).toBe(
      "check_credits",
    );
  });
});
