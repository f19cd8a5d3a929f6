import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * Requests in other words, on a small cloud storage service: going past a limit is going over
 * it, dropping down to a tier changes the subscription (no cancel of it), someone who "deals
 * with" the account is no deal, and an "actual person" is a human.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let storage: LoadedDomain;

beforeAll(async () => {
  storage = await domainFromLines(
    [
      "slots:",
      "  tier:",
      "    type: string",
      "    choices: [starter, family, business]",
      "    synonyms: { starter: [smallest], business: [biggest] }",
      "vocabulary:",
      "  synonyms:",
      "    subscription: [subscription, deal, package]",
      "flows:",
      "  check_space:",
      "    description: Check how much storage space is left",
      "    trigger: { intents: ['how much space is left', 'did I go over my storage limit'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'You have 20 GB left.' }",
      "  change_subscription:",
      "    description: Change the storage subscription",
      "    trigger: { intents: ['change my subscription', 'switch to the {tier} subscription'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: tier }",
      "  cancel_subscription:",
      "    description: Cancel the storage subscription",
      "    trigger: { intents: ['cancel my subscription'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Cancelled.' }",
      "  check_invoice:",
      "    description: Check the latest invoice",
      "    trigger: { intents: ['what do I owe this month', 'how much is my invoice'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'You owe 4 EUR.' }",
    ],
    "storage.yaml",
  );
});

const open = (text: string) => du.read(text, storage, emptyState("t"));

describe("requests in other words", () => {
  it("reads going past a limit as going over it", () => {
    expect(startedFlow(open("did we go past the storage limit? an email said so"))).toBe(
      "check_space",
    );
  });

  it("reads dropping down to a tier as a change", () => {
    expect(startedFlow(open("could we drop down to the smallest subscription?"))).toBe(
      "change_subscription",
    );
  });

  it("reads someone dealing with the account as no deal", () => {
    expect(startedFlow(open("my husband deals with all this, what do we owe?"))).toBe(
      "check_invoice",
    );
  });

  it("reads an actual person as a human", () => {
    expect(open("I want an actual person please")).toMatchObject([{ type: "human_handoff" }]);
  });
});
