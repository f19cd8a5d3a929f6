import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/** A bookshop, written for these tests: one flow searching titles; nothing is ever cancelled. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let books: LoadedDomain;

beforeAll(async () => {
  books = await domainFromLines(
    [
      "slots:",
      "  title: { type: string, prompt: 'Which title?' }",
      "flows:",
      "  find_title:",
      "    description: Look for a book in the catalogue",
      "    trigger: { intents: ['search', 'look for a book'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: title }",
    ],
    "books",
  );
});

describe("a cancel word in what a flow's opening phrase asks for", () => {
  it("is part of the thing asked about, not a request to cancel", () => {
    const commands = du.read("search for The Cancelled Summer", books, emptyState("t"));
    expect(startedFlows(commands)).toEqual(["find_title"]);
  });

  it("still asks to cancel when no phrase of a flow opens the message", () => {
    const commands = du.read("please cancel my book order", books, emptyState("t"));
    expect(commands).toEqual([{ type: "out_of_scope" }]);
  });
});
