import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A gym asking for the membership number printed on the card, in Spanish. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gym: LoadedDomain;

beforeAll(async () => {
  gym = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  numero_socio:",
      "    type: string",
      "    extract: pattern",
      "    pattern: 'SO-\\d{4}'",
      "    prompt: '¿Cuál es tu número de socio? Viene en la tarjeta.'",
      "actions:",
      "  baja: { inputs: [numero_socio] }",
      "flows:",
      "  darse_de_baja:",
      "    description: Darse de baja del gimnasio",
      "    trigger: { intents: ['quiero darme de baja del gimnasio'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: numero_socio }",
      "      - { step: go, type: action, action: baja }",
    ],
    "gimnasio.yaml",
  );
});

const asked = () => inFlow(gym, "darse_de_baja", { waiting: "numero_socio" });

describe("not finding what was asked, in Spanish, asks how to answer", () => {
  it.each([
    "no lo encuentro",
    "no encuentro la tarjeta",
    "uf, no la veo por ningún lado",
    "no consigo encontrarlo",
    "pues no lo localizo",
  ])("%s", (text) => {
    expect(du.read(text, gym, asked())).toEqual([{ type: "clarify", topic: "numero_socio" }]);
  });
});
