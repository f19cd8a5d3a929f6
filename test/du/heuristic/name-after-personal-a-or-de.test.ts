import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, slotsOf, startedFlow } from "../helpers.ts";

/**
 * A Spanish name said after the personal "a" ("traer a Trueno") or the "de" of whose thing it
 * is ("el herrado de Centella"), with no trigger phrase putting it there: the name, for a name
 * slot the phrases say and no flow asks beside a place. It points at no flow by itself.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let cuadra: LoadedDomain;
let excursiones: LoadedDomain;

beforeAll(async () => {
  cuadra = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  nombre_caballo: { type: string, extract: person_name, prompt: '¿Cómo se llama?' }",
      "  dia: { type: date, prompt: '¿Qué día?' }",
      "  servicio:",
      "    type: string",
      "    choices: [herrado, paseo]",
      "    prompt: '¿Herrado o paseo?'",
      "  codigo: { type: string, extract: pattern, pattern: 'CU-\\d{3}', prompt: '¿Código?' }",
      "flows:",
      "  reservar_servicio:",
      "    description: Reservar un servicio de la cuadra para un caballo",
      "    trigger:",
      "      intents: ['quiero reservar {servicio} para {nombre_caballo}', 'pedir {servicio}']",
      "    steps:",
      "      - { step: s, type: collect, slot: servicio }",
      "      - { step: n, type: collect, slot: nombre_caballo }",
      "      - { step: d, type: collect, slot: dia }",
      "  anular_reserva:",
      "    description: Anular una reserva de la cuadra",
      "    trigger: { intents: ['anular la reserva', 'cancelar mi reserva {codigo}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo }",
    ],
    "cuadra.yaml",
  );
  excursiones = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  viajero: { type: string, extract: person_name, prompt: '¿A nombre de quién?' }",
      "  ciudad: { type: string, extract: free_text, label: ciudad, prompt: '¿Qué ciudad?' }",
      "flows:",
      "  reservar_excursion:",
      "    description: Reservar una excursión",
      "    trigger: { intents: ['excursión para {viajero}', 'quiero una excursión'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: ciudad }",
      "      - { step: v, type: collect, slot: viajero }",
    ],
    "excursiones.yaml",
  );
});

const read = (domain: LoadedDomain, text: string) => du.read(text, domain, emptyState("t"));

describe("a name after the personal 'a' or a 'de' of whose thing", () => {
  it.each([
    ["quiero pedir paseo y traer a Trueno, mi yegua", "Trueno"],
    ["el herrado de Centella, para el viernes", "Centella"],
  ])("'%s' names %s", (text, name) => {
    const commands = read(cuadra, text);
    expect(startedFlow(commands)).toBe("reservar_servicio");
    expect(slotsOf(commands).nombre_caballo).toBe(name);
  });

  it("a month after 'de' is a date, no name", () => {
    const commands = read(cuadra, "pedir herrado para el 14 de Julio");
    expect(slotsOf(commands).nombre_caballo).toBeUndefined();
  });

  it("the name alone does not pick the flow that takes it", () => {
    expect(startedFlow(read(cuadra, "anular la reserva de Trueno, ya no hace falta"))).toBe(
      "anular_reserva",
    );
  });

  it("where a flow asks for a place, 'a Toledo' is no name", () => {
    const commands = read(excursiones, "quiero una excursión a Toledo");
    expect(slotsOf(commands).viajero).toBeUndefined();
  });
});
