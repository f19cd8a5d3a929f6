import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues } from "../helpers.ts";

/**
 * "por la tarde mejor, que por la mañana trabajo": "mejor" right after a value praises it and
 * takes nothing back; after a comma ("por la tarde, mejor por la mañana") it still does.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let lavado: LoadedDomain;

beforeAll(async () => {
  lavado = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  turno:",
      "    type: string",
      "    choices: [manana, tarde]",
      "    synonyms: { manana: [por la mañana], tarde: [por la tarde] }",
      "    prompt: '¿Por la mañana o por la tarde?'",
      "flows:",
      "  lavar_coche:",
      "    description: Pedir un lavado del coche",
      "    trigger: { intents: ['quiero lavar el coche'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: turno }",
    ],
    "lavado.yaml",
  );
});

describe("a value called better right after it", () => {
  it.each([
    ["por la tarde mejor, que por la mañana trabajo", "tarde"],
    ["por la mañana mejor, que por la tarde no estoy", "manana"],
    ["por la tarde, mejor por la mañana", "manana"],
    ["por la mañana, perdón, mejor por la tarde", "tarde"],
  ])("'%s' gives %s", (text, turno) => {
    const state = inFlow(lavado, "lavar_coche", { waiting: "turno" });
    expect(readValues(du.read(text, lavado, state))).toEqual({ turno });
  });
});
