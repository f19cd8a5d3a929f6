import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/**
 * A word typed with an inflection ("stands", "standing", "premiums") is a whole word of its
 * own, no clipped choice ("standard", "premium"); a clipped word as typed still is ("stand"
 * alone would be read by other readings, "premi" is too short, "standa" opens it). A parking
 * firm's permit desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let parking: LoadedDomain;

beforeAll(async () => {
  parking = await domainFromLines(
    [
      "slots:",
      "  permit: { choices: [standardised, premiership], label: permit }",
      "flows:",
      "  renew_permit:",
      "    description: Renew your parking permit",
      "    trigger: { intents: ['renew my {permit} permit', 'renew my permit'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: permit }",
    ],
    "parking.yaml",
  );
});

const read = (text: string) => readValues(du.read(text, parking, emptyState("t")));

describe("an inflected word", () => {
  it("is no clipped choice", () => {
    expect(read("renew my permit, where my account stands now")).not.toHaveProperty("permit");
    expect(read("renew my permit, it's standing in the street")).not.toHaveProperty("permit");
  });
  it("a clipped word as typed still is", () => {
    expect(read("renew my standard permit")).toEqual({ permit: "standardised" });
    expect(read("renew my premier permit")).toEqual({ permit: "premiership" });
  });
});
