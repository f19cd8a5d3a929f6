import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * On a small leisure centre: "is the sauna open on sunday?" asks whether a thing is so, about
 * the opening hours, though the booking flow takes both its values; asked as a request ("can I
 * book the sauna on sunday?") it is still a booking.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let centre: LoadedDomain;

beforeAll(async () => {
  centre = await domainFromLines(
    [
      "slots:",
      "  facility:",
      "    type: string",
      "    choices: [sauna, squash_court]",
      "    prompt: 'Which facility?'",
      "  session_day: { type: date, prompt: 'Which day?' }",
      "flows:",
      "  book_session:",
      "    description: Book a session at a facility",
      "    trigger:",
      "      intents:",
      "        - book the {facility} for {session_day}",
      "        - reserve a session",
      "        - I want to book a session on {session_day}",
      "        - '{facility} on {session_day} please'",
      "        - a slot in the {facility} {session_day}",
      "        - '{facility} {session_day}'",
      "    steps:",
      "      - { step: f, type: collect, slot: facility }",
      "      - { step: d, type: collect, slot: session_day }",
      "  opening_hours:",
      "    description: Tell the opening hours",
      "    trigger:",
      "      intents:",
      "        - what are your opening hours",
      "        - when are you open",
      "        - what time do you close in the evening",
      "        - what are the times on bank holidays",
      "    steps:",
      "      - { step: s, type: say, message: 'We open at 7.' }",
      "  facility_rules:",
      "    description: What to bring to a facility",
      "    trigger: { intents: ['what do I need to bring to the {facility}'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: facility }",
      "  move_session:",
      "    description: Move a session to another day",
      "    trigger: { intents: ['move my session to {session_day}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: session_day }",
    ],
    "centre.yaml",
  );
});

describe("whether a thing is open", () => {
  it("is a question about the hours", () => {
    expect(du.read("is the sauna open on sunday?", centre, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "opening_hours" },
    ]);
  });

  it("leaves a request to book a booking", () => {
    expect(du.read("can I book the sauna on sunday?", centre, emptyState("t"))[0]).toEqual({
      type: "start_flow",
      flow: "book_session",
    });
  });
});
