import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * A message that opens saying what follows is no longer needed ("ya no hace falta que ...",
 * "no need to ...") cancels it, though its words are those of the flow that makes it. On a
 * small window cleaning firm.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let cleaners: LoadedDomain;

beforeAll(async () => {
  cleaners = await domainFromLines(
    [
      "slots:",
      "  dia: { type: date, prompt: '¿Qué día?' }",
      "  visita: { extract: pattern, pattern: 'LV\\d{4}', prompt: '¿Qué número de visita?' }",
      "flows:",
      "  pedir_limpieza:",
      "    description: Pedir que vengan a limpiar los cristales",
      "    trigger:",
      "      intents: ['vengan a limpiar los cristales el {dia}', 'come and clean the windows']",
      "    steps:",
      "      - { step: d, type: collect, slot: dia }",
      "  anular_limpieza:",
      "    description: Anular una limpieza",
      "    trigger: { intents: ['anular la limpieza {visita}', 'cancel the cleaning'] }",
      "    steps:",
      "      - { step: v, type: collect, slot: visita }",
    ],
    "cleaners.yaml",
  );
});

const read = (text: string) => du.read(text, cleaners, emptyState("t"));

describe("what is no longer needed", () => {
  it("is cancelled", () => {
    for (const text of [
      "hola, ya no hace falta que vengáis a limpiar los cristales el viernes",
      "no need to come and clean the windows, thanks",
    ]) {
      expect(startedFlow(read(text)), text).toBe("anular_limpieza");
    }
  });

  it("is not read into a request that needs it", () => {
    const text = "me hace falta que vengáis a limpiar los cristales el viernes";
    expect(startedFlow(read(text))).toBe("pedir_limpieza");
  });
});
