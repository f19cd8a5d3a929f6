import { beforeAll, describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { Analyzer } from "../../../src/du/heuristic/analyzer.ts";
import { ChoiceMatcher } from "../../../src/du/heuristic/extract/choices.ts";

/** A phone line fault's kinds, written for this test. */
let matcher: ChoiceMatcher;

beforeAll(async () => {
  const loaded = await loadDomainFromText(
    [
      "slots:",
      "  fault:",
      "    choices: [no_signal, no_dial_tone]",
      "    synonyms:",
      "      no_signal: [signal dropped out, line went dead]",
      "      no_dial_tone: [no dial tone, se cortó la línea]",
      "    prompt: What is wrong with the line?",
      "flows:",
      "  report:",
      "    description: Report a line fault",
      "    trigger: { intents: ['report a fault'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: fault }",
    ].join("\n"),
    "line.yaml",
  );
  const domain = loaded.domain;
  matcher = new ChoiceMatcher(domain.slots.fault!, new Analyzer(domain));
});

describe("an adverb said inside a choice's phrase", () => {
  it.each([
    ["the line just went dead", "no_signal"],
    ["my signal suddenly dropped out", "no_signal"],
    ["the line went completely dead this morning", "no_signal"],
    ["la línea ya se cortó", undefined],
    ["se cortó ya la línea", "no_dial_tone"],
  ])("%s -> %s", (text, value) => {
    expect(matcher.single(text)?.value).toBe(value);
  });

  it("only one adverb, and only between the phrase's words", () => {
    expect(matcher.single("the line just suddenly went dead")).toBeNull();
    expect(matcher.single("no, just dial tone")).toBeNull();
  });
});
