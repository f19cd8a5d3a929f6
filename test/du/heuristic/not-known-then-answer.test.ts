import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A swimming school: a course at a level, in Spanish and in English. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let swim: LoadedDomain;

beforeAll(async () => {
  swim = await domainFromLines(
    [
      "slots:",
      "  nivel_natacion:",
      "    type: string",
      "    prompt: '¿Qué nivel tienes?'",
      "    choices: [inicial, medio, avanzado]",
      "    synonyms:",
      "      inicial: [desde cero, principiante, beginner, from scratch]",
      "      medio: [intermedio, intermediate]",
      "      avanzado: [advanced, experto]",
      "actions:",
      "  apuntar: { inputs: [nivel_natacion] }",
      "flows:",
      "  curso_natacion:",
      "    description: Apuntarse a un curso de natación",
      "    trigger: { intents: ['quiero apuntarme a natación', 'sign up for swimming'] }",
      "    steps:",
      "      - { step: n, type: collect, slot: nivel_natacion }",
      "      - { step: go, type: action, action: apuntar }",
    ],
    "swim.yaml",
  );
});

describe("not knowing, then the answer after a comma", () => {
  const asked = () => inFlow(swim, "curso_natacion", { waiting: "nivel_natacion" });

  it("reads the value said after the shrug", () => {
    expect(du.read("ni idea, nunca he ido a clases, desde cero", swim, asked())).toEqual([
      { type: "set_slot", slot: "nivel_natacion", value: "inicial" },
    ]);
    expect(du.read("no idea, a total beginner", swim, asked())).toEqual([
      { type: "set_slot", slot: "nivel_natacion", value: "inicial" },
    ]);
  });

  it("is still a request for help with no value said", () => {
    expect(du.read("ni idea, ¿cómo lo sé?", swim, asked())).toEqual([
      { type: "clarify", topic: "nivel_natacion" },
    ]);
    expect(du.read("no sé", swim, asked())).toEqual([{ type: "clarify", topic: "nivel_natacion" }]);
  });
});
