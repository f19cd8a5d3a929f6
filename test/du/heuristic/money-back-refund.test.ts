import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/** Asking for the money back gives a purchase up, as a refund does: a concert box office. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tickets: LoadedDomain;
const read = (text: string) => du.read(text, tickets, emptyState("t"));

beforeAll(async () => {
  tickets = await domainFromLines(
    [
      "flows:",
      "  return_ticket:",
      "    description: Hand back a concert ticket",
      "    trigger: { intents: ['I want a refund for my ticket', 'return my concert ticket'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Done.' }",
      "  buy_ticket:",
      "    description: Buy a concert ticket",
      "    trigger: { intents: ['buy a ticket for the concert', 'I want two tickets'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Done.' }",
    ],
    "tickets.yaml",
  );
});

describe("money back", () => {
  it("asks for a refund", () => {
    expect(startedFlows(read("how can I get my money back for the show"))).toEqual([
      "return_ticket",
    ]);
  });
});
