import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A bike repair shop in Spanish: thanks, a question about what it does, and a pause. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  ticket:",
      "    type: string",
      "    extract: pattern",
      "    pattern: 'BK-\\\\d{4}'",
      "actions:",
      "  ver: { inputs: [ticket] }",
      "flows:",
      "  estado_bici:",
      "    description: Saber cómo va la reparación de la bici",
      "    trigger: { intents: ['cómo va mi bici', 'estado de la reparación {ticket}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: ticket }",
      "      - { step: go, type: action, action: ver }",
    ],
    "bikes.yaml",
  );
});

describe("Spanish small talk and help", () => {
  it("reads warm thanks as thanks", () => {
    const said = du.read("muchísimas gracias, muy amables", shop, emptyState("t"));
    expect(said).toMatchObject([{ type: "chitchat", kind: "thanks" }]);
  });

  it("reads what can be handled here as help", () => {
    const said = du.read("¿qué cosas puedo gestionar por aquí?", shop, emptyState("t"));
    expect(said).toEqual([{ type: "clarify" }]);
  });

  it("reads a pause joined by 'que' to a look for the answer", () => {
    const said = du.read(
      "espera que lo busco",
      shop,
      inFlow(shop, "estado_bici", { waiting: "ticket" }),
    );
    expect(said).toMatchObject([{ type: "chitchat", kind: "wait" }]);
  });
});
