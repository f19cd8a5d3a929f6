import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A person is asked for by a call back ("que me llame alguien", "have someone call me") or by
 * being put through ("¿me podéis pasar con un operador?"), even while a question waits for a
 * free answer. On a small removals firm.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let removals: LoadedDomain;

beforeAll(async () => {
  removals = await domainFromLines(
    [
      "slots:",
      "  origen: { extract: address, prompt: '¿Desde qué dirección?' }",
      "  lote: { extract: pattern, pattern: 'MU\\d{5}', prompt: '¿Qué número de mudanza?' }",
      "flows:",
      "  pedir_mudanza:",
      "    description: Pedir una mudanza",
      "    trigger: { intents: ['quiero hacer una mudanza desde {origen}'] }",
      "    steps:",
      "      - { step: o, type: collect, slot: origen }",
      "  ver_mudanza:",
      "    description: Ver una mudanza",
      "    trigger: { intents: ['cómo va mi mudanza {lote}'] }",
      "    steps:",
      "      - { step: l, type: collect, slot: lote }",
    ],
    "removals.yaml",
  );
});

const handoff = (text: string, flow: string, waiting: string) =>
  du.read(text, removals, inFlow(removals, flow, { waiting }))[0]?.type;

describe("a person asked for", () => {
  it("by a call back", () => {
    expect(handoff("mejor que me llame alguien, es complicado", "pedir_mudanza", "origen")).toBe(
      "human_handoff",
    );
    expect(handoff("can someone call me instead?", "pedir_mudanza", "origen")).toBe(
      "human_handoff",
    );
  });

  it("by being put through, said to vosotros or ustedes", () => {
    for (const text of [
      "no lo encuentro, ¿me podéis pasar con un operador?",
      "¿me pueden pasar con alguien?",
    ]) {
      expect(handoff(text, "ver_mudanza", "lote"), text).toBe("human_handoff");
    }
  });
});
