import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A bike repair shop in Spanish: thanks, a question about what it does, and a pause. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

/** One flow following a repair by its ticket, described and triggered in the given words. */
const bikeShop = (description: string, intents: string, file: string) =>
  domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  ticket:",
      "    type: string",
      "    extract: pattern",
      "    pattern: 'BK-\\\\d{4}'",
      "actions:",
      "  ver: { inputs: [ticket] }",
      "flows:",
      "  estado_bici:",
      `    description: ${description}`,
      `    trigger: { intents: [${intents}] }`,
      "    steps:",
      "      - { step: t, type: collect, slot: ticket }",
      "      - { step: go, type: action, action: ver }",
    ],
    file,
  );

beforeAll(async () => {
  shop = await bikeShop(
    "Saber cómo va la reparación de la bici",
    "'cómo va mi bici', 'estado de la reparación {ticket}'",
    "bikes.yaml",
  );
});

describe("Spanish small talk and help", () => {
  it("reads warm thanks as thanks", () => {
    const said = du.read("muchísimas gracias, muy amables", shop, emptyState("t"));
    expect(said).toMatchObject([{ type: "chitchat", kind: "thanks" }]);
  });

  it("reads what can be handled here as help", () => {
    const said = du.read("¿qué cosas puedo gestionar por aquí?", shop, emptyState("t"));
    expect(said).toEqual([{ type: "clarify" }]);
  });

  it("reads a pause joined by 'que' to a look for the answer", () => {
    const said = du.read(
      "espera que lo busco",
      shop,
      inFlow(shop, "estado_bici", { waiting: "ticket" }),
    );
    expect(said).toMatchObject([{ type: "chitchat", kind: "wait" }]);
  });
});

describe("a Spanish pause in a domain that says the looking verb itself", () => {
  // The domain's own "buscar" and "mirar" make "busco" and "miro" read as them before the
  // cues are tried; the look of a pause is still a look.
  let rentals: LoadedDomain;
  beforeAll(async () => {
    rentals = await bikeShop(
      "Buscar una reserva y mirar cómo va",
      "'buscar mi reserva', 'mirar el estado de {ticket}'",
      "rentals.yaml",
    );
  });

  it("is a pause, not the answer", () => {
    for (const text of [
      "un segundo que busco el resguardo",
      "un momento, que lo miro en el correo",
    ]) {
      const said = du.read(text, rentals, inFlow(rentals, "estado_bici", { waiting: "ticket" }));
      expect(said, text).toMatchObject([{ type: "chitchat", kind: "wait" }]);
    }
  });
});
