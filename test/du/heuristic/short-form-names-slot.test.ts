import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, slotsOf } from "../helpers.ts";

/** "mi tlf es 612345678": a chat's short form (pack `textingForms`) of a slot's name names it. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gimnasio: LoadedDomain;

beforeAll(async () => {
  gimnasio = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  movil:",
      "    type: string",
      "    extract: digits",
      "    length: 9",
      "    aliases: [telefono]",
      "    prompt: '¿Tu teléfono?'",
      "flows:",
      "  ver_bono:",
      "    description: Consultar las clases que quedan en el bono",
      "    trigger: { intents: ['cuántas clases me quedan en el bono'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: movil }",
    ],
    "gimnasio.yaml",
  );
});

describe("a short form of a slot's name", () => {
  it.each(["tlf", "tfno", "telf"])("'%s' names the phone", (form) => {
    const text = `cuántas clases me quedan en el bono? mi ${form} es 612345678`;
    expect(slotsOf(du.read(text, gimnasio, emptyState("t"))).movil).toBe("612345678");
  });
});
