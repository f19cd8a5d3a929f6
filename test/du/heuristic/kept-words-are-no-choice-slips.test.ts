import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * A word the language pack keeps from typo correction (`keepWords`: "pedido") is no slip of a
 * choice one letter away ("perdido") either: a shop's claim flow takes the kind of problem.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  problema: { type: string, prompt: '¿Qué ha pasado?', choices: [perdido, roto] }",
      "actions:",
      "  reclamar: { inputs: [problema] }",
      "flows:",
      "  reclamacion:",
      "    description: Reclamar por un envío",
      "    trigger: { intents: ['quiero poner una reclamación', 'mi envío ha llegado {problema}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: problema }",
      "      - { step: go, type: action, action: reclamar }",
    ],
    "tienda.yaml",
  );
});

describe("a kept word beside a choice one letter away", () => {
  it("is not read as the choice", () => {
    const said = du.read("quiero poner una reclamación por mi pedido", shop, emptyState("t"));
    expect(said).toEqual([{ type: "start_flow", flow: "reclamacion" }]);
  });

  it("leaves the choice itself and its slips read", () => {
    const said = du.read(
      "quiero poner una reclamación, el envío se ha perdio",
      shop,
      emptyState("t"),
    );
    expect(said).toContainEqual({ type: "set_slot", slot: "problema", value: "perdido" });
  });
});
