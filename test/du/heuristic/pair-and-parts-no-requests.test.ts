import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/**
 * The "and" of a pair ("between the basic and the pro plan", "entre el básico y el pro") joins
 * two things into one question; it parts no requests. Another "and" still does. On a small
 * web hosting company, in English and in Spanish.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let hosting: LoadedDomain;
let alojamiento: LoadedDomain;

beforeAll(async () => {
  hosting = await domainFromLines(
    [
      "slots:",
      "  plan: { choices: [basic, pro], prompt: 'Basic or pro?' }",
      "flows:",
      "  change_plan:",
      "    description: Change your hosting plan",
      "    trigger: { intents: ['switch to the {plan} plan', 'change my plan'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: plan }",
      "  plan_info:",
      "    description: What the plans include",
      "    trigger:",
      "      intents: ['how do the plans differ', 'what is the difference between the plans']",
      "    steps:",
      "      - { step: s, type: say, message: 'Pro adds backups.' }",
      "  renew_domain:",
      "    description: Renew a domain name",
      "    trigger: { intents: ['renew my domain'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Renewed.' }",
    ],
    "hosting.yaml",
  );
  alojamiento = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  plan: { choices: [basico, pro], prompt: '¿Básico o pro?' }",
      "flows:",
      "  cambiar_plan:",
      "    description: Cambiar de plan",
      "    trigger: { intents: ['pasarme al plan {plan}', 'cambiar mi plan'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: plan }",
      "  info_planes:",
      "    description: Qué incluye cada plan",
      "    trigger: { intents: ['qué diferencia hay entre los planes'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'El pro añade copias.' }",
    ],
    "alojamiento.yaml",
  );
});

describe("the and of a pair", () => {
  it("parts no requests", () => {
    const said = du.read(
      "so what is the difference between basic and pro",
      hosting,
      emptyState("t"),
    );
    expect(startedFlows(said)).toEqual(["plan_info"]);
    const dicho = du.read(
      "qué diferencia hay entre el basico y el pro",
      alojamiento,
      emptyState("t"),
    );
    expect(startedFlows(dicho)).toEqual(["info_planes"]);
  });

  it("leaves another and to part two requests", () => {
    const said = du.read("switch to the pro plan and renew my domain", hosting, emptyState("t"));
    expect(startedFlows(said).sort()).toEqual(["change_plan", "renew_domain"]);
  });
});
