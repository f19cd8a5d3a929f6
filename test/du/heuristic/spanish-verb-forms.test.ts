import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/**
 * A rowing club whose phrases say their verbs in the infinitive, one only with a pronoun
 * attached ("apuntarme"); members say them in the present or the subjunctive.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let club: LoadedDomain;

beforeAll(async () => {
  club = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  socio:",
      "    type: string",
      "actions:",
      "  hacer: { inputs: [socio] }",
      "flows:",
      "  alta_remo:",
      "    description: Entrar en el club de remo",
      "    trigger: { intents: ['apuntarme al club de remo'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: socio }",
      "      - { step: go, type: action, action: hacer }",
      "  salida_club:",
      "    description: Abandonar el club",
      "    trigger: { intents: ['abandonar el club', 'retirar la ficha del socio'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: socio }",
      "      - { step: go, type: action, action: hacer }",
      "  ausencia:",
      "    description: Excusar una ausencia al entrenamiento",
      "    trigger: { intents: ['excusar una ausencia', 'no pude ir al entrenamiento'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: socio }",
      "      - { step: go, type: action, action: hacer }",
    ],
    "club.yaml",
  );
});

describe("a verb said in the present or the subjunctive", () => {
  it("is the infinitive the flow's phrases say", () => {
    expect(startedFlows(du.read("abandono el club", club, emptyState("t")))).toEqual([
      "salida_club",
    ]);
    expect(
      startedFlows(du.read("el martes falté, quiero que me lo excusen", club, emptyState("t"))),
    ).toEqual(["ausencia"]);
  });

  it("is the infinitive a phrase says only with a pronoun attached", () => {
    expect(startedFlows(du.read("me apunto al club", club, emptyState("t")))).toEqual([
      "alta_remo",
    ]);
  });

  it("leaves a past that tells what happened", () => {
    expect(
      startedFlows(du.read("me retiraron la tarjeta del gimnasio", club, emptyState("t"))),
    ).not.toEqual(["salida_club"]);
  });
});
