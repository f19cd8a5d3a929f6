import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/** A riding school, written for these tests: book or call off a lesson by its code. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let school: LoadedDomain;

beforeAll(async () => {
  school = await loadDomainFromText(
    [
      "slots:",
      "  lesson_code: { type: string, extract: pattern, pattern: 'RL\\d{3}', prompt: 'Which lesson?' }",
      "  day: { type: date, prompt: 'Which day?' }",
      "flows:",
      "  book_lesson:",
      "    description: Book a riding lesson",
      "    trigger: { intents: ['book a riding lesson on {day}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: day }",
      "  move_lesson:",
      "    description: Move a riding lesson to another day",
      "    trigger: { intents: ['push my lesson {lesson_code} back to {day}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: lesson_code }",
      "      - { step: d, type: collect, slot: day }",
      "  cancel_lesson:",
      "    description: Cancel a riding lesson",
      "    trigger: { intents: ['cancel lesson {lesson_code}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: lesson_code }",
    ].join("\n"),
    "school.yaml",
  );
});

describe("'I won't make the ...'", () => {
  it("gives the thing up, as 'I won't make my ...' does", () => {
    const text = "something came up and we won't make the lesson, sorry. RL204";
    expect(startedFlow(du.read(text, school, emptyState("t")))).toBe("cancel_lesson");
  });
});
