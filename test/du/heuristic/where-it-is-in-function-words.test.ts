import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, startedFlow } from "../helpers.ts";

/**
 * A flow's phrase made of function words only ("dónde está") explains the message as its
 * words would: "hola, ¿dónde está mi encargo?" asks for the flow that says it, with a word of
 * its own unknown to the domain, and so does the question asked while another flow waits.
 * "¿Está ya en camino ...?" asks where a thing sent is. On a small Spanish flower delivery.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let flores: LoadedDomain;

beforeAll(async () => {
  flores = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  codigo: { type: string, extract: pattern, pattern: 'FL\\d{5}' }",
      "  queja: { type: string, extract: free_text, prompt: '¿Qué ha pasado?' }",
      "flows:",
      "  seguir_ramo:",
      "    description: Saber por dónde va un ramo enviado",
      "    trigger: { intents: ['dónde está mi ramo', 'seguimiento del ramo {codigo}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo }",
      "  quejarse:",
      "    description: Poner una queja por un ramo estropeado",
      "    trigger: { intents: ['el ramo llegó estropeado', 'quiero poner una queja'] }",
      "    steps:",
      "      - { step: q, type: collect, slot: queja }",
      "  consultar_tarifa:",
      "    description: Consultar lo que cuesta enviar un ramo",
      "    trigger: { intents: ['cuánto cuesta enviar un ramo'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Desde 20 euros.' }",
    ],
    "flores.yaml",
  );
});

describe("where a thing is, in function words", () => {
  it("starts the flow whose phrase it is", () => {
    expect(startedFlow(du.read("hola, ¿dónde está mi encargo?", flores, emptyState("t")))).toBe(
      "seguir_ramo",
    );
  });

  it("is asked while another flow waits", () => {
    const state = inFlow(flores, "quejarse", { waiting: "queja" });
    expect(du.read("y otra cosa, ¿dónde está el FL12345?", flores, state)).toEqual([
      { type: "start_flow", flow: "seguir_ramo" },
      { type: "set_slot", slot: "codigo", value: "FL12345" },
    ]);
  });

  it("reads a thing on its way as where it is", () => {
    expect(
      startedFlow(du.read("¿Está ya en camino lo que me mandó mi tía?", flores, emptyState("t"))),
    ).toBe("seguir_ramo");
  });
});
