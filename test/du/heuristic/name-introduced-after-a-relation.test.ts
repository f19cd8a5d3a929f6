import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/**
 * A person named by a relation ("my husband's card") and then introduced after a comma ("he's
 * Colm Daly", "se llama Ana Ruiz") is the flow's person. On a small library's card desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let library: LoadedDomain;
let biblioteca: LoadedDomain;

beforeAll(async () => {
  library = await domainFromLines(
    [
      "slots:",
      "  card_holder: { extract: person_name, prompt: 'Whose name is on the card?' }",
      "flows:",
      "  renew_card:",
      "    description: Renew a library card",
      "    trigger: { intents: ['renew a library card', 'renew the card of {card_holder}'] }",
      "    steps:",
      "      - { step: h, type: collect, slot: card_holder }",
    ],
    "library.yaml",
  );
  biblioteca = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  titular: { extract: person_name, prompt: '¿A nombre de quién está el carné?' }",
      "flows:",
      "  renovar_carne:",
      "    description: Renovar un carné de la biblioteca",
      "    trigger:",
      "      intents: ['renovar el carné de la biblioteca', 'renovar el carné de {titular}']",
      "    steps:",
      "      - { step: t, type: collect, slot: titular }",
    ],
    "biblioteca.yaml",
  );
});

describe("a name introduced after a relation", () => {
  it("is the person's name", () => {
    const said = du.read(
      "I'd like to renew a library card for my husband, he's Colm Daly",
      library,
      emptyState("t"),
    );
    expect(readValues(said)).toEqual({ card_holder: "Colm Daly" });
    const dicho = du.read(
      "hola, quiero renovar el carné de la biblioteca a mi hija, se llama Ana Ruiz",
      biblioteca,
      emptyState("t"),
    );
    expect(readValues(dicho)).toEqual({ titular: "Ana Ruiz" });
  });

  it("needs the relation before it", () => {
    const said = du.read("renew a library card please, he's Colm Daly", library, emptyState("t"));
    expect(readValues(said)).toEqual({});
  });
});
