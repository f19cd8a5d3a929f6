import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Spanish "que" opening a clause after a comma gives a reason ("la mañana, que por la tarde
 * trabajo"): of two choices said, the one in that clause is not the answer. On a small
 * hairdresser's in Spanish.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let salon: LoadedDomain;

beforeAll(async () => {
  salon = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  franja:",
      "    choices: [manana, tarde]",
      "    synonyms: { manana: [mañana, la mañana], tarde: [la tarde, tardes] }",
      "    prompt: '¿Por la mañana o por la tarde?'",
      "flows:",
      "  pedir_cita:",
      "    description: Pedir cita en la peluquería",
      "    trigger: { intents: ['quiero pedir cita'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: franja }",
    ],
    "salon.yaml",
  );
});

const answer = (text: string) =>
  du.read(text, salon, inFlow(salon, "pedir_cita", { waiting: "franja" }));

describe("a reason opened by 'que' after a comma", () => {
  it("leaves the choice it names out of the answer", () => {
    expect(answer("la tarde, que la mañana la tengo ocupada")).toEqual([
      { type: "set_slot", slot: "franja", value: "tarde" },
    ]);
    expect(answer("la mañana, que las tardes estoy liada")).toEqual([
      { type: "set_slot", slot: "franja", value: "manana" },
    ]);
  });

  it("still reads a lone choice said in such a clause", () => {
    expect(answer("vale, que sea por la tarde")).toEqual([
      { type: "set_slot", slot: "franja", value: "tarde" },
    ]);
  });
});
