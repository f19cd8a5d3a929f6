import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/** A coach-line domain: book a coach between two towns, or ask where a coach is. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let coaches: LoadedDomain;

beforeAll(async () => {
  coaches = await domainFromLines(
    [
      "slots:",
      "  from_town: { type: string, choices: [york, leeds, hull], prompt: 'From which town?' }",
      "  to_town: { type: string, choices: [york, leeds, hull], prompt: 'To which town?' }",
      "  coach_number: { type: string, extract: pattern, pattern: 'CX\\d{3}', prompt: 'Which coach?' }",
      "actions:",
      "  book: { inputs: [from_town, to_town] }",
      "  where: { inputs: [coach_number] }",
      "flows:",
      "  book_coach:",
      "    description: Book a coach seat",
      "    trigger: { intents: ['book a coach from {from_town} to {to_town}', 'a coach ticket to {to_town}'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: from_town }",
      "      - { step: t, type: collect, slot: to_town }",
      "      - { step: go, type: action, action: book }",
      "  coach_status:",
      "    description: Whether a coach has arrived or is late",
      "    trigger: { intents: ['has {coach_number} arrived', 'is the coach to {to_town} late', 'is coach {coach_number} on time'] }",
      "    steps:",
      "      - { step: n, type: collect, slot: coach_number }",
      "      - { step: go, type: action, action: where }",
    ],
    "coaches.yaml",
  );
});

describe("a message whose parts only give values", () => {
  it("is one request when the whole message is plainly one part's", () => {
    const commands = du.read(
      "has the coach from Leeds got in? it's CX214",
      coaches,
      emptyState("t"),
    );
    expect(startedFlows(commands)).toEqual(["coach_status"]);
  });
});
