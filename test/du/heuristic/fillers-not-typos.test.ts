import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A restaurant whose words include "persona", one edit from the filler "perdona". */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tables: LoadedDomain;

beforeAll(async () => {
  tables = await domainFromLines(
    [
      "slots:",
      "  comensales: { type: number, prompt: '¿Para cuántas personas?' }",
      "actions:",
      "  reservar: { inputs: [comensales] }",
      "flows:",
      "  reservar_mesa:",
      "    description: Reservar mesa para una o más personas",
      "    trigger: { intents: ['quiero reservar mesa', 'mesa para una persona'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: comensales }",
      "      - { step: go, type: action, action: reservar }",
    ],
    "tables.yaml",
  );
});

describe("a filler word one edit from a domain word", () => {
  it("stays the filler: 'perdona, ¿me lo repites?' asks to repeat", () => {
    const asked = inFlow(tables, "reservar_mesa", { waiting: "comensales" });
    expect(du.read("perdona, ¿me lo repites?", tables, asked)).toEqual([{ type: "repeat_last" }]);
  });
});
