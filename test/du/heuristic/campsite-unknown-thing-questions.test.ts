import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent } from "../helpers.ts";

/** Questions about things a campsite's assistant has no word for. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let campsite: LoadedDomain;
const read = (text: string): Command[] => du.read(text, campsite, emptyState("t"));

beforeAll(async () => {
  campsite = await domainFromLines(
    [
      "slots:",
      "  site: { type: string, choices: [riverside, hilltop, forest], prompt: 'Which campsite?' }",
      "  arrival: { type: date, prompt: 'Which day do you arrive?' }",
      "  tents: { type: number, prompt: 'How many tents?' }",
      "flows:",
      "  book_pitch:",
      "    description: Book a pitch at a campsite",
      "    trigger: { intents: ['book a pitch', 'a pitch at {site} campsite for {tents} tents'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: site }",
      "      - { step: a, type: collect, slot: arrival }",
      "      - { step: t, type: collect, slot: tents }",
    ],
    "campsite.yaml",
  );
});

describe("a question about a thing the domain has no word for", () => {
  it("is out of scope, whatever place it names", () => {
    for (const text of [
      "is there a swimming pool at the campsite",
      "do you sell fishing licences for the riverside?",
      "can you recommend a nice pub near the forest campsite",
    ]) {
      expect(firstIntent(read(text)), text).toBe("out_of_scope");
    }
  });
  it("still books when the thing is the domain's, or a date or a count is given", () => {
    for (const text of [
      "do you have a pitch at hilltop?",
      "is there anything free at riverside on friday",
      "do you have space for 3 tents on saturday",
    ]) {
      expect(firstIntent(read(text)), text).toBe("book_pitch");
    }
  });
});
