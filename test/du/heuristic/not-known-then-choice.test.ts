import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "No sé / ni idea" opening an answer to a question of choices asks for help, unless a later
 * clause names one of the choices: then what is not known is something else. On a small
 * bicycle repair shop, in Spanish and in English.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  averia:",
      "    choices: [pinchazo, frenos]",
      "    synonyms: { pinchazo: [rueda pinchada, se desinfla], frenos: [no frena, brakes fail] }",
      "    prompt: 'Is it a puncture or the brakes?'",
      "flows:",
      "  reparar_bici:",
      "    description: Repair a bicycle",
      "    trigger: { intents: ['repair my bike'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: averia }",
    ],
    "bikes.yaml",
  );
});

const asked = () => inFlow(shop, "reparar_bici", { waiting: "averia" });

describe("not knowing, then a choice", () => {
  it("gives the choice named after the not knowing", () => {
    const text = "ni idea de qué le pasa, la rueda se desinfla sola";
    expect(du.read(text, shop, asked())).toEqual([
      { type: "set_slot", slot: "averia", value: "pinchazo" },
    ]);
    expect(du.read("no idea why, the brakes fail", shop, asked())).toEqual([
      { type: "set_slot", slot: "averia", value: "frenos" },
    ]);
  });

  it("still asks for help when no choice is named", () => {
    expect(du.read("ni idea", shop, asked())).toEqual([{ type: "clarify", topic: "averia" }]);
  });
});
