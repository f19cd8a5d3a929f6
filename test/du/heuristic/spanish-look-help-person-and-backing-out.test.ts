import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow } from "../helpers.ts";

/**
 * Spanish pack readings: "un momento, que lo miro" (a pause, then "que" and the look itself);
 * "¿qué cosas se pueden hacer aquí?" (help); "que me atienda una persona de verdad, no una
 * máquina" (a person); "echar atrás la reserva" (calling it off). On a small bookshop that
 * orders books and lets the customer call an order off.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let books: LoadedDomain;
const read = (text: string): Command[] => du.read(text, books, emptyState("t"));

beforeAll(async () => {
  books = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  titulo: { prompt: '¿Qué libro quieres?' }",
      "  codigo_encargo: { extract: pattern, pattern: 'LB\\d{4}', prompt: '¿Cuál es el código del encargo?' }",
      "flows:",
      "  encargar_libro:",
      "    description: Encargar un libro",
      "    trigger: { intents: ['quiero encargar un libro', 'encargar {titulo}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: titulo }",
      "  anular_encargo:",
      "    description: Anular un encargo de libro",
      "    trigger: { intents: ['anular el encargo {codigo_encargo}', 'cancelar mi encargo'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo_encargo }",
    ],
    "libreria.yaml",
  );
});

describe("a pause, then 'que' and the look (pause)", () => {
  const asked = () => inFlow(books, "anular_encargo", { waiting: "codigo_encargo" });
  for (const text of [
    "un momento que busco el código",
    "un segundito, que lo miro en el correo",
    "espera que compruebo la factura",
  ]) {
    it(text, () => {
      expect(du.read(text, books, asked())[0]?.type).toBe("chitchat");
    });
  }
  it("a look with no pause before it is no pause ('busco un libro de cocina')", () => {
    expect(firstIntent(read("busco un libro de cocina, quiero encargarlo"))).toBe("encargar_libro");
  });
});

describe("what can be done here (help)", () => {
  for (const text of ["¿Qué cosas se pueden hacer aquí?", "qué se pueden hacer por aquí"]) {
    it(text, () => {
      expect(read(text)).toEqual([{ type: "clarify" }]);
    });
  }
});

describe("a person asked for (human)", () => {
  for (const text of [
    "quiero que me atienda una persona",
    "que me atiendan una persona de verdad",
    "¿Hay alguien ahí? Quiero hablar con una persona de verdad, no con una máquina",
  ]) {
    it(text, () => {
      expect(read(text)[0]?.type).toBe("human_handoff");
    });
  }
});

describe("backing out calls it off (tasks.cancel)", () => {
  for (const text of ["quiero echar atrás el encargo", "me echo atrás con el encargo LB1234"]) {
    it(text, () => {
      expect(firstIntent(read(text))).toBe("anular_encargo");
    });
  }
});
