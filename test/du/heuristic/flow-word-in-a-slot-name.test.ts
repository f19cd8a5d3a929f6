import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * At a confirmation, a word of the flow's own act that qualifies a slot's name ("cancel" of
 * cancel_reason) names the request, not that slot: "no, don't cancel it" declines. The slot's
 * whole label still names it. On a small climbing gym's membership desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gym: LoadedDomain;

beforeAll(async () => {
  gym = await domainFromLines(
    [
      "slots:",
      "  member_code: { type: string, extract: digits, length: 5, prompt: 'Member number?' }",
      "  cancel_reason:",
      "    choices: [moving_away, too_expensive]",
      "    label: reason for leaving",
      "    prompt: 'Why are you leaving us?'",
      "  cancel_ok: { type: boolean }",
      "flows:",
      "  cancel_membership:",
      "    description: Cancel a membership",
      "    trigger: { intents: ['cancel my membership', 'I want to cancel my climbing pass'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: member_code }",
      "      - { step: r, type: collect, slot: cancel_reason }",
      "      - step: c",
      "        type: confirm",
      "        slot: cancel_ok",
      "        message: 'Cancel membership {member_code} ({cancel_reason})?'",
    ],
    "gym.yaml",
  );
});

const confirming = () =>
  inFlow(gym, "cancel_membership", {
    confirm: true,
    slots: { member_code: "40213", cancel_reason: "moving_away" },
  });

describe("a flow's own word in a slot's name, at its confirmation", () => {
  it("declines rather than naming the slot", () => {
    expect(du.read("nope, please don't cancel it", gym, confirming())).toEqual([{ type: "deny" }]);
  });

  it("leaves the slot named by its whole label", () => {
    expect(du.read("no, the reason for leaving is wrong", gym, confirming())).toEqual([
      { type: "deny", slot_to_change: "cancel_reason" },
    ]);
  });
});
