import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A prompt that bounds its choices ("mochila (hasta 8 kg), maleta (hasta 23 kg)") is answered
 * by a measure: the smallest choice the measure fits. On a small luggage storage, in Spanish and
 * in English.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let es: LoadedDomain;
let en: LoadedDomain;

const lines = (lang: string, prompt: string) => [
  `settings: { language: ${lang} }`,
  "slots:",
  "  bulto:",
  "    choices: [mochila, maleta, baul]",
  "    choice_labels: { baul: baúl }",
  `    prompt: '${prompt}'`,
  "flows:",
  "  guardar:",
  "    description: Guardar equipaje",
  "    trigger: { intents: ['guardar equipaje', 'store luggage'] }",
  "    steps:",
  "      - { step: b, type: collect, slot: bulto }",
];

beforeAll(async () => {
  es = await domainFromLines(
    lines("es", "¿Qué dejas: mochila (hasta 8 kg), maleta (hasta 23 kg) o baúl (hasta 40 kg)?"),
    "consigna-es.yaml",
  );
  en = await domainFromLines(
    lines("en", "What is it: mochila (up to 8 kg), maleta (up to 23 kg) or baul (up to 40 kg)?"),
    "consigna-en.yaml",
  );
});

const answer = (d: LoadedDomain, text: string) =>
  du.read(text, d, inFlow(d, "guardar", { waiting: "bulto" }));

describe("a measure said to a prompt that bounds its choices", () => {
  it("picks the smallest choice it fits", () => {
    expect(answer(es, "pesa unos 12 kilos")).toEqual([
      { type: "set_slot", slot: "bulto", value: "maleta" },
    ]);
    expect(answer(es, "es algo ligero, 3 kg más o menos")).toEqual([
      { type: "set_slot", slot: "bulto", value: "mochila" },
    ]);
    expect(answer(en, "it weighs about 30 kilos")).toEqual([
      { type: "set_slot", slot: "bulto", value: "baul" },
    ]);
  });

  it("picks nothing for a measure over every bound or in another unit", () => {
    expect(answer(es, "pesa 60 kg")).not.toContainEqual(expect.objectContaining({ slot: "bulto" }));
    expect(answer(es, "mide 30 cm")).not.toContainEqual(expect.objectContaining({ slot: "bulto" }));
  });
});
