import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Asking for help in Spanish behind a greeting ("hola, ¿qué puedo hacer aquí?"), behind the
 * hedge "es que no sé", and asking where to find what was asked ("y eso, ¿dónde lo miro?").
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let taller: LoadedDomain;

beforeAll(async () => {
  taller = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  pieza:",
      "    type: string",
      "    choices: [cadena, frenos]",
      "    prompt: '¿Qué pieza?'",
      "  ticket: { type: string, extract: pattern, pattern: 'BK-\\d{4}', prompt: '¿Tu ticket?' }",
      "flows:",
      "  cambiar_pieza:",
      "    description: Cambiar una pieza de la bici",
      "    trigger: { intents: ['cambiar la {pieza} de la bici'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pieza }",
      "  recoger_bici:",
      "    description: Recoger una bici del taller",
      "    trigger: { intents: ['recoger mi bici'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: ticket }",
    ],
    "taller.yaml",
  );
});

describe("help behind a greeting or a hedge", () => {
  it.each(["hola, ¿qué cosas puedo hacer por aquí?", "buenas tardes, necesito ayuda"])(
    "'%s' asks for help",
    (text) => {
      expect(du.read(text, taller, emptyState("t"))).toEqual([{ type: "clarify" }]);
    },
  );

  it("'es que no sé, ¿qué opciones hay?' asked a value asks about it", () => {
    const state = inFlow(taller, "cambiar_pieza", { waiting: "pieza" });
    expect(du.read("es que no sé, ¿qué opciones hay?", taller, state)).toEqual([
      { type: "clarify", topic: "pieza" },
    ]);
  });

  it("'y eso, ¿dónde lo miro?' asked a code asks where to find it", () => {
    const state = inFlow(taller, "recoger_bici", { waiting: "ticket" });
    expect(du.read("y eso dónde lo miro?", taller, state)).toEqual([
      { type: "clarify", topic: "ticket" },
    ]);
  });
});
