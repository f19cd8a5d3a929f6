import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * At a confirmation, "déjalo como está" / "leave it as it is" is a no to what is asked, though
 * "déjalo" alone stops the flow; "ahora sí" after a correction is a yes. On a small gym's
 * membership, in Spanish and in English.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gymEs: LoadedDomain;
let gymEn: LoadedDomain;

const lines = (lang: string, cancelPhrase: string) => [
  `settings: { language: ${lang} }`,
  "slots:",
  "  socio: { extract: pattern, pattern: 'GY\\d{4}', prompt: 'Member number?' }",
  "  ok: { type: boolean }",
  "flows:",
  "  baja_socio:",
  `    description: ${cancelPhrase}`,
  `    trigger: { intents: ['${cancelPhrase} {socio}'] }`,
  "    steps:",
  "      - { step: s, type: collect, slot: socio }",
  "      - { step: c, type: confirm, slot: ok, message: 'OK {socio}?' }",
];

beforeAll(async () => {
  gymEs = await domainFromLines(lines("es", "anular la cuota"), "gym-es.yaml");
  gymEn = await domainFromLines(lines("en", "cancel my membership"), "gym-en.yaml");
});

const confirming = (d: LoadedDomain) =>
  inFlow(d, "baja_socio", { confirm: true, slots: { socio: "GY1234" } });

describe("leaving it as it is at a confirmation", () => {
  it("is a no, in Spanish", () => {
    for (const text of ["mmm no, mejor déjalo como está", "no no, déjalo así"]) {
      expect(du.read(text, gymEs, confirming(gymEs)), text).toEqual([{ type: "deny" }]);
    }
  });

  it("is a no, in English", () => {
    const text = "hmm, actually leave it as it is";
    expect(du.read(text, gymEn, confirming(gymEn))).toEqual([{ type: "deny" }]);
  });

  it("leaves the bare cancel word stopping the flow", () => {
    expect(du.read("déjalo", gymEs, confirming(gymEs))).toEqual([{ type: "cancel_flow" }]);
  });

  it("reads 'ahora sí' as a yes", () => {
    expect(du.read("ahora sí", gymEs, confirming(gymEs))).toEqual([{ type: "affirm" }]);
  });
});
