import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues } from "../helpers.ts";

/** A climbing gym with two halls, one named after a district ("Gracia"), one after a street. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let climbing: LoadedDomain;

beforeAll(async () => {
  climbing = await domainFromLines(
    [
      "slots:",
      "  sala:",
      "    type: string",
      "    prompt: '¿En qué sala?'",
      "    choices: [sala_norte, sala_sur]",
      "    synonyms: { sala_norte: [gracia, la de gracia], sala_sur: [sants, thank street] }",
      "  pies: { type: integer, prompt: '¿Qué pie calzas?' }",
      "actions:",
      "  alquilar: { inputs: [sala, pies] }",
      "flows:",
      "  alquiler_pies_de_gato:",
      "    description: Alquilar pies de gato en una sala",
      "    trigger: { intents: ['quiero alquilar pies de gato', 'rent climbing shoes'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: sala }",
      "      - { step: p, type: collect, slot: pies }",
      "      - { step: go, type: action, action: alquilar }",
    ],
    "climbing.yaml",
  );
});

describe("thanks beside a synonym one letter away", () => {
  const asked = () => inFlow(climbing, "alquiler_pies_de_gato", { waiting: "sala" });

  it("is thanks, no choice", () => {
    expect(readValues(du.read("muchas gracias", climbing, asked()))).toEqual({});
    expect(readValues(du.read("ok thanks", climbing, asked()))).toEqual({});
  });

  it("leaves the synonym itself read", () => {
    expect(readValues(du.read("la de gracia, gracias", climbing, asked()))).toEqual({
      sala: "sala_norte",
    });
  });
});
