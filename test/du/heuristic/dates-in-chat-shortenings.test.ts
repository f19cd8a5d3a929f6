import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/** A bike repair shop: leave a bike on a day. EXAMPLE_NOW is Wednesday 10 March 2027. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bikes: LoadedDomain;

beforeAll(async () => {
  bikes = await domainFromLines(
    [
      "slots:",
      "  dia_entrega: { type: date, prompt: '¿Qué día traes la bici?' }",
      "actions:",
      "  reservar: { inputs: [dia_entrega] }",
      "flows:",
      "  revision_bici:",
      "    description: Pedir hora para revisar la bici",
      "    trigger: { intents: ['quiero llevar la bici a revisar', 'revisión de la bici'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: dia_entrega }",
      "      - { step: go, type: action, action: reservar }",
    ],
    "bikes.yaml",
  );
});

describe("a date typed with chat shortenings", () => {
  it("reads 'el miércoles q viene' as next Wednesday, as 'que viene'", () => {
    const commands = du.read(
      "kiero llevar la bici a revisar el miércoles q viene",
      bikes,
      emptyState("t"),
    );
    expect(readValues(commands)).toEqual({ dia_entrega: "2027-03-17" });
  });

  it("reads the day before a shortened word where it was typed", () => {
    const commands = du.read("revisión de la bici el viernes x favor", bikes, emptyState("t"));
    expect(readValues(commands)).toEqual({ dia_entrega: "2027-03-12" });
  });
});
