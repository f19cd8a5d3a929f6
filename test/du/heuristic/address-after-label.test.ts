import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/** A furniture shop that collects old sofas at an address. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let sofas: LoadedDomain;

beforeAll(async () => {
  sofas = await domainFromLines(
    [
      "slots:",
      "  pickup_address: { extract: address, prompt: 'Where do we collect it?' }",
      "actions:",
      "  collect: { inputs: [pickup_address] }",
      "flows:",
      "  collect_sofa:",
      "    description: Collect an old sofa from home",
      "    trigger: { intents: ['collect my old sofa', 'pick up the sofa from {pickup_address}'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: pickup_address }",
      "      - { step: go, type: action, action: collect }",
    ],
    "sofas.yaml",
  );
});

describe("an address after a label and a colon", () => {
  it("starts after the colon", () => {
    const commands = du.read(
      "please collect my old sofa from my flat: 4 Elm Road, Leeds",
      sofas,
      emptyState("t"),
    );
    expect(readValues(commands)).toEqual({ pickup_address: "4 Elm Road, Leeds" });
  });
});
