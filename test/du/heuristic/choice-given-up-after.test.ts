import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/** A yoga studio: move to another shift, in Spanish and in English. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let yoga: LoadedDomain;

beforeAll(async () => {
  yoga = await domainFromLines(
    [
      "slots:",
      "  turno_nuevo:",
      "    type: string",
      "    prompt: '¿A qué turno te cambias?'",
      "    choices: [manana, tarde]",
      "    synonyms:",
      "      manana: [de mañana, por la mañana, morning, the morning one]",
      "      tarde: [de tarde, por la tarde, evening, the evening one]",
      "actions:",
      "  cambiar: { inputs: [turno_nuevo] }",
      "flows:",
      "  cambio_turno:",
      "    description: Cambiarse a otro turno de yoga",
      "    trigger: { intents: ['quiero cambiar de turno', 'switch my yoga shift'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: turno_nuevo }",
      "      - { step: go, type: action, action: cambiar }",
    ],
    "yoga.yaml",
  );
});

describe("a choice said, then said to suit badly", () => {
  it("is the one left, not the one asked for", () => {
    const said = du.read(
      "quiero cambiar de turno, el de mañana me va fatal",
      yoga,
      emptyState("t"),
    );
    expect(startedFlows(said)).toEqual(["cambio_turno"]);
    expect(readValues(said)).toEqual({});
  });

  it("leaves the other choice said beside it", () => {
    const said = du.read(
      "quiero cambiar de turno, el de tarde me viene mal, mejor por la mañana",
      yoga,
      emptyState("t"),
    );
    expect(readValues(said)).toEqual({ turno_nuevo: "manana" });
    const en = du.read(
      "switch my yoga shift please, the evening one doesn't suit me anymore",
      yoga,
      emptyState("t"),
    );
    expect(readValues(en)).toEqual({});
  });
});
