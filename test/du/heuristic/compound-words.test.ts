import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent } from "../helpers.ts";

/**
 * A trigger word written as one word ("signup") said as two ("sign up"), and the reverse, on a
 * small members' club domain.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let club: LoadedDomain;
const started = (text: string) => firstIntent(du.read(text, club, emptyState("t")));

beforeAll(async () => {
  club = await domainFromLines(
    [
      "slots:",
      "  tier: { type: string, choices: [bronze, silver], prompt: 'Which tier?' }",
      "  member_no: { type: string, extract: digits, prompt: 'Your member number?' }",
      "flows:",
      "  join_club:",
      "    description: Become a member",
      "    trigger: { intents: ['signup'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: tier }",
      "  enter_portal:",
      "    description: Open the members' portal",
      "    trigger: { intents: ['log in to the portal'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: member_no }",
    ],
    "club.yaml",
  );
});

describe("trigger words run together or split", () => {
  it("reads two words typed apart as the trigger's one word", () => {
    expect(started("let's sign up")).toBe("join_club");
    expect(started("i would like to sign up please")).toBe("join_club");
  });

  it("reads one word typed together as the trigger's two words", () => {
    expect(started("i need to login")).toBe("enter_portal");
  });
});
