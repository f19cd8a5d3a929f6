import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * While one flow asks a question: cancelling a thing set apart from it ("my other lesson")
 * asks for the cancelling flow, not to drop this one; dropping this one to ask for another
 * ("forget the surf lesson, I'd rather rent a board") starts that one. On a small surf school.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let surf: LoadedDomain;

beforeAll(async () => {
  surf = await domainFromLines(
    [
      "slots:",
      "  lesson_day: { type: date, prompt: 'Which day?' }",
      "  booking_ref: { type: string, extract: pattern, pattern: 'SL-\\\\d{4}' }",
      "  board: { type: string, choices: [longboard, shortboard] }",
      "flows:",
      "  book_lesson:",
      "    description: Book a surf lesson",
      "    trigger: { intents: ['book a surf lesson', 'I want a lesson'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: lesson_day }",
      "  cancel_lesson:",
      "    description: Cancel a lesson booking",
      "    trigger: { intents: ['cancel my lesson', 'cancel booking {booking_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: booking_ref }",
      "  rent_board:",
      "    description: Rent a surfboard",
      "    trigger: { intents: ['rent a board', 'I want to hire a {board}'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: board }",
    ],
    "surf.yaml",
  );
});

const read = (text: string) =>
  du.read(text, surf, inFlow(surf, "book_lesson", { waiting: "lesson_day" }));

describe("cancelling while a flow asks", () => {
  it("asks for the cancelling flow when the thing is another one", () => {
    expect(read("oh wait, I need to cancel my other lesson first")).toEqual([
      { type: "start_flow", flow: "cancel_lesson" },
    ]);
  });

  it("starts the flow asked for after dropping this one", () => {
    expect(read("forget the surf lesson, I'd rather rent a board")).toEqual([
      { type: "cancel_flow" },
      { type: "start_flow", flow: "rent_board" },
    ]);
  });

  it("still drops this one alone", () => {
    expect(read("forget the lesson")).toEqual([{ type: "cancel_flow" }]);
    expect(read("forget it, I'll book another day")).toEqual([{ type: "cancel_flow" }]);
  });
});
