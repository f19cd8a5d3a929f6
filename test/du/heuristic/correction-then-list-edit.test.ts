import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * At the summary, a correction followed by a clause that adds to a list ("make it 4 of us, and
 * add the wine pairing"): both are read. On a small tasting-menu booking.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let dinner: LoadedDomain;

beforeAll(async () => {
  dinner = await domainFromLines(
    [
      "slots:",
      "  diners:",
      "    type: integer",
      "    prompt: 'How many diners?'",
      "  courses:",
      "    type: list",
      "    required: false",
      "    choices: [wine_pairing, cheese_board, dessert]",
      "    prompt: 'Anything extra: wine pairing, cheese board or dessert?'",
      "  ok: { type: boolean }",
      "flows:",
      "  book_dinner:",
      "    description: Book the tasting menu",
      "    trigger: { intents: ['book the tasting menu'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: diners }",
      "      - { step: c, type: collect, slot: courses }",
      "      - { step: k, type: confirm, slot: ok, message: 'Book it?' }",
    ],
    "dinner.yaml",
  );
});

const atSummary = (courses: string[] | null) =>
  inFlow(dinner, "book_dinner", { confirm: true, slots: { diners: 2, courses } });

describe("a correction, then a list added to", () => {
  it("reads both when the list was left empty", () => {
    const got = du.read("oh, we'll be 4 people, and can you add dessert", dinner, atSummary(null));
    expect(got).toEqual([
      { type: "correct_slot", slot: "diners", value: 4 },
      { type: "correct_slot", slot: "courses", value: ["dessert"] },
    ]);
  });

  it("keeps the items held", () => {
    const got = du.read(
      "actually 3 diners and add the cheese board too",
      dinner,
      atSummary(["dessert"]),
    );
    expect(got).toEqual([
      { type: "correct_slot", slot: "diners", value: 3 },
      { type: "correct_slot", slot: "courses", value: ["dessert", "cheese_board"] },
    ]);
  });

  it("reads the correction alone when nothing is added", () => {
    const got = du.read("sorry, 5 people", dinner, atSummary(null));
    expect(got).toEqual([{ type: "correct_slot", slot: "diners", value: 5 }]);
  });
});
