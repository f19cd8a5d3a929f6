import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A question whose only tie to the domain is a value it names (a harbour a boat tour leaves
 * from), with words the domain does not know, asks about something else: it starts no flow.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tours: LoadedDomain;
const read = (text: string): Command[] => du.read(text, tours, emptyState("t"));
const first = (text: string) => {
  const c = read(text)[0];
  return c?.type === "start_flow" ? c.flow : c?.type;
};

beforeAll(async () => {
  tours = await domainFromLines(
    [
      "slots:",
      "  harbour: { type: string, choices: [lisbon, porto, faro], prompt: 'Which harbour?' }",
      "  tour_day: { type: date, prompt: 'Which day?' }",
      "  seats: { type: number, prompt: 'How many seats?' }",
      "flows:",
      "  book_tour:",
      "    description: Book a boat tour",
      "    trigger: { intents: ['book a boat tour', 'a boat trip from {harbour} on {tour_day}'] }",
      "    steps:",
      "      - { step: h, type: collect, slot: harbour }",
      "      - { step: d, type: collect, slot: tour_day }",
      "      - { step: s, type: collect, slot: seats }",
    ],
    "boat-tours.yaml",
  );
});

describe("a question that only names a value", () => {
  it("is out of scope when nothing is asked", () => {
    expect(first("is the old town of Porto pretty?")).toBe("out_of_scope");
    expect(first("which museums are open in Faro")).toBe("out_of_scope");
    expect(first("¿qué tal el clima en Lisboa?")).toBe("out_of_scope");
  });

  it("still starts the flow with a flow word, a request, a date or a bare value", () => {
    expect(first("any boat tours from Porto?")).toBe("book_tour");
    expect(first("I want to go out from Faro on friday?")).toBe("book_tour");
    expect(first("Lisbon?")).toBe("book_tour");
    expect(first("Faro")).toBe("book_tour");
  });

  it("answers the question a flow asks", () => {
    const state = inFlow(tours, "book_tour", { waiting: "harbour" });
    const commands = du.read("Porto?", tours, state);
    expect(commands).toContainEqual({ type: "set_slot", slot: "harbour", value: "porto" });
  });
});
