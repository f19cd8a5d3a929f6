import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * A trigger phrase that tells what the user did before ("I filed a claim and heard nothing")
 * is no match for the same verb said as a request ("I'd like to file a claim"): an insurer's
 * desk that files claims and follows them up.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let desk: LoadedDomain;
const started = (text: string) => startedFlow(du.read(text, desk, emptyState("t")));

beforeAll(async () => {
  desk = await domainFromLines(
    [
      "slots:",
      "  insured: { type: string, choices: [car, house], prompt: 'For what?' }",
      "  claim_ref: { type: string, prompt: 'Which claim?' }",
      "flows:",
      "  new_claim:",
      "    description: Open an insurance claim",
      "    trigger: { intents: ['file a claim for my {insured}', 'my {insured} was damaged'] }",
      "    steps:",
      "      - { step: i, type: collect, slot: insured }",
      "  follow_claim:",
      "    description: Follow up an open claim",
      "    trigger:",
      "      intents: ['I filed a claim weeks ago and heard nothing', 'where is my claim at']",
      "    steps:",
      "      - { step: r, type: collect, slot: claim_ref }",
    ],
    "claims.yaml",
  );
});

describe("a phrase told in the past matches only a past", () => {
  it("the verb asked for goes to the flow that does it", () => {
    expect(started("hello, I'd like to file a claim please")).toBe("new_claim");
    expect(started("can you file a claim")).toBe("new_claim");
  });
  it("the verb told in the past still goes to the follow-up", () => {
    expect(started("I filed a claim weeks ago and heard nothing back")).toBe("follow_claim");
  });
});
