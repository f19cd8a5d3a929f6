import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * A request that says no cancel word and no negation cancels nothing, though the flow that
 * cancels says the same words in a negated phrase ("ya no quiero encargar el ramo"). On a small
 * florist's in Spanish, with a price flow of the same words too.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let florist: LoadedDomain;

beforeAll(async () => {
  florist = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  tipo_ramo:",
      "    choices: [rosas, tulipanes]",
      "    prompt: '¿De rosas o de tulipanes?'",
      "  pedido: { extract: pattern, pattern: 'FL\\d{4}', prompt: '¿Qué número de pedido?' }",
      "  precio: { type: float, internal: true, label: precio }",
      "flows:",
      "  encargar_ramo:",
      "    description: Pedir un ramo de flores",
      "    trigger:",
      "      intents:",
      "        - quiero pedir un ramo",
      "        - un ramo de {tipo_ramo}",
      "        - encargar un ramo",
      "        - regalar flores a mi madre",
      "        - comprar unas flores para un cumpleaños",
      "        - hacer un pedido de flores",
      "    steps:",
      "      - { step: k, type: collect, slot: tipo_ramo }",
      "  anular_ramo:",
      "    description: Anular un ramo pedido",
      "    trigger:",
      "      intents: ['anular el ramo {pedido}', 'ya no quiero encargar el ramo', 'anular mi pedido']",
      "    steps:",
      "      - { step: k, type: collect, slot: pedido }",
      "  precio_ramo:",
      "    description: El precio de un ramo",
      "    trigger: { intents: ['cuánto vale encargar un ramo', 'precio de un ramo de {tipo_ramo}'] }",
      "    steps:",
      "      - { step: k, type: collect, slot: tipo_ramo }",
    ],
    "florist.yaml",
  );
});

const read = (text: string) => du.read(text, florist, emptyState("t"));

describe("a request with no cancel word", () => {
  it("makes the thing rather than cancel it or tell its price", () => {
    expect(startedFlow(read("hola, necesito encargar un ramo"))).toBe("encargar_ramo");
  });

  it("still cancels when the message says the negation", () => {
    expect(startedFlow(read("ya no quiero encargar el ramo"))).toBe("anular_ramo");
    expect(startedFlow(read("mejor ya no necesito encargar el ramo"))).toBe("anular_ramo");
  });

  it("still tells the price when a price word is said", () => {
    expect(startedFlow(read("¿cuánto vale encargar un ramo de rosas?"))).toBe("precio_ramo");
  });
});
