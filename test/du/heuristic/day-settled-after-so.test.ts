import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, inFlow } from "../helpers.ts";

/**
 * Asked a day, several days said and the last after a conclusion word ("so", "así que") that
 * closes the message: that last day is the answer. On a small piano lesson booking, read on
 * Wednesday 12 April 2028.
 */
const du = new HeuristicUnderstanding({ now: () => new Date(2028, 3, 12, 12) });
let lessons: LoadedDomain;
let clases: LoadedDomain;

const lines = (language: string, prompt: string) => [
  `settings: { language: ${language} }`,
  "slots:",
  `  lesson_day: { type: date, prompt: '${prompt}' }`,
  "flows:",
  "  book_lesson:",
  "    description: Book a piano lesson",
  "    trigger: { intents: ['book a piano lesson'] }",
  "    steps:",
  "      - { step: d, type: collect, slot: lesson_day }",
];

beforeAll(async () => {
  lessons = await domainFromLines(lines("en", "Which day?"), "lessons.yaml");
  clases = await domainFromLines(lines("es", "¿Qué día?"), "clases.yaml");
});

const read = (domain: LoadedDomain, text: string) =>
  du.read(text, domain, inFlow(domain, "book_lesson", { waiting: "lesson_day" }));

describe("the day settled on after a conclusion word", () => {
  it("is the last day said", () => {
    expect(read(lessons, "I'm away tuesday to thursday so saturday")).toEqual([
      { type: "set_slot", slot: "lesson_day", value: "2028-04-15" },
    ]);
    expect(read(lessons, "not this monday but the one after, so the 24th")).toEqual([
      { type: "set_slot", slot: "lesson_day", value: "2028-04-24" },
    ]);
  });

  it("is read in Spanish", () => {
    expect(read(clases, "trabajo de lunes a jueves, así que el viernes")).toEqual([
      { type: "set_slot", slot: "lesson_day", value: "2028-04-14" },
    ]);
  });

  it("is no answer when more follows it", () => {
    expect(read(lessons, "monday or so, friday at the latest maybe")).not.toEqual([
      { type: "set_slot", slot: "lesson_day", value: "2028-04-14" },
    ]);
  });
});
