import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/**
 * A choir school: join a group of a voice and a shift, or move to another shift. The shifts are
 * parts of the day, said in the plural ("las mañanas"), and the group is a word for people.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let choir: LoadedDomain;

beforeAll(async () => {
  choir = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  voz:",
      "    type: string",
      "    choices: [soprano, tenor, bajo]",
      "  turno:",
      "    type: string",
      "    choices: &t [t_manana, t_tarde]",
      "    synonyms: &s",
      "      t_manana: [de mañana, por la mañana, mañanas, las mañanas]",
      "      t_tarde: [de tarde, por la tarde, tardes, las tardes]",
      "  turno_nuevo:",
      "    type: string",
      "    choices: *t",
      "    synonyms: *s",
      "  dia:",
      "    type: date",
      "actions:",
      "  apuntar: { inputs: [voz, turno, dia] }",
      "  mover: { inputs: [turno_nuevo] }",
      "flows:",
      "  alta_coro:",
      "    description: Apuntarse a un grupo del coro",
      "    trigger: { intents: ['quiero cantar de {voz} en el coro', 'empezar en el coro el {dia}'] }",
      "    steps:",
      "      - { step: v, type: collect, slot: voz }",
      "      - { step: t, type: collect, slot: turno }",
      "      - { step: d, type: collect, slot: dia }",
      "      - { step: go, type: action, action: apuntar }",
      "  mover_turno:",
      "    description: Pasarse a un grupo de otro turno",
      "    trigger: { intents: ['pasarme al grupo de {turno_nuevo}', 'cambiar de turno'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: turno_nuevo }",
      "      - { step: go, type: action, action: mover }",
    ],
    "choir.yaml",
  );
});

describe("the plural of a relative day word", () => {
  it("is the part of every day, no tomorrow typed wrong", () => {
    expect(findDates("el de las mañanas no puedo", EXAMPLE_NOW)).toEqual([]);
    expect(findDates("voy por las tardes", EXAMPLE_NOW)).toEqual([]);
  });

  it("leaves a real slip and a weekday's plural read", () => {
    expect(findDates("mañna", EXAMPLE_NOW).length).toBe(1);
    expect(findDates("abrís los domingos?", EXAMPLE_NOW).length).toBe(1);
  });
});

describe("a choice before a word for people", () => {
  it("is a value when a comma parts them", () => {
    const said = du.read(
      "quiero cantar de tenor en el coro, grupo de tarde",
      choir,
      emptyState("t"),
    );
    expect(startedFlows(said)).toEqual(["alta_coro"]);
    expect(readValues(said)).toEqual({ voz: "tenor", turno: "t_tarde" });
  });
});

describe("a choice said to suit badly at a trigger phrase's cue", () => {
  it("is the shift left, not the one asked for", () => {
    const said = du.read("el grupo de las mañanas no me cuadra", choir, emptyState("t"));
    expect(readValues(said)).not.toEqual({ turno_nuevo: "t_manana" });
    const both = du.read(
      "¿queda sitio en algún grupo de tarde? el mío de las mañanas no me viene bien",
      choir,
      emptyState("t"),
    );
    expect(startedFlows(both)).toEqual(["mover_turno"]);
    expect(readValues(both)).toEqual({ turno_nuevo: "t_tarde" });
  });
});

describe("a question whether there is room", () => {
  it("asks for the flow, no unknown thing", () => {
    const said = du.read("¿hay hueco en algún grupo de tarde?", choir, emptyState("t"));
    expect(said.some((c) => c.type === "out_of_scope")).toBe(false);
  });
});
