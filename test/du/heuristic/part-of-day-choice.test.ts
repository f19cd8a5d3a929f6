import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues } from "../helpers.ts";

/** A pottery studio: a course in a morning or an afternoon group, starting on a day. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let pottery: LoadedDomain;

beforeAll(async () => {
  pottery = await domainFromLines(
    [
      "slots:",
      "  grupo:",
      "    type: string",
      "    prompt: '¿Grupo de mañana o de tarde?'",
      "    choices: [grupo_manana, grupo_tarde]",
      "    synonyms:",
      "      grupo_manana: [de mañana, por la mañana]",
      "      grupo_tarde: [de tarde, por la tarde]",
      "  dia_inicio: { type: date, prompt: '¿Qué día empiezas?' }",
      "actions:",
      "  apuntar: { inputs: [grupo, dia_inicio] }",
      "flows:",
      "  curso_ceramica:",
      "    description: Apuntarse a un curso de cerámica",
      "    trigger: { intents: ['quiero apuntarme a cerámica', 'un curso de torno'] }",
      "    steps:",
      "      - { step: g, type: collect, slot: grupo }",
      "      - { step: d, type: collect, slot: dia_inicio }",
      "      - { step: go, type: action, action: apuntar }",
    ],
    "pottery.yaml",
  );
});

describe("a clock time for a morning or afternoon choice", () => {
  it("reads 'a partir de las 7' as the part of the day the hour falls in", () => {
    const state = inFlow(pottery, "curso_ceramica", { waiting: "grupo" });
    const commands = du.read("a partir de las 5, que antes trabajo", pottery, state);
    expect(readValues(commands)).toEqual({ grupo: "grupo_tarde" });
  });
});

describe("'de mañana' beside a morning or afternoon choice", () => {
  it("is the morning group, not tomorrow", () => {
    const commands = du.read(
      "quiero apuntarme a cerámica de mañana, empiezo el lunes",
      pottery,
      emptyState("t"),
    );
    expect(readValues(commands)).toEqual({ grupo: "grupo_manana", dia_inicio: "2027-03-15" });
  });

  it("is still tomorrow where no choice names it", () => {
    const commands = du.read("quiero apuntarme a cerámica mañana", pottery, emptyState("t"));
    expect(readValues(commands)).toEqual({ dia_inicio: "2027-03-11" });
  });
});
