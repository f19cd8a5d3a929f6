import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/** "just" or "only" before one of several values of the asked slot settles on it: a car wash. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let wash: LoadedDomain;
const answer = (text: string) =>
  slotsOf(du.read(text, wash, inFlow(wash, "book_wash", { waiting: "programme" })));

beforeAll(async () => {
  wash = await domainFromLines(
    [
      "slots:",
      "  programme: { type: string, choices: [rinse, wax], prompt: 'Rinse or wax?',",
      "               synonyms: { rinse: [rinse, quick rinse], wax: [wax, waxing, polish] } }",
      "flows:",
      "  book_wash:",
      "    description: Book a car wash",
      "    trigger: { intents: ['book a car wash'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: programme }",
    ],
    "wash.yaml",
  );
});

describe("'just' settles on one of several values", () => {
  it("said first, the other told about after", () => {
    expect(answer("just rinse it, the polish is still fine")).toEqual({ programme: "rinse" });
  });
  it("said last, as before", () => {
    expect(answer("no wax today, just a quick rinse")).toEqual({ programme: "rinse" });
  });
  it("two values and no 'just' stay open", () => {
    expect(answer("rinse or wax, not sure")).toEqual({});
  });
});
