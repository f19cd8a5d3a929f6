import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** "eso es" (that's it) and "ahora sí" (now it's right) agree at a confirmation. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let taller: LoadedDomain;

beforeAll(async () => {
  taller = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  dia: { type: date, prompt: '¿Qué día?' }",
      "  ok: { type: boolean }",
      "flows:",
      "  pedir_revision:",
      "    description: Pedir una revisión de la bici",
      "    trigger: { intents: ['quiero una revisión de la bici'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: dia }",
      "      - { step: c, type: confirm, slot: ok, message: '¿Reservo el {dia}?' }",
    ],
    "taller.yaml",
  );
});

describe("agreeing at a confirmation", () => {
  it.each(["eso es", "eso es, sí", "ahora sí", "ahora si, gracias"])("'%s' agrees", (text) => {
    const state = inFlow(taller, "pedir_revision", { confirm: true, slots: { dia: "2027-03-12" } });
    expect(du.read(text, taller, state)).toEqual([{ type: "affirm" }]);
  });
});
