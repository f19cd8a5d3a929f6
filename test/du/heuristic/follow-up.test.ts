import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { type DialogueState, emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * A follow-up naming only a new value of the flow that just ended runs it again with that
 * value, even when the value's words are also another flow's, on a small wallet domain.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let wallets: LoadedDomain;
const read = (text: string, state: DialogueState): Command[] => du.read(text, wallets, state);

beforeAll(async () => {
  wallets = await domainFromLines(
    [
      "slots:",
      "  pocket: { type: string, choices: [daily, travel], prompt: 'Which wallet?' }",
      "  sum: { type: float, prompt: 'How much?' }",
      "flows:",
      "  wallet_total:",
      "    description: Say what is left in a wallet",
      "    trigger: { intents: ['how much is left in my wallet'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pocket }",
      "      - { step: s, type: say, message: 'Plenty.' }",
      "  top_up:",
      "    description: Put money into a wallet",
      "    trigger: { intents: ['top up my wallet', 'add {sum} to my {pocket} wallet'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pocket }",
      "      - { step: a, type: collect, slot: sum }",
    ],
    "wallets.yaml",
  );
});

function afterTotal(): DialogueState {
  const state = emptyState("t");
  state.turn_count = 3;
  state.recent_flow = {
    flow: "wallet_total",
    slots: { pocket: "daily" },
    turn: 2,
    declined: false,
  };
  return state;
}

describe("follow-ups of the last request", () => {
  it("runs the last flow again with the value the follow-up names", () => {
    const again = [
      { type: "start_flow", flow: "wallet_total" },
      { type: "set_slot", slot: "pocket", value: "travel" },
    ];
    expect(read("and in my travel wallet?", afterTotal())).toEqual(again);
    expect(read("what about the travel one", afterTotal())).toEqual(again);
  });

  it("leaves requests of their own and messages without a new value alone", () => {
    expect(read("and top up my travel wallet", afterTotal())[0]).toEqual({
      type: "start_flow",
      flow: "top_up",
    });
    expect(read("and in my daily wallet?", afterTotal())).not.toContainEqual({
      type: "start_flow",
      flow: "wallet_total",
    });
    expect(read("and in my travel wallet?", emptyState("t"))).not.toEqual([
      { type: "start_flow", flow: "wallet_total" },
      { type: "set_slot", slot: "pocket", value: "travel" },
    ]);
  });
});
