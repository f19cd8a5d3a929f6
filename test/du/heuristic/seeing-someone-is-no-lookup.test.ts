import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { readActs } from "../../../src/du/heuristic/acts.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * A Spanish look-up verb whose object takes the personal "a" ("¿podéis ver a mi yegua?") sees
 * a being, it looks no record up; and "no para de ..." (keeps on) mentions no cancel, as "para"
 * cancels only on its own.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let cuadra: LoadedDomain;

beforeAll(async () => {
  cuadra = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  animal:",
      "    type: string",
      "    choices: [caballo, burro]",
      "    synonyms: { caballo: [yegua, potro], burro: [burra] }",
      "    prompt: '¿Qué animal?'",
      "  motivo:",
      "    type: string",
      "    choices: [cojera, herrado]",
      "    synonyms: { cojera: [cojea, no apoya la pata] }",
      "    prompt: '¿Qué le pasa?'",
      "  socio: { type: string, extract: digits, length: 6, prompt: '¿Número de socio?' }",
      "flows:",
      "  pedir_visita:",
      "    description: Que el herrador o el veterinario vea un animal",
      "    trigger:",
      "      intents: ['mi {animal} tiene {motivo}', 'pedir visita', 'podéis ver a mi {animal}']",
      "    steps:",
      "      - { step: a, type: collect, slot: animal }",
      "      - { step: m, type: collect, slot: motivo }",
      "  consultar_cuota:",
      "    description: Consultar la cuota del socio",
      "    trigger:",
      "      intents: ['consultar mi cuota', 'consultar qué {motivo} le toca a mi {animal}']",
      "    steps:",
      "      - { step: s, type: collect, slot: socio }",
    ],
    "cuadra.yaml",
  );
});

const read = (text: string) => du.read(text, cuadra, emptyState("t"));

describe("looking at someone is no look-up", () => {
  it.each(["¿podéis ver a mi yegua? cojea", "¿podríais mirar a mi burra? no apoya la pata"])(
    "'%s' asks for a visit",
    (text) => {
      expect(startedFlow(read(text))).toBe("pedir_visita");
    },
  );

  it("looking up a thing is still a look-up", () => {
    expect(startedFlow(read("quiero consultar mi cuota"))).toBe("consultar_cuota");
  });
});

describe("'no para de' mentions no cancel", () => {
  it.each(["la yegua no para de cojear", "cita para mi burra"])("'%s'", (text) => {
    expect(readActs(text).cancelMentioned).toBeNull();
  });

  it("a cancel verb is still mentioned", () => {
    expect(readActs("quiero cancelar la visita para mi yegua").cancelMentioned).toBe("cancelar");
  });
});
