import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { type DialogueState, emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlow } from "../helpers.ts";

/** A comedy-club domain (today is Wednesday 2027-03-10): two flows take a day and a venue. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let clubs: LoadedDomain;

beforeAll(async () => {
  clubs = await domainFromLines(
    [
      "slots:",
      "  venue: { type: string, choices: [leeds, york], prompt: 'Which club?' }",
      "  gig_day: { type: date, prompt: 'Which day?' }",
      "  seats: { type: integer, prompt: 'How many seats?' }",
      "actions:",
      "  list: { inputs: [venue, gig_day] }",
      "  buy: { inputs: [gig_day, seats] }",
      "flows:",
      "  whats_on:",
      "    description: See which comedy gigs are on at a club",
      "    trigger: { intents: ['what gigs are on', 'gigs in {venue}', 'comedy on {gig_day}'] }",
      "    steps:",
      "      - { step: v, type: collect, slot: venue }",
      "      - { step: d, type: collect, slot: gig_day }",
      "      - { step: go, type: action, action: list }",
      "  buy_seats:",
      "    description: Buy seats for a comedy gig",
      "    trigger: { intents: ['buy seats for a gig', 'gig seats on {gig_day}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: gig_day }",
      "      - { step: n, type: collect, slot: seats }",
      "      - { step: go, type: action, action: buy }",
    ],
    "clubs.yaml",
  );
});

/** The state after the assistant asked which of `flows` the message `text` meant. */
function clarified(text: string, flows: string[]): DialogueState {
  const state = emptyState("t");
  state.last_turn = {
    turn: 1,
    at: "2027-03-10T12:00:00Z",
    user_message: text,
    commands: [{ type: "clarify", flows }],
    steps: [],
    messages: [],
  };
  return state;
}

describe("picking a flow a clarification offered", () => {
  const offered = ["whats_on", "buy_seats"];
  const pick = (first: string, text: string): Command[] =>
    du.read(text, clubs, clarified(first, offered));

  it("keeps the values the clarified message gave the flow picked", () => {
    const commands = pick("any gig on friday?", "in york");
    expect(startedFlow(commands)).toBe("whats_on");
    expect(readValues(commands)).toEqual({ venue: "york", gig_day: "2027-03-12" });
  });

  it("lets the pick's own value win over the earlier one", () => {
    const commands = pick("any gig on friday?", "york on saturday");
    expect(readValues(commands)).toEqual({ venue: "york", gig_day: "2027-03-13" });
  });
});
