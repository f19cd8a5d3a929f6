import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, slotsOf } from "../helpers.ts";

/**
 * The day nobody is there is given up (es pack `givenUpAfter`): "el martes no estoy, ¿lo podéis
 * montar el jueves?" asks for Thursday. And "rastrear" follows a thing on its way (es pack
 * `tasks.lookup`). On a small furniture fitter. Today is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let fitter: LoadedDomain;
const read = (text: string): Command[] => du.read(text, fitter, emptyState("t"));

beforeAll(async () => {
  fitter = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  dia_montaje: { type: date, prompt: '¿Qué día montamos el armario?' }",
      "  pedido_mueble: { extract: pattern, pattern: 'MB\\d{5}', prompt: '¿Cuál es el número del pedido?' }",
      "flows:",
      "  mover_montaje:",
      "    description: Cambiar el día del montaje",
      "    trigger: { intents: ['cambiar el día del montaje', 'que lo monten el {dia_montaje}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: dia_montaje }",
      "  ver_pedido:",
      "    description: Saber por dónde va un pedido",
      "    trigger: { intents: ['rastrear mi pedido {pedido_mueble}', 'por dónde va mi pedido'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pedido_mueble }",
    ],
    "montajes.yaml",
  );
});

describe("a day nobody is there beside the day asked", () => {
  for (const text of [
    "el viernes no estoy en casa, ¿podéis cambiar el día del montaje al lunes?",
    "el viernes trabajo todo el día, mejor cambiar el montaje al lunes",
    "el montador viene el viernes pero no hay nadie en casa, ¿lo cambiáis al lunes?",
    "El viernes no vamos a estar, cambiad el día del montaje para el lunes",
  ]) {
    it(text, () => {
      const got = read(text);
      expect(firstIntent(got)).toBe("mover_montaje");
      expect(slotsOf(got)).toEqual({ dia_montaje: "2027-03-15" });
    });
  }
  it("a day said alone is still the day asked", () => {
    expect(slotsOf(read("cambiar el día del montaje al viernes"))).toEqual({
      dia_montaje: "2027-03-12",
    });
  });
});

describe("'rastreo' asks where a thing is", () => {
  it("rastreo del MB12345 por favor", () => {
    expect(firstIntent(read("rastreo del MB12345 por favor"))).toBe("ver_pedido");
  });
});
