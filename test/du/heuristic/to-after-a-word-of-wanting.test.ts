import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/** A coach company, written for these tests: two towns as plain text, told apart by cues. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let coaches: LoadedDomain;

beforeAll(async () => {
  coaches = await domainFromLines(
    [
      "slots:",
      "  from_town: { type: string, prompt: 'Which town are you leaving from?' }",
      "  to_town: { type: string, prompt: 'Which town are you going to?' }",
      "flows:",
      "  book_coach:",
      "    description: Book a coach seat",
      "    trigger: { intents: ['book a coach seat', 'coach from {from_town} to {to_town}'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: from_town }",
      "      - { step: t, type: collect, slot: to_town }",
    ],
    "coaches",
  );
});

describe('"to" after a word of wanting', () => {
  it("marks the verb after it, and a later 'to' gives the place", () => {
    const commands = du.read(
      "hello, I need to travel from Leeds to York",
      coaches,
      emptyState("t"),
    );
    expect(startedFlows(commands)).toEqual(["book_coach"]);
    expect(readValues(commands)).toEqual({ from_town: "Leeds", to_town: "York" });
  });

  it("leaves the destination unsaid when no later 'to' names one", () => {
    const commands = du.read("we need to travel by coach from Hull", coaches, emptyState("t"));
    expect(readValues(commands)).toEqual({ from_town: "Hull" });
  });

  it("still reads a capitalised place right after it", () => {
    const commands = du.read("book a coach seat, I want to Durham", coaches, emptyState("t"));
    expect(readValues(commands)).toMatchObject({ to_town: "Durham" });
  });
});
