import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/** A dental clinic: book a treatment, move an appointment, or ask a treatment's price. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let dental: LoadedDomain;

beforeAll(async () => {
  dental = await domainFromLines(
    [
      "slots:",
      "  tratamiento:",
      "    type: string",
      "    prompt: '¿Qué tratamiento?'",
      "    choices: [limpieza, empaste, ortodoncia]",
      "    synonyms: { limpieza: [limpieza bucal, higiene dental] }",
      "  dia: { type: date, prompt: '¿Qué día?' }",
      "actions:",
      "  reservar: { inputs: [tratamiento, dia] }",
      "  mover: { inputs: [dia] }",
      "  precio: { inputs: [tratamiento] }",
      "flows:",
      "  pedir_cita:",
      "    description: Pedir cita para un tratamiento dental",
      "    trigger:",
      "      intents:",
      "        - quiero pedir cita",
      "        - cita para una {tratamiento}",
      "        - dame cita",
      "        - una cita para mañana",
      "        - necesito cita",
      "    steps:",
      "      - { step: t, type: collect, slot: tratamiento }",
      "      - { step: d, type: collect, slot: dia }",
      "      - { step: go, type: action, action: reservar }",
      "  cambiar_cita:",
      "    description: Cambiar el día de una cita que ya tienes",
      "    trigger: { intents: ['quiero cambiar el día', 'mover la cita a otro día'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: dia }",
      "      - { step: go, type: action, action: mover }",
      "  precios:",
      "    description: Cuánto cuesta un tratamiento",
      "    trigger: { intents: ['cuánto cuesta una {tratamiento}', 'precio de la {tratamiento}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: tratamiento }",
      "      - { step: go, type: action, action: precio }",
    ],
    "dental.yaml",
  );
});

describe("a change asked of a thing named by a value of another flow", () => {
  it("is the change: the value only says which appointment", () => {
    const commands = du.read(
      "necesito retrasar la cita de la higiene dental de mi suegra",
      dental,
      emptyState("t"),
    );
    expect(startedFlows(commands)).toEqual(["cambiar_cita"]);
  });
});
