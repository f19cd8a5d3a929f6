import { beforeAll, describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { Analyzer } from "../../../src/du/heuristic/analyzer.ts";
import { ChoiceIndex, ChoiceMatcher } from "../../../src/du/heuristic/extract/choices.ts";

/**
 * A garden shop's slots, written for this test. Each text is searched by matchers joined to one
 * index of the domain's choice words and by lone matchers: the index only skips searches, so
 * both find the same.
 */
const slots = ["plant", "pot", "service"] as const;
let joined: Record<string, ChoiceMatcher>;
let alone: Record<string, ChoiceMatcher>;

beforeAll(async () => {
  const loaded = await loadDomainFromText(
    [
      "slots:",
      "  plant:",
      "    choices: [lavender, rosemary, begonia]",
      "    synonyms:",
      "      begonia: [wax flower]",
      "  pot:",
      "    choices: [terracotta, ceramic_glazed]",
      "  service:",
      "    choices: [repot, prune]",
      "flows:",
      "  order:",
      "    description: Order a plant",
      "    trigger: { intents: ['order a plant'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: plant }",
      "      - { step: o, type: collect, slot: pot }",
      "      - { step: s, type: collect, slot: service }",
    ].join("\n"),
    "garden.yaml",
  );
  const domain = loaded.domain;
  const analyzer = new Analyzer(domain);
  joined = Object.fromEntries(slots.map((s) => [s, new ChoiceMatcher(domain.slots[s]!, analyzer)]));
  alone = Object.fromEntries(slots.map((s) => [s, new ChoiceMatcher(domain.slots[s]!, analyzer)]));
  ChoiceIndex.of(Object.values(joined));
});

describe("the domain's index of choice words", () => {
  it.each([
    ["a lavender in a terracotta pot", { plant: "lavender", pot: "terracotta" }],
    ["some rosemry please", { plant: "rosemary" }],
    ["a small lavend", { plant: "lavender" }],
    ["a ceramic glazed pot with wax flowers", { plant: "begonia", pot: "ceramic_glazed" }],
    ["could you get them pruned", { service: "prune" }],
    ["nothing for now, thanks", {}],
    ["order TERRACOTTA-3 please", {}],
  ])("%s", (text, wanted: Record<string, string>) => {
    for (const s of slots) {
      const found = joined[s]!.find(text);
      expect(found).toEqual(alone[s]!.find(text));
      expect(found[0]?.value).toBe(wanted[s]);
    }
  });
});
